import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { z } from 'zod';

/**
 * The one Redis connection of an instance, when `REDIS_URL` names one (config/redis.ts). Several
 * instances count their rate limits in it and broadcast cache invalidations through it.
 *
 * Commands never wait for a connection that is down (no offline queue): a request must not hang
 * because Redis went away, and every user of this connection has a local fallback. The outage is
 * logged once when it starts and once when it ends, not on every reconnection attempt.
 */
export interface SharedRedis {
  client: Redis;
  keyPrefix: string;
  /** A second connection for a subscription: a subscribed Redis connection runs no other command. */
  subscriber(): Redis;
}

const RedisSettingsSchema = z.object({
  url: z.union([z.literal(''), z.url({ protocol: /^rediss?$/ })]),
  keyPrefix: z.string().min(1),
});

const CONTAINER_NAME = 'newsroom::redis';

/** Reconnection waits grow to this, so a Redis that comes back is used again within seconds. */
const MAX_RECONNECT_DELAY_MS = 2000;

export function registerSharedRedis(strapi: Core.Strapi): void {
  const parsed = RedisSettingsSchema.safeParse(strapi.config.get('redis'));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid Redis configuration (config/redis.ts, REDIS_URL, REDIS_KEY_PREFIX): ${issues}`);
  }
  const { url, keyPrefix } = parsed.data;
  if (!url) return;

  const connections: Redis[] = [];
  const outage = outageReporter(strapi, `Redis at ${redactedUrl(url)}`, connections);
  const connect = (): Redis => {
    const connection = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    });
    connection.on('error', outage.failed);
    connection.on('ready', outage.recovered);
    connections.push(connection);
    return connection;
  };
  const shared: SharedRedis & { connections: Redis[] } = {
    client: connect(),
    keyPrefix,
    subscriber: connect,
    connections,
  };
  strapi.add(CONTAINER_NAME, shared);
}

/** The instance's Redis, or undefined when it runs on its own (no `REDIS_URL`). */
export function sharedRedisOf(strapi: Core.Strapi): SharedRedis | undefined {
  return strapi.has(CONTAINER_NAME) ? (strapi.get(CONTAINER_NAME) as SharedRedis) : undefined;
}

export async function closeSharedRedis(strapi: Core.Strapi): Promise<void> {
  const shared = sharedRedisOf(strapi) as (SharedRedis & { connections: Redis[] }) | undefined;
  if (!shared) return;
  // disconnect(), not quit(): quit() waits for a reply a Redis that is down never sends.
  for (const connection of shared.connections) connection.disconnect();
}

/** One warning when the first connection fails, one notice when all are ready again. */
function outageReporter(strapi: Core.Strapi, name: string, connections: Redis[]) {
  let down = false;
  return {
    failed(error: Error) {
      if (down) return;
      down = true;
      strapi.log.warn(
        `${name} is unreachable (${error.message}): rate limits count in this instance only and other instances' cache invalidations are not heard until it is back.`,
      );
    },
    recovered() {
      if (!down || connections.some((connection) => connection.status !== 'ready')) return;
      down = false;
      strapi.log.info(`${name} is reachable again.`);
    },
  };
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
