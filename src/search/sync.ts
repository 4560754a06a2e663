import type { Core } from '@strapi/strapi';
import { isSearchable } from './entry';
import { syncDocuments } from './service';

/** Actions that may change what is published; an update or create only when it publishes too. */
const ALWAYS = new Set(['publish', 'unpublish', 'delete']);
const WHEN_PUBLISHING = new Set(['create', 'update']);

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string };
}

/**
 * Keeps the search index in step with published content written through the Document Service
 * (the Content Manager, the desk, scripts, the importer's fallback writer): a Document Service
 * middleware, so no caller has to remember. It runs inside the writer's transaction when there is
 * one, so a write that rolls back leaves the index as it was. The importer's row writer bypasses
 * the Document Service; its published documents reach the index through `syncImported`, the
 * import hook registered by the search feature (./feature.ts).
 */
export function registerSearchSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const { uid, action, params } = context as DocumentContext;
    if (!isSearchable(uid)) return result;
    const publishing = ALWAYS.has(action) || (WHEN_PUBLISHING.has(action) && params?.status === 'published');
    if (!publishing) return result;
    const documentId = params?.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await syncDocuments(strapi, uid, [documentId]);
    return result;
  });
}
