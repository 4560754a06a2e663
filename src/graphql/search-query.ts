import type { Core } from '@strapi/strapi';
import { pageParams, registerPublicQuery, type PaginationArg } from './public-query';
import { parseSearchParams, search } from '../search/service';

/** GraphQL twin of GET /api/search: `search(q: "郑州", pagination: { page: 1, pageSize: 10 })`. */
export function registerSearchQuery(strapi: Core.Strapi): void {
  registerPublicQuery<{ q: string; pagination?: PaginationArg | null }>(strapi, {
    name: 'search',
    description: 'Published articles matching every word of q (any Chinese substring, 5G, A04), best first, and the officials, projects and platforms whose names match',
    returns: 'SearchResult',
    types: (nexus) => [
      nexus.objectType({
        name: 'SearchArticleHit',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('title');
          t.string('subtitle');
          t.string('issueDate');
          t.string('page');
          t.nonNull.string('titleHighlight', { description: 'The title, HTML-escaped, hits in <mark>' });
          t.nonNull.string('snippet', { description: 'Body text around the first hit, HTML-escaped, hits in <mark>' });
        },
      }),
      nexus.objectType({
        name: 'SearchEntityHit',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('name');
          t.nonNull.string('nameHighlight', { description: 'The name, HTML-escaped, hits in <mark>' });
        },
      }),
      nexus.objectType({
        name: 'SearchResult',
        definition(t: any) {
          t.nonNull.list.nonNull.field('articles', { type: 'SearchArticleHit' });
          t.nonNull.list.nonNull.field('officials', { type: 'SearchEntityHit' });
          t.nonNull.list.nonNull.field('projects', { type: 'SearchEntityHit' });
          t.nonNull.list.nonNull.field('researchPlatforms', { type: 'SearchEntityHit' });
          t.nonNull.field('pagination', { type: 'Pagination' });
        },
      }),
    ],
    args: (nexus) => ({ q: nexus.nonNull(nexus.stringArg()), pagination: nexus.arg({ type: 'PaginationArg' }) }),
    resolve: (args) => search(strapi, parseSearchParams({ q: args.q, ...pageParams(args.pagination) })),
  });
}
