import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isGraphqlPath, requestPathOf } from './request-route';

type MiddlewareFactory = (config: unknown, opts: { strapi: Core.Strapi }) => Core.MiddlewareHandler;

/**
 * Strapi's body parser (`strapi::body`, required in the middleware list, so it cannot be swapped
 * there) with two guards in front of it:
 *
 * - It leaves GraphQL bodies to Apollo only when `ctx.url` is exactly the endpoint, so `/GRAPHQL`
 *   or `/graphql/` bodies were read with its 1 MB limit and `global::graphql-request` then found
 *   the stream consumed. Every spelling of the endpoint is now left to `global::graphql-request`,
 *   which reads it within the GraphQL body limit.
 * - It parses multipart bodies (uploads, up to 200 MB to disk) for every route before any route
 *   checks who is asking. Only a client with credentials (an admin, a signed-in user, an API
 *   token) may upload, so a multipart body without an Authorization header is refused unread.
 */
export function guardBodyParser(strapi: Core.Strapi): void {
  strapi.get('middlewares').extend('strapi::body', (parseBody: MiddlewareFactory): MiddlewareFactory => (config, opts) => {
    const parse = parseBody(config, opts);
    return async (ctx, next) => {
      if (isGraphqlPath(strapi, requestPathOf(ctx))) return next();
      if (ctx.is('multipart') && !ctx.get('Authorization')) {
        throw new errors.UnauthorizedError('Uploads need credentials: sign in, or send an API token.');
      }
      return parse(ctx, next);
    };
  });
}
