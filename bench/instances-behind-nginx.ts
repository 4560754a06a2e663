import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { z } from 'zod';
import type { Importer } from '../src/importer';
import { closeApp, compileApp } from '../src/cli/app';
import { startInstance, type Instance } from '../tests/helpers/instances';
import { startNginx, type Proxy } from '../tests/helpers/nginx';
import { loadStrapi, provisionDatabase } from '../tests/helpers/strapi';
import { recordBenchmarkSection } from './benchmarks-file';
import { writeCorpus } from './corpus';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/instances-behind-nginx.ts [--seconds=10] [--connections=20] [--published-pages=50]`:
 * anonymous reads per second through nginx (deploy/nginx/newsroom.conf, as
 * tests/integration/several-instances.test.ts runs it) in front of one Strapi instance, then in
 * front of two, side by side in one run, on one PostgreSQL and one Redis (REDIS_URL, default
 * redis://127.0.0.1:6379). Each instance is a process of its own (tests/helpers/instances.ts);
 * the archive holds `--published-pages` generated pages, published. Recorded in BENCHMARKS.md.
 */
process.env.LOG_LEVEL ??= 'warn';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUTES = ['/_health', '/api/articles'] as const;

const ArgsSchema = z.object({
  seconds: z.number().int().min(1),
  connections: z.number().int().min(1),
  publishedPages: z.number().int().min(1),
});
type Args = z.infer<typeof ArgsSchema>;

function parseArgs(argv: string[]): Args {
  const raw: Record<string, unknown> = { seconds: 10, connections: 20, publishedPages: 50 };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    if (name === '--seconds') raw.seconds = Number(value);
    else if (name === '--connections') raw.connections = Number(value);
    else if (name === '--published-pages') raw.publishedPages = Number(value);
    else throw new Error(`unknown option ${arg} (expected --seconds=N, --connections=N, --published-pages=N)`);
  }
  return ArgsSchema.parse(raw);
}

interface Row {
  instances: number;
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  hitShare: number;
  non2xx: number;
}

async function readsThrough(proxy: Proxy, instances: number, route: string, args: Args): Promise<Row> {
  let hits = 0;
  let answers = 0;
  const run = await autocannon({
    url: proxy.url,
    connections: args.connections,
    duration: args.seconds,
    requests: [
      {
        method: 'GET',
        path: route,
        onResponse: (_status, _body, _context, headers) => {
          answers += 1;
          if (Object.entries(headers ?? {}).some(([name, value]) => name.toLowerCase() === 'x-response-cache' && value === 'hit'))
            hits += 1;
        },
      },
    ],
  });
  return {
    instances,
    route,
    requestsPerSecond: run.requests.average,
    p50: run.latency.p50,
    p99: run.latency.p99,
    hitShare: answers > 0 ? hits / answers : 0,
    non2xx: run.non2xx,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg();
  process.env.DATABASE_CLIENT = 'postgres';
  const shared = {
    REDIS_URL,
    REDIS_KEY_PREFIX: `newsroom-bench-${process.pid}-${randomBytes(3).toString('hex')}:`,
    TRUST_PROXY: 'true',
    RATE_LIMIT_ENABLED: 'false',
  };
  compileApp();
  const dropDatabase = await provisionDatabase();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-nginx-corpus-'));
  const instances: Instance[] = [];
  try {
    Object.assign(process.env, shared);
    const strapi = await loadStrapi();
    try {
      const importer = strapi.service('api::importer.importer') as unknown as Importer;
      const report = await importer.importFiles(await writeCorpus(folder, args.publishedPages), {
        dryRun: false,
        publish: true,
        issueDate: null,
      });
      if (report.failed > 0) throw new Error(`${report.failed} page(s) failed: ${report.firstErrors.join('\n')}`);
    } finally {
      await closeApp(strapi);
    }
    for (let started = 0; started < 2; started += 1) instances.push(await startInstance(shared));

    const rows: Row[] = [];
    for (const count of [1, 2]) {
      const proxy = await startNginx(instances.slice(0, count).map((instance) => `127.0.0.1:${instance.port}`));
      try {
        for (const route of ROUTES) {
          process.stderr.write(`  ${route} through nginx, ${count} instance(s)…\n`);
          rows.push(await readsThrough(proxy, count, route, args));
        }
      } finally {
        await proxy.stop();
      }
    }
    record(args, rows, loadAtStart);
  } finally {
    for (const instance of instances) await instance.stop();
    await dropDatabase();
    rmSync(folder, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${shared.REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

function record(args: Args, rows: Row[], loadAtStart: number[]): void {
  const body = [
    '## Reads through nginx: one instance against two, PostgreSQL and Redis',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.version}; load average ${loadAtStart[0].toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared; nginx, the instances, PostgreSQL, Redis and the client all run on it)`,
    `- Command: \`npx tsx bench/instances-behind-nginx.ts --seconds=${args.seconds} --connections=${args.connections} --published-pages=${args.publishedPages}\` (autocannon, ${args.connections} connections for ${args.seconds} s a route, through deploy/nginx/newsroom.conf; the article list is answered from each instance's response cache but for its TTL's refreshes)`,
    '',
    '| instances | route | requests/s | p50 | p99 | from the cache | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.instances} | \`${row.route}\` | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} ms | ${row.p99} ms | ${row.route === '/_health' ? '–' : `${(100 * row.hitShare).toFixed(1)} %`} | ${row.non2xx} |`,
    ),
  ].join('\n');
  recordBenchmarkSection('instances-behind-nginx', body);
  process.stderr.write(`${body}\n`);
}

runBench('bench/instances-behind-nginx', main);
