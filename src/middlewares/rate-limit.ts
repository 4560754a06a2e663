import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Limits } from '../../config/limits';
import { createWindowCounter, rateLimitBucketsOf } from '../limits/rate-limit';
import { requestPathOf } from '../limits/request-route';

/**
 * Requests per client address on the content API (REST and GraphQL), search (on top) and the
 * admin login, from `limits.rateLimit` (config/limits.ts). Past a limit: 429 with Retry-After,
 * before anything else of the request runs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get<Limits>('limits').rateLimit;
  const counter = createWindowCounter(settings.windowMs);

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!settings.enabled) return next();
    const request = { path: requestPathOf(ctx), method: ctx.method, client: ctx.ip };
    for (const { key, limit } of rateLimitBucketsOf(strapi, request, settings)) {
      const { allowed, retryAfterSeconds } = counter.hit(key, limit);
      if (!allowed) {
        ctx.set('Retry-After', String(retryAfterSeconds));
        throw new errors.RateLimitError(`Too many requests: at most ${limit} per ${settings.windowMs / 1000} s. Retry after ${retryAfterSeconds} s.`);
      }
    }
    return next();
  };
  return middleware;
};
