import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { compileApp } from '../src/cli/app';
import { createAdminFromEnv } from '../src/access/admin-user';
import { officialsByArticleCount } from '../src/ranking/officials-by-article-count';
import type { Importer } from '../src/importer';
import { startTestApp } from '../tests/helpers/strapi';
import { percentile } from './benchmarks-file';
import { writeCorpus } from './corpus';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/merge-soak.ts [--sqlite] [--pages=N] [--seconds=N] [--rate=N]`: readers while the
 * desk imports and merges. An archive of `pages` published pages is imported first; then, for
 * `seconds`, a reader process sends `rate` anonymous reads a second (open loop: on time, whether
 * or not earlier ones answered) while an editor imports new pages through the desk back to back
 * and, a third of the way in, merges the two officials named most often. Prints, per second,
 * how many reads answered and their p95, with the merge and each import marked: a merge that
 * stalls readers shows as seconds with few answers and a high p95 right after it.
 * PostgreSQL by default, as in production.
 */
process.env.LOG_LEVEL ??= 'warn';

/** Readers warm up (caches, first queries) before the editor starts. */
const READERS_ALONE_MS = 5000;

function option(name: string, fallback: string): string {
  const given = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

/** Anonymous reads at a fixed rate from a process of its own; prints [sentAt, ms, status] per read when told to stop. */
const READERS = `
const http = require('node:http');
const [port, rate, urls] = [Number(process.argv[1]), Number(process.argv[2]), JSON.parse(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const results = [];
let sent = 0;
const start = performance.now();
const timer = setInterval(() => {
  const url = urls[sent++ % urls.length];
  const sentAt = performance.now() - start;
  http.get({ host: '127.0.0.1', port, path: url, agent }, (res) => {
    res.resume();
    res.on('end', () => results.push([sentAt, performance.now() - start - sentAt, res.statusCode]));
  }).on('error', () => results.push([sentAt, performance.now() - start - sentAt, 0]));
}, 1000 / rate);
process.stdout.write('started\\n');
process.stdin.on('data', () => {
  clearInterval(timer);
  setTimeout(() => { process.stdout.write(JSON.stringify(results)); process.exit(0); }, 5000);
});
`;

function startReaders(port: number, rate: number, urls: string[]): Promise<{ startedAt: number; stop(): Promise<Array<[number, number, number]>> }> {
  const child = spawn(process.execPath, ['-e', READERS, String(port), String(rate), JSON.stringify(urls)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  const finished = new Promise<Array<[number, number, number]>>((resolve) => child.on('exit', () => resolve(JSON.parse(output.slice(output.indexOf('\n') + 1)))));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      const first = output === '';
      output += chunk;
      if (first) resolve({ startedAt: performance.now(), stop: () => (child.stdin.end('stop\n'), finished) });
    });
  });
}

async function main(): Promise<void> {
  const database = process.argv.includes('--sqlite') ? 'sqlite' : 'postgres';
  const pages = Number(option('pages', '200'));
  const seconds = Number(option('seconds', '45'));
  const rate = Number(option('rate', '20'));
  process.env.DATABASE_CLIENT = database;
  process.env.RATE_LIMIT_ENABLED = 'false';
  compileApp();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-soak-'));
  const app = await startTestApp();
  try {
    const archive = await writeCorpus(folder, pages, 1);
    const fresh = await writeCorpus(folder, 200, 2);
    const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
    process.stderr.write(`importing ${pages} published pages into ${database}…\n`);
    await importer.importFiles(archive, { dryRun: false, publish: true, issueDate: null });

    const credentials = { ADMIN_EMAIL: 'soak@example.com', ADMIN_PASSWORD: 'Soak-Pass-2024' };
    await createAdminFromEnv(app.strapi, credentials);
    const token = (await request(app.http).post('/admin/login').send({ email: credentials.ADMIN_EMAIL, password: credentials.ADMIN_PASSWORD }).expect(200)).body.data.token;
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    const { port } = app.http.address() as AddressInfo;
    const desk = request(`http://127.0.0.1:${port}`);
    const as = { Authorization: `Bearer ${token}` };

    // The two officials named most: merging them relinks the most articles.
    const [kept, merged] = (await officialsByArticleCount(app.strapi, { page: 1, pageSize: 2 })).officials;
    const [article] = await app.strapi.documents('api::article.article').findMany({ status: 'published', limit: 1 });
    const urls = [
      '/api/articles?sort=issueDate:desc', `/api/officials/${kept.documentId}`, '/api/officials?pagination[pageSize]=25',
      `/api/articles?filters[officials][documentId][$eq]=${kept.documentId}&sort=issueDate:desc`, `/api/articles/${article.documentId}`,
      '/api/projects', `/api/search?q=${encodeURIComponent('项目')}`, '/api/official-rankings',
    ];

    const readers = await startReaders(port, rate, urls);
    const at = () => (performance.now() - readers.startedAt) / 1000;
    const events: Array<[number, string]> = [];
    const until = performance.now() + seconds * 1000;

    const imports = (async () => {
      await new Promise((resolve) => setTimeout(resolve, READERS_ALONE_MS));
      const run = (await desk.post('/newsroom-desk/runs').set(as).send({ publish: true }).expect(200)).body.data;
      for (const file of fresh) {
        if (performance.now() > until) break;
        const started = at();
        const res = await desk.post(`/newsroom-desk/runs/${run.documentId}/files`).set(as)
          .send({ fileName: path.basename(file), content: readFileSync(file).toString('base64'), issueDate: '2024-06-01' });
        events.push([started, `import ${path.basename(file)} ${res.status} ${(at() - started).toFixed(1)} s`]);
      }
    })();
    const merge = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 3));
      const started = at();
      const res = await desk.post(`/newsroom-desk/entities/officials/${merged.documentId}/merge`).set(as).send({ into: kept.documentId });
      events.push([started, `MERGE of an official named in ${merged.articleCount} published articles: ${res.status} ${res.status === 200 ? `${res.body.data.articlesRelinked} articles relinked` : res.text.slice(0, 200)} in ${(at() - started).toFixed(1)} s`]);
    })();
    await Promise.all([imports, merge]);
    const reads = await readers.stop();

    const perSecond = new Map<number, { answered: number; latencies: number[]; failed: number }>();
    for (const [sentAt, ms, status] of reads) {
      const second = Math.floor((sentAt + ms) / 1000);
      const bucket = perSecond.get(second) ?? { answered: 0, latencies: [], failed: 0 };
      bucket.answered += 1;
      bucket.latencies.push(ms);
      if (status !== 200) bucket.failed += 1;
      perSecond.set(second, bucket);
    }
    for (const second of [...perSecond.keys()].sort((a, b) => a - b)) {
      const { answered, latencies, failed } = perSecond.get(second)!;
      const marks = events.filter(([time]) => Math.floor(time) === second).map(([, text]) => text);
      process.stdout.write(`${String(second).padStart(3)} s  ${String(answered).padStart(3)} answered  p95 ${percentile(latencies, 0.95).toFixed(0).padStart(5)} ms${failed ? `  ${failed} failed` : ''}  ${marks.join('; ')}\n`);
    }
    const all = reads.map(([, ms]) => ms);
    process.stdout.write(`reads: ${reads.length}, p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${percentile(all, 0.95).toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms, non-200 ${reads.filter(([, , status]) => status !== 200).length}\n`);
  } finally {
    await app.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

runBench('bench/merge-soak', main);
