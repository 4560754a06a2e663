import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP_ROOT, closeApp, compileApp } from '../src/cli/app';
import { loadStrapi, provisionDatabase } from '../tests/helpers/strapi';
import { writeCorpus } from './corpus';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/workers.ts [--pages=N] [--workers=1,2,4]`: import throughput on PostgreSQL with
 * N seed processes at once, each taking every N-th page of one synthetic corpus, on a fresh
 * database each time (schema created first, as a deployment migrates before starting workers).
 * Wall time includes each worker's Strapi boot. Recorded in BENCHMARKS.md.
 */

process.env.LOG_LEVEL ??= 'warn';
process.env.DATABASE_CLIENT = 'postgres';

const BENCHMARKS_FILE = path.join(APP_ROOT, 'BENCHMARKS.md');

function option(name: string, fallback: string): string {
  const given = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

function seed(files: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/seed.ts', ...files], {
      cwd: APP_ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

async function main(): Promise<void> {
  const pages = Number(option('pages', '120'));
  const workerCounts = option('workers', '1,2,4').split(',').map(Number);
  compileApp();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-workers-'));
  const rows: string[] = [];
  try {
    // Files, not folders: each worker is given its own pages; the manifest beside them is shared.
    const files = await writeCorpus(folder, pages, 1);
    let single = 0;
    for (const workers of workerCounts) {
      const drop = await provisionDatabase();
      try {
        await closeApp(await loadStrapi());
        process.stderr.write(`${workers} worker(s) on ${pages} pages…\n`);
        const start = performance.now();
        await Promise.all(Array.from({ length: workers }, (_, worker) => seed(files.filter((_, index) => index % workers === worker))));
        const seconds = (performance.now() - start) / 1000;
        if (workers === 1) single = seconds;
        rows.push(`| ${workers} | ${seconds.toFixed(1)} s | ${(pages / seconds).toFixed(2)} | ${single ? `${(single / seconds).toFixed(2)}×` : ''} |`);
      } finally {
        await drop();
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const body = [
    '## Parallel import workers (PostgreSQL)',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${os.availableParallelism()} CPUs, ${cpu}; load average ${os.loadavg()[0].toFixed(1)} at the end (shared machine)`,
    `- Command: \`npx tsx bench/workers.ts --pages=${pages} --workers=${workerCounts.join(',')}\`: N \`npm run seed\` processes at once, each with every N-th page, wall time including each worker's Strapi boot`,
    '',
    '| workers | wall time | pages/s | speed-up |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  const start = '<!-- bench:workers:start -->';
  const end = '<!-- bench:workers:end -->';
  const existing = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const block = `${start}\n${body}\n${end}`;
  writeFileSync(BENCHMARKS_FILE, from >= 0 && to > from ? existing.slice(0, from) + block + existing.slice(to + end.length) : `${existing.trimEnd()}\n\n${block}\n`);
}

runBench('bench/workers', main);
