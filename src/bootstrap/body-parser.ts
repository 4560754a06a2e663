import type { Core } from '@strapi/strapi';
import { isGraphqlPath, requestPathOf } from '../limits/request-route';

type MiddlewareFactory = (config: unknown, opts: { strapi: Core.Strapi }) => Core.MiddlewareHandler;

/**
 * Strapi's body parser (`strapi::body`, required in the middleware list, so it cannot be swapped
 * there) keyed to the canonical path. It leaves GraphQL bodies to Apollo only when `ctx.url` is
 * exactly the endpoint, so `/GRAPHQL` or `/graphql/` bodies were read with its 1 MB limit and
 * `global::graphql-request` then found the stream consumed. Every spelling of the endpoint is now
 * left to `global::graphql-request`, which reads it within the GraphQL body limit.
 */
export function keyBodyParserToRoute(strapi: Core.Strapi): void {
  strapi.get('middlewares').extend('strapi::body', (parseBody: MiddlewareFactory): MiddlewareFactory => (config, opts) => {
    const parse = parseBody(config, opts);
    return async (ctx, next) => {
      if (isGraphqlPath(strapi, requestPathOf(ctx))) return next();
      return parse(ctx, next);
    };
  });
}
