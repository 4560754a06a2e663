import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createResponseStore, type ReadScope } from '../src/response-cache/store';
import { percentile, recordBenchmarkSection } from './benchmarks-file';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/shared-state.ts`: what sharing through Redis (REDIS_URL, default
 * redis://127.0.0.1:6379) costs one request against keeping it in the process: a cached answer
 * read from memory or from Redis, a rate-limit hit counted in memory or in Redis, and how long an
 * invalidation takes from one instance's publish to another's subscriber. Numbers go to the
 * "Shared state" section of BENCHMARKS.md. They decided the cache's design: answers stay in each
 * process, invalidations go over Redis.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `newsroom-bench-${process.pid}:`;
const LOCAL_ROUNDS = 100_000;
const REDIS_ROUNDS = 5_000;

/** A body the size of a 25-article list answer (about 60 KB of JSON, mostly Chinese text). */
function listBody(): Buffer {
  const entry = (i: number) => ({
    id: i,
    documentId: `doc${i}`,
    title: '城市新闻标题'.repeat(4),
    body: '本报讯 记者报道城市建设项目进展情况。'.repeat(40),
  });
  return Buffer.from(
    JSON.stringify({ data: Array.from({ length: 25 }, (_, i) => entry(i)), meta: { pagination: { page: 1, pageSize: 25 } } }),
  );
}

async function microsecondsPerCall(rounds: number, call: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(rounds, 1000); i += 1) await call();
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) await call();
  return ((performance.now() - started) * 1000) / rounds;
}

async function main(): Promise<void> {
  const body = listBody();
  const redis = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  try {
    const scope: ReadScope = { uid: 'api::article.article', contains: new Set(['api::article.article']), containsOwnType: false };
    const store = createResponseStore({ maxEntries: 1000, maxBytes: 64 * 1024 * 1024, ttlSeconds: 600 });
    store.set('list', body, scope, store.generation(scope));
    const localRead = await microsecondsPerCall(LOCAL_ROUNDS, () => store.get('list'));
    await redis.set(`${PREFIX}list`, body);
    const redisRead = await microsecondsPerCall(REDIS_ROUNDS, () => redis.getBuffer(`${PREFIX}list`));

    const memoryLimiter = new RateLimiterMemory({ points: 1e9, duration: 600 });
    const redisLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${PREFIX}limit`, points: 1e9, duration: 600 });
    const memoryHit = await microsecondsPerCall(LOCAL_ROUNDS, () => memoryLimiter.consume('203.0.113.7'));
    const redisHit = await microsecondsPerCall(REDIS_ROUNDS, () => redisLimiter.consume('203.0.113.7'));

    // Publish → heard by another connection, one at a time.
    const channel = `${PREFIX}invalidate`;
    await subscriber.subscribe(channel);
    const delays: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const heard = new Promise<void>((resolve) => subscriber.once('message', () => resolve()));
      const sent = performance.now();
      await redis.publish(channel, JSON.stringify({ origin: 'bench', write: { uid: 'api::article.article', documentIds: [`doc${i}`] } }));
      await heard;
      delays.push(performance.now() - sent);
    }

    const kb = (body.length / 1024).toFixed(0);
    const rows = [
      `| cached answer (${kb} KB list) | ${localRead.toFixed(2)} µs (in-process store) | ${redisRead.toFixed(0)} µs (Redis GET) |`,
      `| rate-limit hit | ${memoryHit.toFixed(2)} µs (RateLimiterMemory) | ${redisHit.toFixed(0)} µs (RateLimiterRedis) |`,
    ];
    const section = [
      '## Shared state: in-process against Redis',
      '',
      `\`npx tsx bench/shared-state.ts\`, Redis on the same host (loopback), sequential calls (${LOCAL_ROUNDS.toLocaleString('en')} in memory, ${REDIS_ROUNDS.toLocaleString('en')} to Redis), ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| per request | in the process | through Redis |',
      '|---|---|---|',
      ...rows,
      '',
      `An invalidation published by one connection is heard by another after ${percentile(delays, 0.5).toFixed(2)} ms (p50), ${percentile(delays, 0.99).toFixed(2)} ms (p99) over ${delays.length} messages.`,
      '',
      'So cached answers stay in each process and only invalidations cross Redis: a hit from memory costs',
      'microseconds and never a round trip or the transfer of the body, while a write reaches every other',
      'instance within milliseconds (the p50 and p99 above). The shared rate limit costs one round trip per counted request.',
    ].join('\n');
    recordBenchmarkSection('shared-state', section);
    process.stdout.write(`${section}\n`);
  } finally {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    subscriber.disconnect();
  }
}

runBench('bench/shared-state', main);
