import type { Core } from '@strapi/strapi';
import { checkQueryEscapes, requestPathOf } from '../limits/request-route';

/**
 * First after the error handler, for every route: the path is decoded once into the canonical
 * form the guards compare (src/limits/request-route.ts), and a malformed percent-encoding in the
 * path or the query string answers 400 here rather than as a URIError (a 500) wherever something
 * decodes it later.
 */
export default (_config: unknown, _opts: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    requestPathOf(ctx);
    checkQueryEscapes(ctx.querystring);
    return next();
  };
  return middleware;
};
