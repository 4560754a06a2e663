import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import { freePort, startInstance, type Instance } from '../helpers/instances';
import { APP_ROOT, loadStrapi, provisionDatabase } from '../helpers/strapi';

/**
 * The deployment of docs/operations.md, "Several instances", on this machine: PostgreSQL, Redis,
 * two Strapi instances (A in this process, B a child process) and nginx round-robin in front,
 * with deploy/nginx/newsroom.conf. A publication or unpublication through A shows through the
 * proxy and through B within a second, a draft never shows, and a client's limit holds across
 * both. (Queued imports surviving a killed worker: import-queue.test.ts, also run on PostgreSQL.)
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
};
const PROJECT = 'api::project.project';
const VISIBLE_WITHIN_MS = 1000;

let dropDatabase: (() => Promise<void>) | undefined;
let a: Core.Strapi | undefined;
let aUrl: string;
let b: Instance | undefined;
let nginx: ChildProcess | undefined;
let proxyUrl: string;
let runtimeDir: string;

async function startNginx(upstreams: string[]): Promise<void> {
  runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  for (const dir of ['client-body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(runtimeDir, dir));
  const port = await freePort();
  const config = readFileSync(path.join(APP_ROOT, 'deploy', 'nginx', 'newsroom.conf'), 'utf8')
    .replaceAll('{{LISTEN}}', `127.0.0.1:${port}`)
    .replaceAll('{{UPSTREAMS}}', upstreams.map((upstream) => `server ${upstream};`).join(' '))
    .replaceAll('{{RUNTIME_DIR}}', runtimeDir);
  const configFile = path.join(runtimeDir, 'nginx.conf');
  writeFileSync(configFile, config);
  nginx = spawn('nginx', ['-p', runtimeDir, '-c', configFile, '-g', 'daemon off;'], { stdio: 'ignore' });
  proxyUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${proxyUrl}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer:\n${readFileSync(path.join(runtimeDir, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
    await startNginx([`127.0.0.1:${aPort}`, `127.0.0.1:${b.port}`]);
  }, 300_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    if (a) await closeApp(a);
    await b?.stop();
    await dropDatabase?.();
    if (runtimeDir) rmSync(runtimeDir, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${SHARED.REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
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
});
