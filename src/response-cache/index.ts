import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { INTERNAL_UIDS } from '../content-types';
import { sharedRedisOf } from '../redis';
import { readScopesOf } from './scope';
import { parseResponseCacheSettings } from './settings';
import { createResponseStore, type ReadScope, type ResponseStore, type WriteScope } from './store';

/**
 * The in-process cache of anonymous content-API reads (served by `global::response-cache`), and
 * what invalidates it: every write to published content through the Document Service, and the
 * published documents each unit the importer commits changed (it also writes through the query
 * engine, which the Document Service never sees), each dropping only the answers that can contain
 * what it wrote; and every change of a role's permissions, which drops everything. Each Strapi
 * instance keeps its own; with a shared Redis (src/redis/) every invalidation is also published
 * there and applied by every other instance at once.
 */

export interface ResponseCache {
  store: ResponseStore;
  /** Off: every read is answered fresh and nothing is kept (config, or the bench's fresh runs). */
  enabled: boolean;
  /** What an answer of a content type's route (or of another route, for undefined) can contain. */
  readScopeOf(uid: string | undefined, documentId?: string): ReadScope;
  /** Applies an invalidation here and publishes it to the other instances. */
  invalidate(write?: WriteScope): Promise<void>;
}

const CONTENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Types no kept answer shows: they have no routes and no public permissions, and only private
 * relations lead to them (an article's page), so writing them (every imported page's Page row,
 * a desk run's bookkeeping, a merge's aliases) changes no answer.
 */
const UNSEEN_TYPES: ReadonlySet<string> = new Set(INTERNAL_UIDS);

/** What anonymous readers may see is these rows: a change to them changes the answers. */
const ACCESS_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

/**
 * Kept in Strapi's container rather than in this module: scripts and tests load this file from
 * src/ while the app runs it from dist/, and both must reach the one cache of the instance.
 */
const CONTAINER_NAME = 'newsroom::response-cache';

const WriteScopeSchema = z.object({ uid: z.string().min(1), documentIds: z.array(z.string()).optional() });
/** One message on the invalidation channel: `write` null is everything. */
const InvalidationMessageSchema = z.object({ origin: z.string(), write: WriteScopeSchema.nullable() });

export function registerResponseCache(strapi: Core.Strapi): void {
  const settings = parseResponseCacheSettings(strapi.config.get('response-cache'));
  const store = createResponseStore(settings);
  const apply = (write?: WriteScope) => (write ? store.invalidate(write) : store.clear());
  const publish = invalidationBroadcast(strapi, apply);
  let readScopeOf: ResponseCache['readScopeOf'] | undefined;

  const cache: ResponseCache = {
    store,
    enabled: settings.enabled,
    // Schemas are complete only once every plugin has registered: computed on first use.
    readScopeOf: (uid, documentId) => (readScopeOf ??= readScopesOf(strapi))(uid, documentId),
    async invalidate(write) {
      apply(write);
      await publish(write);
    },
  };
  strapi.add(CONTAINER_NAME, cache);

  strapi.documents.use(async (context, next) => {
    const result = await next();
    const write = publishedWriteOf(strapi, context as unknown as DocumentCall, result);
    if (write) await invalidateResponseCache(strapi, write);
    return result;
  });

  const invalidate = () => invalidateResponseCache(strapi);
  strapi.db.lifecycles.subscribe({
    models: ACCESS_MODELS,
    afterCreate: invalidate,
    afterCreateMany: invalidate,
    afterUpdate: invalidate,
    afterUpdateMany: invalidate,
    afterDelete: invalidate,
    afterDeleteMany: invalidate,
  });
}

interface DocumentCall {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string };
}

/**
 * The published documents a Document Service call changed, or undefined when it changed none that
 * an anonymous reader sees: on a type with drafts, create and update write the draft unless asked
 * to publish, and discarding a draft leaves the published version as it was.
 */
function publishedWriteOf(strapi: Core.Strapi, call: DocumentCall, result: unknown): WriteScope | undefined {
  const { uid, action, params } = call;
  if (!uid.startsWith('api::') || !CONTENT_WRITES.has(action)) return undefined;
  const hasDrafts =
    (strapi.contentTypes as unknown as Record<string, { options?: { draftAndPublish?: boolean } }>)[uid]?.options?.draftAndPublish === true;
  if (hasDrafts && (action === 'discardDraft' || ((action === 'create' || action === 'update') && params?.status !== 'published')))
    return undefined;
  const documentId = action === 'create' ? (result as { documentId?: string } | null)?.documentId : params?.documentId;
  return documentId ? { uid, documentIds: [documentId] } : { uid };
}

/**
 * Publishes this instance's invalidations on the shared Redis and applies the others'. While the
 * subscription is down, invalidations are missed: once it is back, everything kept is dropped.
 * Without Redis, invalidations stay in this instance.
 */
function invalidationBroadcast(strapi: Core.Strapi, apply: (write?: WriteScope) => void): (write?: WriteScope) => Promise<void> {
  const redis = sharedRedisOf(strapi);
  if (!redis) return async () => undefined;
  const channel = `${redis.keyPrefix}response-cache:invalidate`;
  const origin = randomUUID();
  const subscriber = redis.subscriber();
  let subscribedOnce = false;
  subscriber.on('ready', () => {
    if (subscribedOnce) apply();
    subscribedOnce = true;
    subscriber.subscribe(channel).catch(() => undefined); // a failure shows as the connection's outage
  });
  subscriber.on('message', (_channel: string, text: string) => {
    const message = InvalidationMessageSchema.safeParse(safeJson(text));
    if (!message.success) return strapi.log.warn(`Ignored a malformed response cache invalidation on ${channel}`);
    if (message.data.origin !== origin) apply(message.data.write ?? undefined);
  });
  return async (write) => {
    try {
      await redis.client.publish(channel, JSON.stringify({ origin, write: write ?? null }));
    } catch {
      // Redis is down (logged once by src/redis/); other instances drop everything when they hear it again.
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function responseCacheOf(strapi: Core.Strapi): ResponseCache {
  if (!strapi.has(CONTAINER_NAME))
    throw new Error('The response cache is not registered: registerResponseCache(strapi) runs at register (src/response-cache/feature.ts)');
  return strapi.get(CONTAINER_NAME) as ResponseCache;
}

/**
 * Drops the kept answers `write` can change (everything when absent, nothing for a type no answer
 * shows), on this instance and every other one sharing its Redis, now and, when called inside a
 * transaction, once more when it commits: a read between the write and the commit still sees the
 * old rows and may be kept.
 */
export async function invalidateResponseCache(strapi: Core.Strapi, write?: WriteScope): Promise<void> {
  if (!strapi.has(CONTAINER_NAME) || (write && UNSEEN_TYPES.has(write.uid))) return;
  const cache = responseCacheOf(strapi);
  await cache.invalidate(write);
  if (strapi.db.inTransaction()) {
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => cache.invalidate(write)));
  }
}

/**
 * Drops the kept answers any of `writes` can change, as `invalidateResponseCache` does for each:
 * none when there are none (an import unit that wrote only drafts).
 */
export async function invalidateResponseCacheFor(strapi: Core.Strapi, writes: readonly WriteScope[]): Promise<void> {
  for (const write of writes) await invalidateResponseCache(strapi, write);
}
