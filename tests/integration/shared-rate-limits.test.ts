import { randomBytes } from 'node:crypto';
import { freePort, startInstance, type Instance } from '../helpers/instances';
import { provisionDatabase } from '../helpers/strapi';
import { dropRedisKeys } from '../helpers/redis';

/**
 * Two Strapi processes sharing one Redis count a client's requests together: with N instances a
 * client still gets its limit once, not N times. An instance whose Redis is unreachable keeps
 * serving and counts on its own, and says so once.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY_PREFIX = `newsroom-test-${process.pid}-${randomBytes(3).toString('hex')}:`;
const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_WINDOW_MS: '600000',
  RATE_LIMIT_CONTENT_API: '6',
  RATE_LIMIT_SEARCH: '100',
  RATE_LIMIT_ADMIN_LOGIN: '2',
};

let dropDatabase: () => Promise<void>;
const instances: Instance[] = [];
let a: Instance;
let b: Instance;

beforeAll(async () => {
  dropDatabase = await provisionDatabase();
  // One after the other: both bootstrap the same database.
  a = await startInstance({ ...LIMITS, REDIS_URL, REDIS_KEY_PREFIX: KEY_PREFIX });
  instances.push(a);
  b = await startInstance({ ...LIMITS, REDIS_URL, REDIS_KEY_PREFIX: KEY_PREFIX });
  instances.push(b);
}, 300_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await dropDatabase?.();
  await dropRedisKeys(REDIS_URL, KEY_PREFIX);
}, 60_000);

const read = (instance: Instance) => fetch(`${instance.url}/api/projects`);
const login = (instance: Instance) =>
  fetch(`${instance.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@example.com', password: 'Wrong-pass-1' }),
  });

it('a client gets its content-API limit once across two instances, then 429 with Retry-After on both', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await read(i % 2 === 0 ? a : b)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  for (const instance of [a, b]) {
    const refused = await read(instance);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({ status: 429, name: 'RateLimitError' });
  }
});

it('the admin login limit holds across instances too', async () => {
  expect((await login(a)).status).not.toBe(429);
  expect((await login(b)).status).not.toBe(429);
  expect((await login(a)).status).toBe(429);
  expect((await login(b)).status).toBe(429);
});

it('an instance whose Redis is unreachable keeps serving with limits of its own, and logs it once', async () => {
  const nothingListens = `redis://127.0.0.1:${await freePort()}`;
  const alone = await startInstance({ ...LIMITS, REDIS_URL: nothingListens, REDIS_KEY_PREFIX: KEY_PREFIX });
  instances.push(alone);
  const statuses: number[] = [];
  for (let i = 0; i < 7; i += 1) statuses.push((await read(alone)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  expect(alone.output().split('is unreachable').length - 1).toBe(1);
}, 180_000);
