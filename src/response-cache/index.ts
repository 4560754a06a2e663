import type { Core } from '@strapi/strapi';
import { parseResponseCacheSettings } from './settings';
import { createResponseStore, type ResponseStore } from './store';

/**
 * The in-process cache of anonymous content-API reads (served by `global::response-cache`), and
 * what empties it: every write to content through the Document Service, every change of a role's
 * permissions, and the importer after each unit it commits (it also writes through the query
 * engine, which the Document Service never sees). One cache per Strapi instance.
 */

export interface ResponseCache {
  store: ResponseStore;
  /** Off: every read is answered fresh and nothing is kept (config, or the bench's fresh runs). */
  enabled: boolean;
}

const CONTENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** What anonymous readers may see is these rows: a change to them changes the answers. */
const ACCESS_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

/**
 * Kept in Strapi's container rather than in this module: scripts and tests load this file from
 * src/ while the app runs it from dist/, and both must reach the one cache of the instance.
 */
const CONTAINER_NAME = 'newsroom::response-cache';

export function registerResponseCache(strapi: Core.Strapi): void {
  const settings = parseResponseCacheSettings(strapi.config.get('response-cache'));
  const cache: ResponseCache = { store: createResponseStore(settings), enabled: settings.enabled };
  strapi.add(CONTAINER_NAME, cache);

  strapi.documents.use(async (context, next) => {
    const result = await next();
    const { uid, action } = context as { uid: string; action: string };
    if (uid.startsWith('api::') && CONTENT_WRITES.has(action)) await invalidateResponseCache(strapi);
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

export function responseCacheOf(strapi: Core.Strapi): ResponseCache {
  if (!strapi.has(CONTAINER_NAME)) throw new Error('The response cache is not registered: registerResponseCache(strapi) runs in src/index.ts register()');
  return strapi.get(CONTAINER_NAME) as ResponseCache;
}

/**
 * Empties the cache now and, when called inside a transaction, once more when it commits: a read
 * between the write and the commit still sees the old rows and may be kept in between.
 */
export async function invalidateResponseCache(strapi: Core.Strapi): Promise<void> {
  if (!strapi.has(CONTAINER_NAME)) return;
  const cache = responseCacheOf(strapi);
  cache.store.clear();
  if (strapi.db.inTransaction()) {
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => cache.store.clear()));
  }
}
