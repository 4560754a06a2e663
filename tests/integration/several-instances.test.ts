import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { generatePage } from '../../bench/corpus';
import { closeApp } from '../../src/cli/app';
import { appScript, pagesDoneBy, until } from '../helpers/app-script';
import { freePort, startInstance, type Instance } from '../helpers/instances';
import { loadStrapi, provisionDatabase } from '../helpers/strapi';
import { dropRedisKeys } from '../helpers/redis';
import { startNginx, type Proxy } from '../helpers/nginx';

/**
 * The deployment of docs/operations.md, "Several instances", on this machine: PostgreSQL, Redis,
 * two Strapi instances (A in this process, B a child process) and nginx round-robin in front,
 * with deploy/nginx/newsroom.conf. A publication or unpublication through A shows through the
 * proxy and through B within a second, a draft never shows, and a client's limit holds across
 * both. 200 pages uploaded through the desk via the proxy are queued and imported by two workers,
 * one killed with SIGKILL mid-run, each page exactly once. (The CLI's queue: import-queue.test.ts.)
 */
const postgresOnly = process.env.DATABASE_CLIENT === 'postgres' && spawnSync('nginx', ['-v']).status === 0 ? describe : describe.skip;

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHARED = {
  REDIS_URL,
  REDIS_KEY_PREFIX: `newsroom-test-${process.pid}-${randomBytes(3).toString('hex')}:`,
  TRUST_PROXY: 'true',
  RESPONSE_CACHE_TTL_SECONDS: '600',
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_WINDOW_MS: '600000',
  RATE_LIMIT_CONTENT_API: '100000',
  RATE_LIMIT_SEARCH: '6',
  // A killed worker's page goes to another worker after this.
  IMPORT_QUEUE_LOCK_MS: '3000',
  ADMIN_EMAIL: 'several@example.com',
  ADMIN_PASSWORD: 'Several-Pass-2023',
};
const PROJECT = 'api::project.project';
const VISIBLE_WITHIN_MS = 1000;

let dropDatabase: (() => Promise<void>) | undefined;
let a: Core.Strapi | undefined;
let aUrl: string;
let b: Instance | undefined;
let proxy: Proxy | undefined;
let proxyUrl: string;
const children: ChildProcess[] = [];

