import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Limits } from '../../config/limits';
import { isContentApiPath } from '../limits/content-api-paths';
import { createWindowCounter } from '../limits/rate-limit';

/**
 * Requests per client address on the content API (REST and GraphQL), search (on top) and the
 * admin login, from `limits.rateLimit` (config/limits.ts). Past a limit: 429 with Retry-After,
 * before anything else of the request runs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get<Limits>('limits').rateLimit;
  const counter = createWindowCounter(settings.windowMs);
  const searchPath = `${strapi.config.get<string>('api.rest.prefix', '/api')}/search`;

  const bucketsOf = (ctx: Parameters<Core.MiddlewareHandler>[0]): Array<[string, number]> => {
    if (ctx.method === 'POST' && ctx.path === '/admin/login') return [['admin-login', settings.adminLogin]];
    if (!isContentApiPath(strapi, ctx.path)) return [];
    const buckets: Array<[string, number]> = [['content-api', settings.contentApi]];
    if (ctx.path === searchPath) buckets.push(['search', settings.search]);
    return buckets;
  };

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!settings.enabled) return next();
    for (const [bucket, limit] of bucketsOf(ctx)) {
      const { allowed, retryAfterSeconds } = counter.hit(bucket, ctx.ip, limit);
      if (!allowed) {
        ctx.set('Retry-After', String(retryAfterSeconds));
        throw new errors.RateLimitError(`Too many requests: at most ${limit} per ${settings.windowMs / 1000} s. Retry after ${retryAfterSeconds} s.`);
      }
    }
    return next();
  };
  return middleware;
};
