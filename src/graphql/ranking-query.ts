import type { Core } from '@strapi/strapi';
import { pageParams, registerPublicQuery, type PaginationArg } from './public-query';
import { officialsByArticleCount, parseRankingParams } from '../ranking/officials-by-article-count';

/** `officialsByArticleCount(pagination: { page: 1, pageSize: 25 })`, the twin of GET /api/official-rankings. */
export function registerRankingQuery(strapi: Core.Strapi): void {
  registerPublicQuery<{ pagination?: PaginationArg | null }>(strapi, {
    name: 'officialsByArticleCount',
    description: 'Published officials by the number of published articles mentioning them, most first',
    returns: 'OfficialsByArticleCount',
    types: (nexus) => [
      nexus.objectType({
        name: 'OfficialArticleCount',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('name');
          t.nonNull.int('articleCount');
        },
      }),
      nexus.objectType({
        name: 'OfficialsByArticleCount',
        definition(t: any) {
          t.nonNull.list.nonNull.field('officials', { type: 'OfficialArticleCount' });
          t.nonNull.field('pagination', { type: 'Pagination' });
        },
      }),
    ],
    args: (nexus) => ({ pagination: nexus.arg({ type: 'PaginationArg' }) }),
    resolve: (args) => officialsByArticleCount(strapi, parseRankingParams(pageParams(args.pagination))),
  });
}
