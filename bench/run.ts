import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractPage, readPage } from '../src/importer/extract';
import type { ImportOptions, ImportReport, Importer } from '../src/importer/service';
import { APP_ROOT, compileApp } from '../src/cli/app';
import { startTestApp } from '../tests/helpers/strapi';

/**
 * `npm run bench [-- --postgres] [--iterations=N] [--pages=K]`: times extraction and import on
 * this machine and records the numbers in BENCHMARKS.md, one section per database, so a rerun
 * replaces its own section and leaves the other database's numbers alone.
 */

process.env.LOG_LEVEL ??= 'warn';

const SAMPLE_RELATIVE = path.join('seeds', '000_c63cc6bb5a561820.txt');
const SAMPLE_PATH = path.join(APP_ROOT, SAMPLE_RELATIVE);
const BENCHMARKS_FILE = path.join(APP_ROOT, 'BENCHMARKS.md');
const WARM_UP_ITERATIONS = 20;
const COLD_START_RUNS = 5;
const IMPORT_OPTIONS: ImportOptions = { dryRun: false, publish: false, issueDate: null };

type Database = 'sqlite' | 'postgres';

interface BenchArgs {
  database: Database;
  iterations: number;
  pages: number;
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { database: process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite', iterations: 200, pages: 10 };
  for (const arg of argv) {
    if (arg === '--postgres') args.database = 'postgres';
    else if (arg.startsWith('--iterations=')) args.iterations = positiveInteger('--iterations', arg.slice('--iterations='.length));
    else if (arg.startsWith('--pages=')) args.pages = positiveInteger('--pages', arg.slice('--pages='.length));
    else throw new Error(`unknown option ${arg} (expected --postgres, --iterations=N, --pages=K)`);
  }
  return args;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

interface ExtractionResult {
  medianMs: number;
  p95Ms: number;
  pagesPerSecond: number;
  coldStartMs: number;
}

function benchExtraction(iterations: number): ExtractionResult {
  const input = readPage(SAMPLE_PATH);
  // The first runs pay for JIT compilation and vocabulary loading, which a long import amortises.
  for (let run = 0; run < WARM_UP_ITERATIONS; run += 1) extractPage(input);

  const durations: number[] = [];
  for (let run = 0; run < iterations; run += 1) {
    const start = performance.now();
    extractPage(input);
    durations.push(performance.now() - start);
  }
  const totalMs = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    medianMs: median(durations),
    p95Ms: percentile(durations, 0.95),
    pagesPerSecond: (iterations * 1000) / totalMs,
    coldStartMs: coldStartOfExtractCli(),
  };
}

/** What an editor waits for: npm, tsx compiling the sources, and one extraction. */
function coldStartOfExtractCli(): number {
  const durations: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run += 1) {
    const start = performance.now();
    const child = spawnSync('npm', ['run', '--silent', 'extract', '--', SAMPLE_RELATIVE], { cwd: APP_ROOT, encoding: 'utf8' });
    durations.push(performance.now() - start);
    if (child.status !== 0) throw new Error(`npm run extract failed (${child.status}): ${child.stderr}`);
  }
  return median(durations);
}

/**
 * Every day of the year but the sample's own 1月28日: dates sit within the first 120 characters
 * after each byline, which is what an article key hashes, so each variant gets its own keys.
 */
function variantDates(count: number): Array<{ month: number; day: number }> {
  const dates: Array<{ month: number; day: number }> = [];
  for (let day = 1; day <= 28 && dates.length < count; day += 1) {
    for (let month = 1; month <= 12 && dates.length < count; month += 1) {
      if (month !== 1 || day !== 28) dates.push({ month, day });
    }
  }
  if (dates.length < count) throw new Error(`at most ${dates.length} page variants are available, not ${count}`);
  return dates;
}

