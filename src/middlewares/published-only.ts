import type { Core } from '@strapi/strapi';
import { canReadDrafts } from '../policies/draft-readers';

/**
 * Strapi 5 honours `?status=draft` for anyone allowed to `find`, so without this guard the
 * public role could read unreviewed imports. Only API-token clients (previews, tooling) may
 * ask for drafts; everyone else always gets the published version.
 */
export default (_config: unknown, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!canReadDrafts(ctx.state?.auth)) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
  return middleware;
};
