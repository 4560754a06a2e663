import type { Core } from '@strapi/strapi';
import type { Limits } from '../../config/limits';
import { isAdminLoginPath, isContentApiPath, isRestRoute, type RequestPath } from './request-route';

/** One counter a request counts against, with its limit per window. */
export interface RateLimitBucket {
  /** What is counted: `content-api:<client>`, `search:<client>`, `admin-login:<client>`. */
  key: string;
  limit: number;
}

/**
 * Which counters a request counts against: every content-API request (REST and GraphQL) per
 * client address, searches on top, and admin sign-ins on their own. The one place that keys
 * rate limits, so the store behind them can change (a shared one for several instances)
 * without touching what is counted.
 */
export function rateLimitBucketsOf(
  strapi: Core.Strapi,
  request: { path: RequestPath; method: string; client: string },
  settings: Limits['rateLimit'],
): RateLimitBucket[] {
  const { path, method, client } = request;
  const bucket = (name: string, limit: number): RateLimitBucket => ({ key: `${name}\u0000${client}`, limit });
  if (method === 'POST' && isAdminLoginPath(path)) return [bucket('admin-login', settings.adminLogin)];
  if (!isContentApiPath(strapi, path)) return [];
  const buckets = [bucket('content-api', settings.contentApi)];
  if (isRestRoute(strapi, path, 'search')) buckets.push(bucket('search', settings.search));
  return buckets;
}

/**
 * Fixed-window request counters, in this process's memory: enough for one Strapi process behind
 * a proxy; several processes each count their own share (the README says to put per-IP limits in
 * the proxy as well). Memory is bounded: every counter ends with its window, and past
 * `maxCounters` in one window the counter used least recently is dropped. A flood from many
 * addresses (an IPv6 range holds billions) thus evicts its own one-off counters and never puts
 * a new client on a shared one; a dropped client merely starts again from zero.
 */
export interface WindowCounter {
  /** Counts one request; answers how many seconds to wait when it is over the limit. */
  hit(key: string, limit: number, now?: number): { allowed: boolean; retryAfterSeconds: number };
  size(): number;
}

export function createWindowCounter(windowMs: number, maxCounters = 100_000): WindowCounter {
  let windowStart = Number.NEGATIVE_INFINITY;
  // A Map iterates in insertion order: re-inserting a counter on each hit keeps the least
  // recently used one first.
  let counts = new Map<string, number>();

  return {
    hit(key, limit, now = Date.now()) {
      if (now >= windowStart + windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.delete(key);
      if (counts.size >= maxCounters) counts.delete(counts.keys().next().value as string);
      counts.set(key, count);
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      return { allowed: count <= limit, retryAfterSeconds };
    },
    size: () => counts.size,
  };
}
