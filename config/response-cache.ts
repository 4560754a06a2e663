import type { Core } from '@strapi/strapi';

/**
 * In-process cache of anonymous content-API reads (src/response-cache/). Each Strapi process keeps
 * its own, invalidated by every write to published content it makes itself and, with `REDIS_URL`,
 * by every other instance's (docs/operations.md, "Several instances"); without Redis a write made
 * by another instance shows here after at most `ttlSeconds`. Checked at
 * start (src/response-cache/settings.ts): a malformed value stops the server.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('RESPONSE_CACHE_ENABLED', true),
  /** Responses kept at most; the least recently read goes first. */
  maxEntries: env.int('RESPONSE_CACHE_MAX_ENTRIES', 1000),
  /** Bytes of response bodies kept at most (a larger response is not kept). */
  maxBytes: env.int('RESPONSE_CACHE_MAX_BYTES', 64 * 1024 * 1024),
  /** How long a response may be served: without Redis, the delay before another instance's write shows. */
  ttlSeconds: env.int('RESPONSE_CACHE_TTL_SECONDS', 5),
});
