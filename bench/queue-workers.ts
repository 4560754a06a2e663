import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { APP_ROOT, closeApp, compileApp } from '../src/cli/app';
import { enqueuePages, parseQueueSettings, runProgress } from '../src/import-queue';
import { typescriptProcessArgs } from '../tests/helpers/instances';
import { loadStrapi, provisionDatabase } from '../tests/helpers/strapi';
import { recordBenchmarkSection } from './benchmarks-file';
import { writeCorpus } from './corpus';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/queue-workers.ts [--pages=N] [--workers=1,2,4]`: import throughput through the
 * queue on PostgreSQL: N `npm run worker` processes started and ready, then one run of every page
 * queued; the time from queueing to the run's last outcome (worker boots excluded, unlike
 * bench/workers.ts). A fresh database per row. Needs Redis (REDIS_URL, default local). Recorded in
 * BENCHMARKS.md.
 */
process.env.LOG_LEVEL ??= 'warn';
process.env.DATABASE_CLIENT = 'postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function option(name: string, fallback: string): string {
  const given = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, typescriptProcessArgs('src/cli/worker.ts'), {
    cwd: APP_ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('waiting for pages')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
}

async function main(): Promise<void> {
  const pageCount = Number(option('pages', '200'));
  const workerCounts = option('workers', '1,2,4').split(',').map(Number);
  compileApp();
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'newsroom-queue-bench-'));
  const pages = await writeCorpus(corpus, pageCount);
  const rows: string[] = [];
  let baseline = 0;
  try {
    for (const workers of workerCounts) {
      const dropDatabase = await provisionDatabase();
      const keyPrefix = `newsroom-bench-${process.pid}-${randomBytes(3).toString('hex')}:`;
      const env = { REDIS_URL, REDIS_KEY_PREFIX: keyPrefix };
      Object.assign(process.env, env);
      await closeApp(await loadStrapi());
      const children = await Promise.all(Array.from({ length: workers }, () => startWorker(env)));
      try {
        const settings = parseQueueSettings({ url: REDIS_URL, keyPrefix, importQueue: { attempts: 3, lockMs: 30000 } });
        const started = performance.now();
        const runId = await enqueuePages(settings, pages, { publish: false, issueDate: null, restoreDeleted: false });
        for (;;) {
          const progress = await runProgress(settings, runId);
          if (progress?.finished) {
            if (progress.failures.length > 0) throw new Error(`${progress.failures.length} page(s) failed: ${progress.failures[0].error}`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const seconds = (performance.now() - started) / 1000;
        const rate = pageCount / seconds;
        baseline ||= rate;
        rows.push(`| ${workers} | ${seconds.toFixed(1)} s | ${rate.toFixed(2)} | ${(rate / baseline).toFixed(2)}× |`);
        process.stdout.write(`${rows.at(-1)}\n`);
      } finally {
        await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
        await dropDatabase();
        const redis = new Redis(REDIS_URL);
        const keys = await redis.keys(`${keyPrefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
    }
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
  recordBenchmarkSection(
    'queue-workers',
    [
      '## Queued import workers (PostgreSQL, Redis)',
      '',
      `- Date: ${new Date().toISOString().slice(0, 19)}Z; ${os.cpus().length} CPUs; load average ${os.loadavg()[0].toFixed(1)} at the end (shared machine)`,
      `- Command: \`npx tsx bench/queue-workers.ts --pages=${pageCount} --workers=${workerCounts.join(',')}\`: N \`npm run worker\` processes ready, then one run of every page queued; time from queueing to the last page's outcome (boots excluded)`,
      '',
      '| workers | wall time | pages/s | speed-up |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
}

runBench('bench/queue-workers', main);
