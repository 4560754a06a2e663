import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../../bench/corpus';
import { parseQueueSettings, runProgress, type RunProgress } from '../../src/import-queue';
import { closeApp } from '../../src/cli/app';
import { appScript, pagesDoneBy, postgresOnlyIt, processesSharingAQueue, until } from '../helpers/app-script';
import { loadStrapi } from '../helpers/strapi';

/**
 * Pages queued through `npm run seed -- --queue` and imported by two `npm run worker` processes,
 * one of which is killed with SIGKILL in the middle of the run: every page is imported, none
 * twice, and the run's progress is read from Redis alone.
 */
const PAGES = 16;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ENV = {
  REDIS_URL,
  REDIS_KEY_PREFIX: `newsroom-test-${process.pid}-${randomBytes(3).toString('hex')}:`,
  // A killed worker's page goes to another worker after this.
  IMPORT_QUEUE_LOCK_MS: '3000',
};

let corpusDir: string;
const children = processesSharingAQueue(ENV, {
  setUp: async () => {
    corpusDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-queue-'));
    await writeCorpus(corpusDir, PAGES);
  },
  tearDown: async () => rmSync(corpusDir, { recursive: true, force: true }),
});

postgresOnlyIt('imports every queued page exactly once although a worker is killed mid-run', async () => {
  const seed = appScript('src/cli/seed.ts', ['--queue', corpusDir], children);
  expect(await seed.exited).toBe(0);
  const runId = /as run ([\w-]+)/.exec(seed.output)?.[1];
  expect(runId).toBeDefined();

  // The doomed worker is importing before the other starts, so that it holds work when it is
  // killed: two started together, the first to boot could take every page before the other did.
  const doomed = appScript('src/cli/worker.ts', [], children);
  await until(() => pagesDoneBy(doomed), (done) => done >= 1, 120_000, 'the first worker to import a page');
  const survivor = appScript('src/cli/worker.ts', [], children);
  await until(
    () => pagesDoneBy(doomed),
    (done) => done >= 2,
    120_000,
    'the first worker to import two pages',
  );
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBeNull();
  expect(doomed.child.signalCode).toBe('SIGKILL');

  const settings = parseQueueSettings({ url: REDIS_URL, keyPrefix: ENV.REDIS_KEY_PREFIX, importQueue: { attempts: 3, lockMs: 3000 } });
  const progress = await until<RunProgress | undefined>(
    () => runProgress(settings, runId as string),
    (run) => run?.finished === true,
    180_000,
    'the run to finish',
  );
  survivor.child.kill('SIGTERM');
  expect(await survivor.exited).toBe(0);

  expect(progress).toMatchObject({ total: PAGES, failures: [] });
  expect((progress as RunProgress).outcomes.imported + (progress as RunProgress).outcomes.skipped).toBe(PAGES);

  const strapi = await loadStrapi();
  try {
    const pageRecords = await strapi.db.query('api::page.page').findMany({ select: ['id'] });
    const articles = await strapi.db.query('api::article.article').findMany({ select: ['sourceKey'], where: { publishedAt: null } });
    const keys = articles.map((article: { sourceKey: string }) => article.sourceKey);
    expect(pageRecords).toHaveLength(PAGES);
    expect(keys.length).toBeGreaterThanOrEqual(PAGES);
    expect(new Set(keys).size).toBe(keys.length);
  } finally {
    await closeApp(strapi);
  }
}, 400_000);
