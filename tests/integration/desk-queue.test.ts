import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { deskPageQueue, parseQueueSettings } from '../../src/import-queue';
import { appScript, postgresOnlyIt, processesSharingAQueue, until } from '../helpers/app-script';
import { startInstance, type Instance } from '../helpers/instances';
import { APP_ROOT } from '../helpers/strapi';

/**
 * The desk's imports with Redis: each uploaded page is queued and answered at once, a worker
 * process (`npm run worker`) imports it and writes its outcome into the desk's run, a page that
 * fails every attempt shows its error once the attempts are spent, and the instance that took
 * the upload may stop and start again meanwhile: the run lives in the database, its pages in Redis.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'desk-queue@example.com', password: 'Queue-Pass-2023' };
const ENV = {
  REDIS_URL,
  REDIS_KEY_PREFIX: `newsroom-test-${process.pid}-${randomBytes(3).toString('hex')}:`,
  IMPORT_QUEUE_ATTEMPTS: '3',
  IMPORT_QUEUE_LOCK_MS: '3000',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
};
const FIXTURES = path.join(APP_ROOT, 'tests', 'fixtures', 'desk');
const STORM_PAGE = readFileSync(path.join(FIXTURES, 'second-spelling.txt'));
const VARIANT_PAGE = readFileSync(path.join(FIXTURES, 'variant-spelling.txt'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const settings = parseQueueSettings({ url: REDIS_URL, keyPrefix: ENV.REDIS_KEY_PREFIX, importQueue: { attempts: 3, lockMs: 3000 } });

const instances: Instance[] = [];
const children = processesSharingAQueue(ENV, {
  tearDown: async () => {
    for (const instance of instances) await instance.stop();
  },
});

async function started(env: Record<string, string> = {}): Promise<Instance> {
  const instance = await startInstance(env);
  instances.push(instance);
  return instance;
}

/** The desk's routes of one instance, as an editor signed in there calls them. */
async function deskOf(instance: Instance) {
  const login = await fetch(`${instance.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  return async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${instance.url}/newsroom-desk${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
}

const upload = (fileName: string, bytes: Buffer) => ({ fileName, content: bytes.toString('base64'), issueDate: '2023-03-04', page: 'A02' });

postgresOnlyIt('queues the desk’s pages, a worker imports them into the run, and a restarted instance shows the run with a failed page’s error', async () => {
  const first = await started();
  const desk = await deskOf(first);
  const run = await desk('POST', '/runs', { publish: false });
  expect(run.status).toBe(200);
  const runId: string = run.body.data.documentId;

  // No worker runs yet: the answers come at once, with the pages queued in the run.
  const storm = await desk('POST', `/runs/${runId}/files`, upload('storm.txt', STORM_PAGE));
  expect(storm).toMatchObject({ status: 200, body: { data: { file: null, run: { pending: 1 } } } });
  const variant = await desk('POST', `/runs/${runId}/files`, upload('variant.txt', VARIANT_PAGE));
  expect(variant.body.data.run.files.map((file: any) => [file.fileName, file.status])).toEqual([
    ['storm.txt', 'queued'],
    ['variant.txt', 'queued'],
  ]);
  expect(variant.body.data.run.pending).toBe(2);

  // What no worker could read is refused before it is queued, and malformed input is a 400.
  expect((await desk('POST', `/runs/${runId}/files`, upload('scan.txt', PNG))).status).toBe(400);
  expect((await desk('POST', `/runs/${runId}/files`, { fileName: 'a.txt', content: '%%%' })).status).toBe(400);
  expect((await desk('POST', '/runs/nosuchrun0000000000000/files', upload('storm.txt', STORM_PAGE))).status).toBe(404);
  expect((await desk('GET', '/runs/NOT-AN-ID')).status).toBe(400);

  // A page no attempt can import: the scan's bytes, queued past the desk's check into the same run.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    // Connected first, as an instance's shared connection is by the time anyone uploads.
    await redis.ping();
    await deskPageQueue(settings, redis).enqueue({
      runId,
      fileName: 'scan.txt',
      bytes: PNG,
      meta: { issueDate: null, page: null },
      publish: false,
      restoreDeleted: false,
    });
  } finally {
    redis.disconnect();
  }

  // The instance that took the upload stops; the worker and the restarted instance start together.
  await first.stop();
  const worker = appScript('src/cli/worker.ts', [], children);
  const restarted = await started();
  const deskAgain = await deskOf(restarted);
  const done = await until(
    async () => (await deskAgain('GET', `/runs/${runId}`)).body.data,
    (shown) => shown?.pending === 0 && shown.files.length === 3,
    180_000,
    'the run to be done',
  );
  expect(done.files.map((file: any) => [file.fileName, file.status])).toEqual([
    ['storm.txt', 'imported'],
    ['variant.txt', 'imported'],
    ['scan.txt', 'failed'],
  ]);
  expect(done.files[0].sha256).toBe(createHash('sha256').update(STORM_PAGE).digest('hex'));
  expect(done.files[2].error).toMatch(/^scan\.txt:\d+: binary data/);
  expect(done).toMatchObject({ failed: 1, totals: { Article: { create: 3 } } });

  // The failed page was given up after its attempts: nothing of the run is left in the queue.
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('page-imports', { connection, prefix: `${ENV.REDIS_KEY_PREFIX}bull` });
  try {
    expect(await queue.getJobCounts('waiting', 'delayed', 'active', 'failed')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
  } finally {
    await queue.close();
    connection.disconnect();
  }
  expect(worker.output.split('\n').filter((line) => line.startsWith('failed scan.txt'))).toHaveLength(1);

  const listed = await deskAgain('GET', '/runs');
  expect(listed.body.data[0]).toMatchObject({ documentId: runId, pending: 0, failed: 1 });
  const toReview = await deskAgain('GET', '/articles/to-review');
  expect(toReview.status).toBe(200);
  expect(JSON.stringify(toReview.body.data)).toContain('市区道路完成雨季排查');

  worker.child.kill('SIGTERM');
  expect(await worker.exited).toBe(0);
}, 400_000);

postgresOnlyIt('answers 503 with Retry-After, queuing nothing, when the instance’s Redis cannot be reached', async () => {
  // Nothing listens on port 1: the instance serves on, with local limits, and cannot queue.
  const cut = await started({ REDIS_URL: 'redis://127.0.0.1:1' });
  const desk = await deskOf(cut);
  const run = await desk('POST', '/runs', { publish: false });
  expect(run.status).toBe(200);
  const response = await desk('POST', `/runs/${run.body.data.documentId}/files`, upload('storm.txt', STORM_PAGE));
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(response.body.error.message).toMatch(/Redis is unreachable/);
  expect((await desk('GET', `/runs/${run.body.data.documentId}`)).body.data).toMatchObject({ pending: 0, files: [] });
  await cut.stop();
  instances.splice(instances.indexOf(cut), 1);
}, 120_000);