const names = async (url: string): Promise<string[]> => {
  const res = await fetch(`${url}/api/projects?pagination[pageSize]=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Array<{ name: string }> }).data.map((entry) => entry.name);
};

/** Reads through the proxy (twice, so both instances answer) and through B until `accept`, for a second at most. */
async function everywhereWithinASecond(accept: (names: string[]) => boolean): Promise<Record<string, boolean>> {
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  for (;;) {
    const seen = { proxyFirst: accept(await names(proxyUrl)), proxySecond: accept(await names(proxyUrl)), b: accept(await names(b!.url)) };
    if (Object.values(seen).every(Boolean) || Date.now() >= deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const everywhere = { proxyFirst: true, proxySecond: true, b: true };

postgresOnly('two instances behind nginx, sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    dropDatabase = await provisionDatabase();
    Object.assign(process.env, SHARED);
    // A first: it migrates the new database, then B joins, as a deployment starts them.
    const aPort = await freePort();
    process.env.HOST = '127.0.0.1';
    process.env.PORT = String(aPort);
    a = await loadStrapi();
    a.config.set('server.logger.startup.enabled', false);
    await a.listen();
    aUrl = `http://127.0.0.1:${aPort}`;
    b = await startInstance(SHARED);
    proxy = await startNginx([`127.0.0.1:${aPort}`, `127.0.0.1:${b.port}`]);
    proxyUrl = proxy.url;
  }, 300_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await proxy?.stop();
    if (a) await closeApp(a);
    await b?.stop();
    await dropDatabase?.();
    await dropRedisKeys(REDIS_URL, SHARED.REDIS_KEY_PREFIX);
  }, 60_000);

  it('a publication through A shows through the proxy and B within a second, and its draft never does', async () => {
    const projects = a!.documents(PROJECT);
    // Cached everywhere first, so a missed invalidation would show.
    expect(await everywhereWithinASecond((seen) => !seen.includes('代理发布项目'))).toEqual(everywhere);
    const project = await projects.create({ data: { name: '代理发布项目' } as never });
    expect(await everywhereWithinASecond((seen) => !seen.includes('代理发布项目'))).toEqual(everywhere);

    await projects.publish({ documentId: project.documentId });
    expect(await everywhereWithinASecond((seen) => seen.includes('代理发布项目'))).toEqual(everywhere);

    await projects.update({ documentId: project.documentId, data: { name: '代理草稿改名' } as never });
    for (let i = 0; i < 4; i += 1) {
      const seen = [...(await names(proxyUrl)), ...(await names(b!.url))];
      expect(seen).toContain('代理发布项目');
      expect(seen).not.toContain('代理草稿改名');
    }

    await projects.unpublish({ documentId: project.documentId });
    expect(await everywhereWithinASecond((seen) => !seen.includes('代理发布项目') && !seen.includes('代理草稿改名'))).toEqual(everywhere);
  });

  it("a client's search limit holds across both instances behind the proxy", async () => {
    const search = (url: string, from?: string) =>
      fetch(`${url}/api/search?q=${encodeURIComponent('项目')}`, { headers: from ? { 'X-Forwarded-For': from } : {} });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await search(proxyUrl)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await search(proxyUrl);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Both instances refuse the client, whichever answered its requests; a forged header changes nothing.
    expect((await search(proxyUrl, '198.51.100.7')).status).toBe(429);
    expect((await search(proxyUrl, '198.51.100.7')).status).toBe(429);
    // Directly (no proxy in between) A and B see the same address, counted in the same place.
    expect((await search(aUrl)).status).toBe(429);
    expect((await search(b!.url)).status).toBe(429);
  });

  it('imports 200 pages uploaded through the desk via the proxy exactly once, although a worker is killed mid-run', async () => {
    const PAGES = 200;
    const login = await fetch(`${proxyUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: SHARED.ADMIN_EMAIL, password: SHARED.ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = ((await login.json()) as { data: { token: string } }).data;
    const desk = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
      const response = await fetch(`${proxyUrl}/newsroom-desk${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: any }).data;
    };

    // The workers boot (each compiles the app) while the editor signs in; they import while pages arrive.
    const doomed = appScript('src/cli/worker.ts', [], children);
    const survivor = appScript('src/cli/worker.ts', [], children);
    const runId: string = (await desk('POST', '/runs', { publish: false })).documentId;
    const pages = Array.from({ length: PAGES }, (_, index) => generatePage(7, index));
    const booted = (worker: { output: string }) => worker.output.includes('waiting for pages');
    await until(() => booted(doomed) && booted(survivor), Boolean, 180_000, 'both workers to start');
    // Four uploads at a time, as a few editors would send them; each is answered once it is queued.
    let next = 0;
    const uploadRest = async () => {
      for (let page = pages[next++]; page; page = pages[next++]) {
        const { file } = await desk('POST', `/runs/${runId}/files`, {
          fileName: page.fileName,
          content: Buffer.from(page.text).toString('base64'),
        });
        expect(file).toBeNull();
      }
    };
    // The first worker is killed while pages still arrive: the run is certainly not done then.
    const killMidRun = async () => {
      await until(
        () => pagesDoneBy(doomed),
        (done) => done >= 3,
        120_000,
        'the first worker to import three pages',
      );
      doomed.child.kill('SIGKILL');
      expect(next).toBeLessThan(PAGES);
      expect(await doomed.exited).toBeNull();
    };
    await Promise.all([uploadRest(), uploadRest(), uploadRest(), uploadRest(), killMidRun()]);

    const run = await until(
      () => desk('GET', `/runs/${runId}`),
      (shown) => shown.pending === 0,
      240_000,
      'the run to be done',
    );
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(run.files).toHaveLength(PAGES);
    expect(new Set(run.files.map((file: { jobId: string }) => file.jobId)).size).toBe(PAGES);
    // A page the killed worker had committed is found unchanged by its stamp on its second try.
    expect(run.files.filter((file: { status: string }) => !['imported', 'skipped'].includes(file.status))).toEqual([]);
    expect(run.failed).toBe(0);

    const pageRecords = await a!.db.query('api::page.page').findMany({ select: ['fileName'] });
    expect(pageRecords).toHaveLength(PAGES);
    expect(new Set(pageRecords.map((record: { fileName: string }) => record.fileName))).toEqual(
      new Set(pages.map((page) => page.fileName)),
    );
    const articles = await a!.db.query('api::article.article').findMany({ select: ['sourceKey'], where: { publishedAt: null } });
    const keys = articles.map((article: { sourceKey: string }) => article.sourceKey);
    expect(keys.length).toBeGreaterThanOrEqual(PAGES);
    expect(new Set(keys).size).toBe(keys.length);
  }, 400_000);
});
