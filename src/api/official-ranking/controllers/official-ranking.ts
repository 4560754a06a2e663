import type { Core } from '@strapi/strapi';
import { officialsByArticleCount, parseRankingParams } from '../../../ranking/officials-by-article-count';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Parameters<Core.MiddlewareHandler>[0]) {
    const { officials, pagination } = await officialsByArticleCount(strapi, parseRankingParams(ctx.query));
    ctx.body = { data: officials, meta: { pagination } };
  },
});
