import type { Core } from '@strapi/strapi';
import { isContentApiPath, requestPathOf } from '../src/limits/request-route';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default [
  'strapi::logger',
  'strapi::errors',
  // Every guard below compares this request's canonical path (src/limits/request-route.ts).
  'global::request-path',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Strapi's default reflects any Origin with credentials; only listed origins, on content-API routes.
      origin: (ctx: Context) => (isContentApiPath(strapi, requestPathOf(ctx)) ? strapi.config.get<string[]>('access.corsOrigins') : []),
      credentials: true,
    },
  },
  // No 'strapi::poweredBy': the X-Powered-By banner tells an attacker what to try.
  'global::rate-limit',
  'global::public-cache',
  // Anonymous reads answered from memory skip everything below (src/response-cache/).
  'global::response-cache',
  // Query strings parse at most 20 levels deep (deeper brackets stay a literal key, which the query
  // validator refuses), lists of 100 and 1,000 parameters; QUERY_STRING_MAX_LENGTH bounds the rest.
  { name: 'strapi::query', config: { depth: 20, arrayLimit: 100, parameterLimit: 1000 } },
  'global::request-budget',
  'global::content-api-query',
  'strapi::body',
  'global::graphql-request',
  'global::import-bookkeeping',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
