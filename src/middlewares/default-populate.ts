import type { Core } from '@strapi/strapi';

interface DefaultPopulateConfig {
  populate: Record<string, unknown>;
}

/** Populates the configured relations and components unless the client chose its own populate. */
export default (config: DefaultPopulateConfig, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (ctx.query?.populate === undefined) {
      ctx.query = { ...ctx.query, populate: config.populate };
    }
    await next();
  };
  return middleware;
};
