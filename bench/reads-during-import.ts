import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { registerImportHooks, type ImportOptions, type Importer } from '../src/importer';
import { compileApp } from '../src/cli/app';
import { invalidateResponseCache } from '../src/response-cache';
import { startTestApp } from '../tests/helpers/strapi';
import { percentile, recordBenchmarkSection } from './benchmarks-file';
import { writeCorpus } from './corpus';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/reads-during-import.ts [--postgres] [--pages=1000] [--published-pages=50] [--no-before] [--no-publishing]`:
 * what an anonymous reader of the article list gets while the archive is being imported, against
 * `/_health` in the same run (issue 20's goal: the list's p50 within 3× of `/_health`'s). The
 * archive first holds a published corpus (`--published-pages`), so the list has 25 articles; then
 * a generated corpus of `--pages` pages is imported in the server's process, as the desk does,
 * once as drafts (the desk's normal case: nothing readers see changes), once as drafts with every
 * unit emptying the whole cache as before issue 20 (`--no-before` leaves it out) and once
 * publishing (every page changes the list), each into a fresh copy of the same archive. A probe in another process
 * asks `/_health` and `/api/articles` in turn, one request at a time on a new connection, for as
 * long as the import runs (and for a few seconds with the server idle, first). Recorded in
 * BENCHMARKS.md, one section per database.
 */
process.env.LOG_LEVEL ??= 'warn';

const IDLE_SECONDS = 5;
const GAP_MS = 5;
const PROBED = ['/_health', '/api/articles'] as const;
/** Different seeds: the imported corpus names other articles than the published one. */
const PUBLISHED_SEED = 2;
const IMPORTED_SEED = 1;

const ArgsSchema = z.object({
  database: z.enum(['sqlite', 'postgres']),
  pages: z.number().int().min(1),
  publishedPages: z.number().int().min(1),
  publishing: z.boolean(),
  before: z.boolean(),
});
type Args = z.infer<typeof ArgsSchema>;

function parseArgs(argv: string[]): Args {
  const raw: Record<string, unknown> = { database: 'sqlite', pages: 1000, publishedPages: 50, publishing: true, before: true };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    if (arg === '--postgres') raw.database = 'postgres';
    else if (arg === '--no-publishing') raw.publishing = false;
    else if (arg === '--no-before') raw.before = false;
    else if (name === '--pages') raw.pages = Number(value);
    else if (name === '--published-pages') raw.publishedPages = Number(value);
    else throw new Error(`unknown option ${arg} (expected --postgres, --pages=N, --published-pages=N, --no-publishing, --no-before)`);
  }
  return ArgsSchema.parse(raw);
}

/**
 * Runs in its own process, so that an event loop busy importing cannot also hold back the clock
 * that measures it (as tests/helpers/health-probe.ts does for `/_health` alone).
 */
const PROBE = `
const http = require('node:http');
const [port, gapMs, ...paths] = process.argv.slice(1);
let stopping = false;
process.stdin.on('data', () => { stopping = true; });
const ask = (path) => new Promise((resolve, reject) => {
  const started = performance.now();
  http.get({ host: '127.0.0.1', port: Number(port), path, agent: false }, (res) => {
    res.resume();
    res.on('end', () => resolve({ path, ms: performance.now() - started, status: res.statusCode, cache: res.headers['x-response-cache'] ?? null }));
  }).on('error', reject);
});
(async () => {
  const answers = [];
  process.stdout.write('started\\n');
  while (!stopping) {
    for (const path of paths) answers.push(await ask(path));
    await new Promise((resolve) => setTimeout(resolve, Number(gapMs)));
  }
  // Exits once the answers are out: a pipe takes a long run's answers in several writes.
  process.stdout.write(JSON.stringify(answers), () => process.exit(0));
})();
`;

const AnswersSchema = z.array(z.object({ path: z.string(), ms: z.number(), status: z.number(), cache: z.string().nullable() }));
type Answers = z.infer<typeof AnswersSchema>;

/** The probe's answers while `work` runs. */
async function probedDuring(port: number, work: () => Promise<void>): Promise<{ answers: Answers; seconds: number }> {
  const child = spawn(process.execPath, ['-e', PROBE, String(port), String(GAP_MS), ...PROBED], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  const finished = new Promise<Answers>((resolve, reject) => {
    child.on('close', (code) =>
      code === 0
        ? resolve(AnswersSchema.parse(JSON.parse(output.slice(output.indexOf('\n') + 1))))
        : reject(new Error(`probe exited with ${code}`)),
    );
  });
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.startsWith('started\n')) resolve();
    });
  });
  const started = performance.now();
  try {
    await work();
  } finally {
    child.stdin.end('stop\n');
  }
  const seconds = (performance.now() - started) / 1000;
  return { answers: await finished, seconds };
}

interface Row {
  label: string;
  seconds: number;
  pages: number | null;
  health: number[];
  list: number[];
  listHits: number;
  failures: number;
}

function rowOf(label: string, pages: number | null, { answers, seconds }: { answers: Answers; seconds: number }): Row {
  const of = (route: string) => answers.filter((answer) => answer.path === route);
  const list = of('/api/articles');
  return {
    label,
    seconds,
    pages,
    health: of('/_health').map((answer) => answer.ms),
    list: list.map((answer) => answer.ms),
    listHits: list.filter((answer) => answer.cache === 'hit').length,
    failures: answers.filter((answer) => answer.status >= 400).length,
  };
}

const AS_DRAFTS: ImportOptions = { dryRun: false, publish: false, issueDate: null };
const PUBLISHING: ImportOptions = { ...AS_DRAFTS, publish: true };

/**
 * A fresh archive holding the published corpus, serving on loopback; `measure` runs against it.
 * `emptyingAfterEachUnit`: every import unit also empties the whole cache once it commits, as
 * every unit did before the cache learnt what a unit changed (the comparison row).
 */
async function withPublishedArchive<T>(
  args: Args,
  folder: string,
  emptyingAfterEachUnit: boolean,
  measure: (port: number, importer: Importer) => Promise<T>,
): Promise<T> {
  const app = await startTestApp();
  try {
    if (emptyingAfterEachUnit) registerImportHooks(app.strapi, { committed: (strapi) => invalidateResponseCache(strapi) });
    const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
    const published = await writeCorpus(path.join(folder, 'published'), args.publishedPages, PUBLISHED_SEED);
    const report = await importer.importFiles(published, PUBLISHING);
    if (report.failed > 0) throw new Error(`${report.failed} published page(s) failed: ${report.firstErrors.join('\n')}`);
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    return await measure((app.http.address() as AddressInfo).port, importer);
  } finally {
    await app.stop();
  }
}

async function importDuring(port: number, importer: Importer, label: string, paths: string[], options: ImportOptions): Promise<Row> {
  process.stderr.write(`  ${label}…\n`);
  const probed = await probedDuring(port, async () => {
    const report = await importer.importFiles(paths, options);
    if (report.failed > 0) throw new Error(`${report.failed} page(s) failed: ${report.firstErrors.join('\n')}`);
  });
  return rowOf(label, paths.length, probed);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.env.DATABASE_CLIENT = args.database;
  process.env.RATE_LIMIT_ENABLED = 'false';
  const loadAtStart = os.loadavg();
  compileApp();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-reads-'));
  try {
    const imported = await writeCorpus(path.join(folder, 'imported'), args.pages, IMPORTED_SEED);
    const idle = () => new Promise<void>((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const rows = await withPublishedArchive(args, folder, false, async (port, importer) => [
      rowOf('nothing (the server idle)', null, await probedDuring(port, idle)),
      await importDuring(port, importer, `an import of ${args.pages} pages as drafts`, imported, AS_DRAFTS),
    ]);
    if (args.before) {
      const label = 'the same, every unit emptying the whole cache (before)';
      rows.push(
        await withPublishedArchive(args, folder, true, (port, importer) => importDuring(port, importer, label, imported, AS_DRAFTS)),
      );
    }
    if (args.publishing) {
      const label = `an import of ${args.pages} pages, publishing`;
      rows.push(
        await withPublishedArchive(args, folder, false, (port, importer) => importDuring(port, importer, label, imported, PUBLISHING)),
      );
    }
    record(args, rows, loadAtStart);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function record(args: Args, rows: Row[], loadAtStart: number[]): void {
  const name = args.database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const options = [
    args.database === 'postgres' ? '--postgres' : '',
    `--pages=${args.pages}`,
    `--published-pages=${args.publishedPages}`,
    args.publishing ? '' : '--no-publishing',
    args.before ? '' : '--no-before',
  ]
    .filter(Boolean)
    .join(' ');
  const body = [
    `## The article list while the archive is imported, ${name}`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.version}; load average ${loadAtStart[0].toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared)`,
    `- Command: \`npx tsx bench/reads-during-import.ts ${options}\` (an archive of ${args.publishedPages} published generated pages, then ${args.pages} other generated pages imported in the server's process; a probe in another process asks \`/_health\` and \`/api/articles\` in turn over loopback, one request at a time on a new connection, ${GAP_MS} ms apart)`,
    '',
    '| while | pages/s | `/_health` p50 | p99 | `/api/articles` p50 | p99 | list from the cache | list p50 ÷ health p50 | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const rate = row.pages === null ? '–' : (row.pages / row.seconds).toFixed(1);
      const hits = `${row.listHits} of ${row.list.length}`;
      const ratio = (percentile(row.list, 0.5) / percentile(row.health, 0.5)).toFixed(2);
      return `| ${row.label} | ${rate} | ${ms(percentile(row.health, 0.5))} | ${ms(percentile(row.health, 0.99))} | ${ms(percentile(row.list, 0.5))} | ${ms(percentile(row.list, 0.99))} | ${hits} | ${ratio}× | ${row.failures} |`;
    }),
  ].join('\n');
  recordBenchmarkSection(`reads-during-import-${args.database}`, body);
  process.stderr.write(`${body}\n`);
}

runBench('bench/reads-during-import', main);
