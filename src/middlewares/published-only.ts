import type { Core } from '@strapi/strapi';
import { canReadDrafts } from '../access/draft-readers';

/**
 * Strapi 5 honours `?status=draft` for anyone allowed to `find`, so without this guard the
 * public role could read unreviewed imports. Only API-token clients (previews, tooling) may
 * ask for drafts; everyone else always gets the published version, and without
 * `publicationFilter`, which would tell published entries with pending edits from the others.
 */
export default (_config: unknown, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!canReadDrafts(ctx.state?.auth)) {
      const { publicationFilter: _ignored, ...query } = ctx.query ?? {};
      ctx.query = { ...query, status: 'published' };
    }
    await next();
  };
  return middleware;
};
