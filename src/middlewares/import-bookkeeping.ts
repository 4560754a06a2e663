import type { Core } from '@strapi/strapi';
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

export default (_config: unknown, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const uid = contentManagerModelOf(requestPathOf(ctx));
    if (uid === undefined) return next();

    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && body && typeof body === 'object') {
      for (const field of bookkeepingFieldsOf(uid)) delete body[field];
    }
    await next();
    if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) ctx.body = withoutHiddenFields(ctx.body);
  };
  return middleware;
};
