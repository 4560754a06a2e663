import type { Core } from '@strapi/strapi';
import { parseSearchParams, search } from '../../../search/service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Parameters<Core.MiddlewareHandler>[0]) {
    const { pagination, ...data } = await search(strapi, parseSearchParams(ctx.query));
    ctx.body = { data, meta: { pagination } };
  },
});
