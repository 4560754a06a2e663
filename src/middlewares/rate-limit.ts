import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Limits } from '../../config/limits';
import { createRateLimiters, rateLimitBucketsOf, rateLimitClient } from '../limits/rate-limit';
import { requestPathOf } from '../limits/request-route';
import { sharedRedisOf } from '../redis';

/**
 * Requests per client address on the content API (REST and GraphQL), search (on top) and the
 * admin login, from `limits.rateLimit` (config/limits.ts), counted across instances when they
 * share a Redis (src/redis/). Past a limit: 429 with Retry-After, before anything else of the
 * request runs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get<Limits>('limits').rateLimit;
  const limiters = createRateLimiters(settings, sharedRedisOf(strapi));

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!settings.enabled) return next();
    for (const { name, limit } of rateLimitBucketsOf(strapi, { path: requestPathOf(ctx), method: ctx.method }, settings)) {
      const { allowed, retryAfterSeconds } = await limiters.hit(name, rateLimitClient(ctx.ip));
      if (!allowed) {
        ctx.set('Retry-After', String(retryAfterSeconds));
        throw new errors.RateLimitError(
          `Too many requests: at most ${limit} per ${settings.windowMs / 1000} s. Retry after ${retryAfterSeconds} s.`,
        );
      }
    }
    return next();
  };
  return middleware;
};
