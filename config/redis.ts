import type { Core } from '@strapi/strapi';

/**
 * The Redis that several instances share (src/redis/): rate limits are counted there, cache
 * invalidations are broadcast through it and queued imports wait in it (src/import-queue/). Without `REDIS_URL` the instance keeps both in its own
 * memory, as one process always did. Checked at start: a malformed value stops the server.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** e.g. redis://127.0.0.1:6379/0; empty: no Redis, everything stays in this process. */
  url: env('REDIS_URL', ''),
  /** Put before every key and channel, so several apps (or test runs) can share one Redis. */
  keyPrefix: env('REDIS_KEY_PREFIX', 'newsroom:'),
  /** Pages queued with `npm run seed -- --queue`, imported by `npm run worker` (src/import-queue/). */
  importQueue: {
    /** Tries of a page before it is shown as failed with its error. */
    attempts: env.int('IMPORT_QUEUE_ATTEMPTS', 3),
    /**
     * How long a worker holds a page without renewing its hold; a worker that died (kill -9, a
     * lost host) loses its page after this and another worker imports it.
     */
    lockMs: env.int('IMPORT_QUEUE_LOCK_MS', 30000),
  },
});
