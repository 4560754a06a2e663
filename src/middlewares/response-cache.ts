import type { Core } from '@strapi/strapi';
import type { Limits } from '../../config/limits';
import { contentApiRouteOf, isRestPath, requestPathOf, type RequestPath } from '../limits/request-route';
import { readKeyOf } from '../response-cache/key';
import { responseCacheOf } from '../response-cache';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * Search answers from its own index, which is also written outside the Document Service (rebuilt
 * by `npm run search:reindex`, filled on start), so no content write is a sure sign it changed.
 */
const UNCACHED_APIS = new Set(['search']);

/**
 * Answers anonymous GET reads of the app's REST routes (content types, rankings) from memory when
 * the same read was answered since the last write that could change it (src/response-cache/): Strapi's
 * populate, sanitising and response transform cost milliseconds per entry of a list, and most
 * readers ask the same pages. Runs after the rate limit and the public cache headers (which apply
 * to cached answers alike) and before anything else; a kept answer was validated, authorised and
 * built for the same path and query by the anonymous role. Never kept: requests with credentials
 * (whatever they are, an invalid token included), draft reads, errors, search, and routes of
 * plugins (sign-in, users). `X-Response-Cache: hit|miss` tells which, for operators and tests.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = responseCacheOf(strapi);
  const { maxQueryStringLength } = strapi.config.get<Limits>('limits');

  const cacheableRoute = (ctx: Context) => {
    const { apiName, pluginName } = (ctx.state.route as { info?: { apiName?: string; pluginName?: string } } | undefined)?.info ?? {};
    return apiName !== undefined && !UNCACHED_APIS.has(apiName) && pluginName === undefined;
  };

  /**
   * Every spelling of a route shares its entry. A content type's route is named by its type and
   * documentId (whose case matters); the app's other routes take no path parameters, so their
   * canonical path names them. The scope says which writes drop the entry.
   */
  const routeOf = (path: RequestPath) => {
    const route = contentApiRouteOf(strapi, path);
    return route
      ? { key: `${route.uid}/${route.documentId ?? ''}`, scope: cache.readScopeOf(route.uid, route.documentId) }
      : { key: path.canonical, scope: cache.readScopeOf(undefined) };
  };

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const path = requestPathOf(ctx);
    // Spellings Strapi does not route like the canonical path (`/api/%61rticles`, `/api//articles`
    // are 404s to it) are answered by Strapi, never from an entry of the path they decode to.
    if (!cache.enabled || ctx.method !== 'GET' || !isRestPath(strapi, path) || !path.routedAsCanonical) return next();
    if (ctx.get('Authorization') || ctx.querystring.length > maxQueryStringLength) return next();
    const route = routeOf(path);
    const { key, status } = readKeyOf(route.key, ctx.querystring);
    if (status !== undefined && status !== 'published') return next();

    const kept = cache.store.get(key);
    if (kept) {
      ctx.set('X-Response-Cache', 'hit');
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = kept;
      return;
    }

    const generation = cache.store.generation(route.scope);
    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;
    // The public role is "authenticated" without credentials; a user or a token has them.
    if (ctx.state.auth?.credentials || !cacheableRoute(ctx)) return;
    if (typeof (ctx.body as { pipe?: unknown }).pipe === 'function') return; // a stream
    const body = Buffer.from(JSON.stringify(ctx.body));
    ctx.set('X-Response-Cache', 'miss');
    ctx.type = 'application/json'; // before the body: Koa types a Buffer body as binary otherwise
    ctx.body = body;
    cache.store.set(key, body, route.scope, generation);
  };
  return middleware;
};
