import type { Core } from '@strapi/strapi';
import type { Limits } from '../../config/limits';
import { loadRelations, planPopulate, type TruncatedRelation } from '../limits/bounded-relations';

interface BoundedRelationsConfig {
  uid: string;
}

/**
 * Route middleware of the REST reads: relations asked for in `populate` are taken out of
 * Strapi's query and loaded afterwards with at most `limits.maxRelatedEntries` entries each
 * (src/limits/bounded-relations.ts), so a response's size does not grow with the archive.
 * Runs after `global::published-only`, so it loads the status the reader may see.
 */
export default (config: BoundedRelationsConfig, { strapi }: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const model = strapi.getModel(config.uid as any);
    const auth = ctx.state?.auth;
    // Strapi's sanitizer drops what this reader may not see (private fields, forbidden targets).
    const { populate: allowed } = await strapi.contentAPI.sanitize.query({ populate: ctx.query?.populate }, model, { auth });
    const { populate, relations } = planPopulate(strapi, config.uid, allowed);
    if (Object.keys(relations).length === 0) return next();

    ctx.query = { ...ctx.query, populate };
    await next();

    const body = ctx.body as { data?: unknown; meta?: Record<string, unknown> } | undefined;
    if (ctx.status !== 200 || !body?.data) return;
    const entries = (Array.isArray(body.data) ? body.data : [body.data]) as Parameters<typeof loadRelations>[2];
    const truncated: TruncatedRelation[] = [];
    await loadRelations(
      {
        strapi,
        auth,
        status: ctx.query.status === 'draft' ? 'draft' : 'published',
        maxEntries: strapi.config.get<Limits>('limits').maxRelatedEntries,
        truncated,
      },
      config.uid,
      entries,
      relations,
    );
    if (truncated.length > 0) body.meta = { ...body.meta, truncatedRelations: truncated };
  };
  return middleware;
};
