import type { Core } from '@strapi/strapi';

/**
 * What the importer keeps to tell its own writes from an editor's (src/importer/ writes it through
 * the Document Service). Editors see `sourceKey` and `source` read-only and never the private
 * snapshot and key; whatever an admin client sends for these fields is dropped.
 */
export const IMPORT_BOOKKEEPING_FIELDS: Record<string, string[]> = {
  '*': ['importSnapshot', 'importKey'],
  'api::article.article': ['sourceKey', 'source'],
};

export function bookkeepingFieldsOf(uid: string): string[] {
  return [...IMPORT_BOOKKEEPING_FIELDS['*'], ...(IMPORT_BOOKKEEPING_FIELDS[uid] ?? [])];
}

/** Content Manager writes: `/content-manager/{collection,single}-types/<uid>[/<id>[/actions/…]]`. */
const CONTENT_MANAGER_WRITE = /^\/content-manager\/(?:collection|single)-types\/([^/]+)/;

export default (_config: unknown, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const match = ['POST', 'PUT', 'PATCH'].includes(ctx.method) ? CONTENT_MANAGER_WRITE.exec(ctx.path) : null;
    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (match && body && typeof body === 'object') {
      const uid = decodeURIComponent(match[1]);
      for (const field of bookkeepingFieldsOf(uid)) delete body[field];
    }
    await next();
  };
  return middleware;
};