/** Copies of the sample page whose articles differ only in their date, as consecutive issues would. */
function writePageVariants(folder: string, count: number): string[] {
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const articleCount = extractPage(readPage(SAMPLE_PATH)).extraction.articles.length;
  const keys = new Set<string>();

  const paths = variantDates(count).map(({ month, day }, index) => {
    let replacements = 0;
    // OCR puts line breaks anywhere, even inside "1月 28日".
    const text = sample.replace(/1(\s*)月 28(\s*)日/g, (_match, beforeMonth: string, beforeDay: string) => {
      replacements += 1;
      return `${month}${beforeMonth}月 ${day}${beforeDay}日`;
    });
    if (replacements !== articleCount) throw new Error(`expected a date in each of the ${articleCount} articles, found ${replacements}`);

    const file = path.join(folder, `variant_${String(index + 1).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    for (const article of extractPage(readPage(file)).extraction.articles) keys.add(article.key);
    return file;
  });

  if (keys.size !== count * articleCount) throw new Error(`page variants share article keys: ${keys.size} distinct of ${count * articleCount}`);
  return paths;
}

interface ImportRun {
  seconds: number;
  created: number;
  written: number;
}

async function timedImport(importer: Importer, paths: string[]): Promise<ImportRun> {
  const start = performance.now();
  const report: ImportReport = await importer.importFiles(paths, IMPORT_OPTIONS);
  const seconds = (performance.now() - start) / 1000;
  if (report.failed > 0) {
    throw new Error(report.files.flatMap((file) => (file.error ? [file.error] : [])).join('\n'));
  }
  const totals = Object.values(report.totals);
  const created = totals.reduce((sum, counts) => sum + counts.create, 0);
  return { seconds, created, written: created + totals.reduce((sum, counts) => sum + counts.update, 0) };
}

interface ImportResult {
  firstImport: ImportRun;
  reImport: ImportRun;
}

async function benchImport(database: Database, pageCount: number): Promise<ImportResult> {
  process.env.DATABASE_CLIENT = database;
  const variantsFolder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  try {
    const paths = writePageVariants(variantsFolder, pageCount);
    const app = await startTestApp();
    try {
      const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
      const firstImport = await timedImport(importer, paths);
      const reImport = await timedImport(importer, paths);
      if (reImport.written > 0) throw new Error(`re-import is not idempotent: it wrote ${reImport.written} document(s)`);
      return { firstImport, reImport };
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(variantsFolder, { recursive: true, force: true });
  }
}

const DATABASE_LABEL: Record<Database, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function resultsTable(args: BenchArgs, extraction: ExtractionResult, imports: ImportResult): string {
  const { firstImport, reImport } = imports;
  const database = DATABASE_LABEL[args.database];
  const rows: Array<[string, string]> = [
    [`\`extractPage\` on the sample page, median (${args.iterations} runs after ${WARM_UP_ITERATIONS} warm-up)`, `${extraction.medianMs.toFixed(2)} ms/page`],
    ['`extractPage`, p95', `${extraction.p95Ms.toFixed(2)} ms/page`],
    ['`extractPage`, throughput', `${extraction.pagesPerSecond.toFixed(0)} pages/s`],
    [`\`npm run --silent extract -- ${SAMPLE_RELATIVE}\` cold start, median of ${COLD_START_RUNS}`, `${extraction.coldStartMs.toFixed(0)} ms`],
    [
      `First import of ${args.pages} page variants (${database})`,
      `${firstImport.seconds.toFixed(2)} s: ${(args.pages / firstImport.seconds).toFixed(2)} pages/s, ` +
        `${firstImport.created} documents created, ${(firstImport.created / firstImport.seconds).toFixed(1)} documents/s`,
    ],
    [
      `Re-import of the same ${args.pages} pages (${database})`,
      `${reImport.seconds.toFixed(2)} s: ${(args.pages / reImport.seconds).toFixed(2)} pages/s, ${reImport.written} documents written`,
    ],
  ];
  return ['| Measurement | Result |', '| --- | --- |', ...rows.map(([what, result]) => `| ${what} | ${result} |`)].join('\n');
}

function commandLine(argv: string[]): string {
  return argv.length > 0 ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
}

function section(args: BenchArgs, argv: string[], table: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `## ${DATABASE_LABEL[args.database]}`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node.js: ${process.version}`,
    `- Command: \`${commandLine(argv)}\`${args.database === 'sqlite' ? '' : ' (PostgreSQL at 127.0.0.1:5432, fresh database)'}`,
    '',
    table,
  ].join('\n');
}

const BENCHMARKS_INTRO = `# Benchmarks

Written by \`npm run bench\` (SQLite) and \`npm run bench -- --postgres\` (PostgreSQL); each run
replaces the section of its database. Extraction runs in-process on the sample page; imports
boot a real Strapi on a throwaway database and import synthetic variants of the sample page
(same text, other dates, so every article gets its own key while officials and projects are
shared between pages). The re-import must write nothing. Numbers are from one run on one
machine: compare runs on the same machine only.
`;

function recordSection(database: Database, body: string): void {
  const start = `<!-- bench:${database}:start -->`;
  const end = `<!-- bench:${database}:end -->`;
  const block = `${start}\n${body}\n${end}`;
  const existing = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : BENCHMARKS_INTRO;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const updated =
    from >= 0 && to > from
      ? existing.slice(0, from) + block + existing.slice(to + end.length)
      : `${existing.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_FILE, updated);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseBenchArgs(argv);

  process.stderr.write('Compiling the app…\n');
  compileApp();

  process.stderr.write(`Timing extraction (${args.iterations} runs)…\n`);
  const extraction = benchExtraction(args.iterations);
  process.stderr.write(`Timing import of ${args.pages} pages into ${DATABASE_LABEL[args.database]}…\n`);
  const imports = await benchImport(args.database, args.pages);

  const table = resultsTable(args, extraction, imports);
  process.stdout.write(`${table}\n`);
  recordSection(args.database, section(args, argv, table));
  process.stderr.write(`Recorded in ${path.relative(process.cwd(), BENCHMARKS_FILE) || BENCHMARKS_FILE}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
