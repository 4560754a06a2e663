import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../content-types';
import { contentManagerModelOf, requestPathOf } from '../limits/request-route';

/**
 * What the importer keeps to tell its own writes from an editor's (src/importer/ writes it as rows,
 * src/importer/load/versions.ts, or through the Document Service on the fallback path). In the Content Manager, the private snapshot and key never appear, and
 * `sourceKey` and `source` are read-only: whatever an admin client sends for any of them is dropped.
 */
export const IMPORT_BOOKKEEPING_FIELDS: Record<string, string[]> = {
  '*': ['importSnapshot', 'importKey'],
  'api::article.article': ['sourceKey', 'source', 'sourcePage'],
  // The desk's records: what happened is history, and aliases are made by merging. Deleting a
  // tombstone or an alias in the content manager is how an editor restores or un-merges by hand.
  'api::tombstone.tombstone': ['sourceKey', 'title', 'fileName'],
  'api::entity-alias.entity-alias': ['name', 'entityType', 'targetDocumentId', 'targetName'],
  'api::import-run.import-run': ['startedBy', 'published', 'files', 'totals', 'failed'],
};

const HIDDEN_FIELDS = IMPORT_BOOKKEEPING_FIELDS['*'];

function bookkeepingFieldsOf(uid: string): string[] {
  return [...HIDDEN_FIELDS, ...(IMPORT_BOOKKEEPING_FIELDS[uid] ?? [])];
}

/** Super admins are granted every field, hidden ones included, so the response is cleaned here. */
function withoutHiddenFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHiddenFields);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !HIDDEN_FIELDS.includes(key)).map(([key, child]) => [key, withoutHiddenFields(child)]),
  );
}

/** The article's Source component as printed on its page: the importer writes it, nobody else. */
const SOURCE_FIELDS = ['fileName', 'sha256', 'firstLine', 'lastLine', 'rawText'] as const;

/** The Source fields a write would change: the edit form sends them back as they are, which is no change. */
async function changedSourceFields(strapi: Core.Strapi, documentId: string | undefined | null, sent: unknown): Promise<string[]> {
  if (documentId === null || !sent || typeof sent !== 'object') return [];
  const stored = documentId
    ? ((await strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, publishedAt: null }, select: ['id'], populate: { source: true } })) as {
        source?: Record<string, unknown> | null;
      } | null)
    : null;
  const given = sent as Record<string, unknown>;
  return SOURCE_FIELDS.filter((field) => field in given && (given[field] ?? null) !== (stored?.source?.[field] ?? null));
}

/** The documentId a Content Manager write names: none for a create; bulk actions and clones carry no Source to check. */
function documentIdOf(segments: string[]): string | undefined | null {
  const fourth = segments[3];
  if (fourth === 'actions' || fourth === 'clone') return null;
  return fourth;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const path = requestPathOf(ctx);
    const uid = contentManagerModelOf(path);
    if (uid === undefined) return next();

    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && body && typeof body === 'object') {
      if (uid === ARTICLE_UID) {
        // An edit of the printed source would otherwise be dropped behind a "Saved document": refused, it is seen.
        const changed = await changedSourceFields(strapi, documentIdOf(path.segments), body.source);
        if (changed.length > 0) {
          throw new errors.ValidationError(`The Source fields are read-only, written by the importer from the printed page: ${changed.map((field) => `source.${field}`).join(', ')}`);
        }
      }
      for (const field of bookkeepingFieldsOf(uid)) delete body[field];
    }
    await next();
    if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) ctx.body = withoutHiddenFields(ctx.body);
  };
  return middleware;
};
