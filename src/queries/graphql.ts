import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { officialsByArticleCount, parseRankingParams } from './officials-by-article-count';

interface PaginationArg {
  page?: number | null;
  pageSize?: number | null;
  start?: number | null;
  limit?: number | null;
}

/** GraphQL's PaginationArg as the page/pageSize query parameters the REST routes validate. */
export function pageParams(pagination: PaginationArg | null | undefined): Record<string, string> {
  const { page, pageSize, start, limit } = pagination ?? {};
  if ((start ?? null) !== null || (limit ?? null) !== null) {
    throw new errors.ValidationError('This query pages by page and pageSize, not start and limit');
  }
  const params: Record<string, string> = {};
  if (page !== undefined && page !== null) params.page = String(page);
  if (pageSize !== undefined && pageSize !== null) params.pageSize = String(pageSize);
  return params;
}

/** `officialsByArticleCount(pagination: { page: 1, pageSize: 25 })`, the twin of GET /api/official-rankings. */
export function registerRankingQuery(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: any }) => ({
      types: [
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
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('officialsByArticleCount', {
              type: 'OfficialsByArticleCount',
              description: 'Published officials by the number of published articles mentioning them, most first',
              args: { pagination: nexus.arg({ type: 'PaginationArg' }) },
              resolve: (_parent: unknown, args: { pagination?: PaginationArg | null }) =>
                officialsByArticleCount(strapi, parseRankingParams(pageParams(args.pagination))),
            });
          },
        }),
      ],
      resolversConfig: { 'Query.officialsByArticleCount': { auth: false } },
    }));
}
