import type { Core } from '@strapi/strapi';

/**
 * The Redis that several instances share (src/redis/): rate limits are counted there and cache
 * invalidations are broadcast through it. Without `REDIS_URL` the instance keeps both in its own
 * memory, as one process always did. Checked at start: a malformed value stops the server.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** e.g. redis://127.0.0.1:6379/0; empty: no Redis, everything stays in this process. */
  url: env('REDIS_URL', ''),
  /** Put before every key and channel, so several apps (or test runs) can share one Redis. */
  keyPrefix: env('REDIS_KEY_PREFIX', 'newsroom:'),
});
