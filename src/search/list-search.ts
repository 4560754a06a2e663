import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../content-types';
import { matchingArticleIds, SEARCH_LIMITS } from './service';

/** The Document Service reads a list search (`_q`) goes through: the page of results and their count. */
const LIST_ACTIONS = new Set(['findMany', 'count']);
/** Articles the index may name for one search: a list shows pages of them, not all. */
const INDEXED_MATCHES = 500;

interface ListContext {
  uid: string;
  action: string;
  params?: { _q?: unknown; filters?: unknown } & Record<string, unknown>;
}

/**
 * A search of the article list (the content manager's search box, or `_q` on the REST API) finds
 * articles by what is in them, not only by their own string fields, which is all Strapi's `_q`
 * reads (the body is blocks, never searched): by the officials, projects, platforms and people
 * credited they link, and by their text through the search index (published text; a draft shares
 * its documentId with its published version). A query the index cannot read (no letters or
 * digits, too many words, too long) keeps Strapi's own search.
 */
export function registerArticleListSearch(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action, params } = context as unknown as ListContext;
    const q = typeof params?._q === 'string' ? params._q.trim() : '';
    if (uid !== ARTICLE_UID || !LIST_ACTIONS.has(action) || q === '' || q.length > SEARCH_LIMITS.maxQueryLength) return next();
    let indexed: string[];
    try {
      indexed = await matchingArticleIds(strapi, q, INDEXED_MATCHES);
    } catch {
      return next();
    }
    const contains = { $containsi: q };
    const matches = [
      ...['title', 'subtitle', 'kicker', 'dateline'].map((field) => ({ [field]: contains })),
      ...['officials', 'projects', 'researchPlatforms', 'credits'].map((relation) => ({ [relation]: { name: contains } })),
      ...(indexed.length > 0 ? [{ documentId: { $in: indexed } }] : []),
    ];
    const { _q: _replaced, ...rest } = params ?? {};
    (context as unknown as ListContext).params = { ...rest, filters: { $and: [rest.filters ?? {}, { $or: matches }] } };
    return next();
  });
}
