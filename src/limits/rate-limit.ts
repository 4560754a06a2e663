import { isIPv6 } from 'node:net';
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Limits } from '../../config/limits';
import type { SharedRedis } from '../redis';
import { isAdminLoginPath, isContentApiPath, isRestRoute, type RequestPath } from './request-route';

export type RateLimitName = 'content-api' | 'search' | 'admin-login';

/** One counter a request counts against (per client address), with its limit per window. */
export interface RateLimitBucket {
  name: RateLimitName;
  limit: number;
}

/**
 * Which counters a request counts against: every content-API request (REST and GraphQL) per
 * client address, searches on top, and admin sign-ins on their own. The one place that decides
 * what is counted, whichever store counts it.
 */
export function rateLimitBucketsOf(
  strapi: Core.Strapi,
  request: { path: RequestPath; method: string },
  settings: Limits['rateLimit'],
): RateLimitBucket[] {
  const { path, method } = request;
  if (method === 'POST' && isAdminLoginPath(path)) return [{ name: 'admin-login', limit: settings.adminLogin }];
  if (!isContentApiPath(strapi, path)) return [];
  const buckets: RateLimitBucket[] = [{ name: 'content-api', limit: settings.contentApi }];
  if (isRestRoute(strapi, path, 'search')) buckets.push({ name: 'search', limit: settings.search });
  return buckets;
}

/**
 * Who a request is counted as. An IPv4 address is one client; an IPv6 client gets a whole /64 from
 * its provider, and a flood from fresh addresses of it would otherwise be a new client, and a new
 * counter in memory, per request: its /64 is the client.
 */
export function rateLimitClient(address: string): string {
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/u, '')).join(':')}::/64`;
}

export interface RateLimiters {
  /** Counts one request of `client`; answers how many seconds to wait when it is over the limit. */
  hit(bucket: RateLimitName, client: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/**
 * Fixed-window counters from rate-limiter-flexible, one per bucket. With a shared Redis, every
 * instance counts in it, so a client's limit holds across instances; while Redis is unreachable
 * each instance counts in its own memory (the insurance limiter) and keeps serving. Without Redis,
 * memory only, as one process always did. A counter in memory ends with its window.
 */
export function createRateLimiters(settings: Limits['rateLimit'], redis?: SharedRedis): RateLimiters {
  // The library counts whole seconds; a window shorter than one is one.
  const duration = Math.max(1, Math.ceil(settings.windowMs / 1000));
  const limiterOf = (name: RateLimitName, points: number): RateLimiterAbstract => {
    const local = new RateLimiterMemory({ keyPrefix: name, points, duration });
    if (!redis) return local;
    return new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: `${redis.keyPrefix}rate-limit:${name}`,
      points,
      duration,
      insuranceLimiter: local,
      // A connection still being made answers from memory at once instead of waiting for it.
      rejectIfRedisNotReady: true,
    });
  };
  const limiters: Record<RateLimitName, RateLimiterAbstract> = {
    'content-api': limiterOf('content-api', settings.contentApi),
    search: limiterOf('search', settings.search),
    'admin-login': limiterOf('admin-login', settings.adminLogin),
  };

  return {
    async hit(bucket, client) {
      try {
        await limiters[bucket].consume(client);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
  };
}
