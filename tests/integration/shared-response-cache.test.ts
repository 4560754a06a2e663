import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import type { Importer } from '../../src/importer/service';
import { invalidateResponseCache } from '../../src/response-cache';
import { importKeepingFiles } from '../helpers/import';
import { startInstance, type Instance } from '../helpers/instances';
import { APP_ROOT, loadStrapi, provisionDatabase } from '../helpers/strapi';
import { dropRedisKeys } from '../helpers/redis';

/**
 * Two Strapi processes on one database and one Redis: a write through one (this test's process,
 * instance A) shows in the other's cached answers (instance B, a child process) within a second,
 * although B's cache would keep them ten minutes, and an edit no anonymous reader sees (a draft's,
 * a page imported without publishing) keeps B's answers cached.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHARED = {
  REDIS_URL,
  REDIS_KEY_PREFIX: `newsroom-test-${process.pid}-${randomBytes(3).toString('hex')}:`,
  RESPONSE_CACHE_TTL_SECONDS: '600',
};
const PROJECT = 'api::project.project';
const VISIBLE_WITHIN_MS = 1000;
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const CITY_PAGE_DATE = '2023-03-02';

let dropDatabase: () => Promise<void>;
let a: Core.Strapi;
let b: Instance;

beforeAll(async () => {
  dropDatabase = await provisionDatabase();
  // B bootstraps the database, then A joins it; one after the other, as a deployment starts them.
  b = await startInstance(SHARED);
  Object.assign(process.env, SHARED);
  a = await loadStrapi();
}, 300_000);

afterAll(async () => {
  if (a) await closeApp(a);
  await b?.stop();
  await dropDatabase?.();
  await dropRedisKeys(REDIS_URL, SHARED.REDIS_KEY_PREFIX);
}, 60_000);

async function readB(path: string): Promise<{ cache: string | null; names: string[] }> {
  const res = await fetch(`${b.url}${path}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: Array<{ name: string }> | { name: string } };
  const entries = Array.isArray(body.data) ? body.data : [body.data];
  return { cache: res.headers.get('x-response-cache'), names: entries.map((entry) => entry.name).sort() };
}

/** Reads through B once to fill its cache and once more to see the answer kept. */
async function cachedOnB(path: string): Promise<string[]> {
  await readB(path);
  const kept = await readB(path);
  expect(kept.cache).toBe('hit');
  return kept.names;
}

/** B's answer as soon as it satisfies `accept`, or the last one after a second. */
async function onBWithinASecond(path: string, accept: (names: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  for (;;) {
    const { names } = await readB(path);
    if (accept(names) || Date.now() >= deadline) return names;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('a publication, an update, an unpublication and a deletion through A show in B within a second', async () => {
  const projects = a.documents(PROJECT);
  expect(await cachedOnB('/api/projects')).not.toContain('共享缓存项目');

  const created = await projects.create({ data: { name: '共享缓存项目' } as never, status: 'published' });
  expect(await onBWithinASecond('/api/projects', (names) => names.includes('共享缓存项目'))).toContain('共享缓存项目');

  await cachedOnB('/api/projects');
  await projects.update({ documentId: created.documentId, data: { name: '共享缓存改名' } as never, status: 'published' });
  expect(await onBWithinASecond('/api/projects', (names) => names.includes('共享缓存改名'))).toEqual(
    expect.arrayContaining(['共享缓存改名']),
  );

  await cachedOnB(`/api/projects/${created.documentId}`);
  await projects.unpublish({ documentId: created.documentId });
  expect(await onBWithinASecond('/api/projects', (names) => !names.includes('共享缓存改名'))).not.toContain('共享缓存改名');
  const single = await fetch(`${b.url}/api/projects/${created.documentId}`);
  expect(single.status).toBe(404);

  await projects.publish({ documentId: created.documentId });
  expect(await onBWithinASecond('/api/projects', (names) => names.includes('共享缓存改名'))).toContain('共享缓存改名');
  await cachedOnB('/api/projects');
  await projects.delete({ documentId: created.documentId });
  expect(await onBWithinASecond('/api/projects', (names) => !names.includes('共享缓存改名'))).not.toContain('共享缓存改名');
});

it('an edit of a draft keeps every answer cached', async () => {
  const projects = a.documents(PROJECT);
  const project = await projects.create({ data: { name: '草稿不变甲' } as never, status: 'published' });
  await onBWithinASecond('/api/projects', (names) => names.includes('草稿不变甲'));
  await cachedOnB('/api/projects');
  await cachedOnB('/api/official-rankings');

  await projects.update({ documentId: project.documentId, data: { name: '草稿改了甲' } as never });
  // A marker after the edit that drops only answers of routes of no one type (rankings): once B
  // has heard it, B would have heard an invalidation by the edit, sent before it on the same channel.
  await invalidateResponseCache(a, { uid: 'newsroom::marker' });
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  let rankings = await readB('/api/official-rankings');
  while (rankings.cache === 'hit' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    rankings = await readB('/api/official-rankings');
  }
  expect(rankings.cache).toBe('miss');
  expect((await readB('/api/projects')).cache).toBe('hit');
});

it("an imported page through A drops B's answers only once it publishes", async () => {
  const importer = a.service('api::importer.importer') as unknown as Importer;
  const articleTitles = async () => {
    const res = await fetch(`${b.url}/api/articles`);
    const body = (await res.json()) as { data: Array<{ title: string }> };
    return { cache: res.headers.get('x-response-cache'), titles: body.data.map((article) => article.title) };
  };
  await articleTitles();
  const cached = await articleTitles();
  expect(cached.cache).toBe('hit');

  const drafts = await importer.importFiles([CITY_PAGE], { dryRun: false, publish: false, issueDate: CITY_PAGE_DATE });
  expect(drafts.failed).toBe(0);
  await cachedOnB('/api/official-rankings');
  // As in the edit above: once B has heard the marker, it would have heard the import's invalidations.
  await invalidateResponseCache(a, { uid: 'newsroom::marker' });
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  while ((await readB('/api/official-rankings')).cache === 'hit' && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await articleTitles()).toEqual(cached);

  const published = await importKeepingFiles(importer, [CITY_PAGE], { dryRun: false, publish: true, issueDate: CITY_PAGE_DATE });
  expect(published.failed).toBe(0);
  const titles = Object.values(published.files[0].titles);
  const shownBy = Date.now() + VISIBLE_WITHIN_MS;
  let shown = await articleTitles();
  while (!titles.every((title) => shown.titles.includes(title)) && Date.now() < shownBy) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    shown = await articleTitles();
  }
  expect(shown.titles).toEqual(expect.arrayContaining(titles));
});
