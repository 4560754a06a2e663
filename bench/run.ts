import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import { stripVTControlCharacters } from 'node:util';
import vm from 'node:vm';
import autocannon from 'autocannon';
import type { Core } from '@strapi/strapi';
import { extractPage, readPage } from '../src/importer';
import { pageMetaFor } from '../src/importer';
import { TYPE_SPECS } from '../src/importer';
import type { ImportOptions, ImportReport, Importer } from '../src/importer';
import { APP_ROOT, closeApp, compileApp } from '../src/cli/app';
import { responseCacheOf } from '../src/response-cache';
import { loadStrapi, provisionDatabase, startTestApp, type TestApp } from '../tests/helpers/strapi';
import { recordBenchmarkSection } from './benchmarks-file';
import { writeCorpus } from './corpus';
import { benchExtraction, extractionSection } from './extraction';
import { runBench } from './run-bench';

/**
 * `npm run bench [-- --postgres] [--quick] [--sizes=100,1000] [--no-naive] [--no-strapi-import]
 * [--api-seconds=N] [--extraction-only]`: times extraction (bench/extraction.ts, its own section of
 * BENCHMARKS.md; `--extraction-only` stops there), the import of a synthetic corpus (bench/corpus.ts) of each
 * size into a fresh database, its re-import, a naive per-document loop and Strapi's own
 * `strapi import` of an export of the imported content on the smallest corpus, and the API on the
 * largest corpus, and records the numbers in BENCHMARKS.md, one section per database, so a rerun
 * replaces its own section and leaves the other database's numbers alone. `--quick` is the
 * 100-page size with short API runs.
 */

process.env.LOG_LEVEL ??= 'warn';

const BENCHMARKS_FILE = path.join(APP_ROOT, 'BENCHMARKS.md');
const CORPUS_SEED = 1;
const EXTRACTION_PAGES = 300;
/** Published, so that the API serves what was imported. */
const IMPORT_OPTIONS: ImportOptions = { dryRun: false, publish: true, issueDate: null };

type Database = 'sqlite' | 'postgres';

interface BenchArgs {
  database: Database;
  quick: boolean;
  sizes: number[];
  apiSeconds: number;
  naive: boolean;
  strapiImport: boolean;
  extractionOnly: boolean;
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    database: process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite',
    quick: false,
    sizes: [100, 1000],
    apiSeconds: 5,
    naive: true,
    strapiImport: true,
    extractionOnly: false,
  };
  for (const arg of argv) {
    if (arg === '--postgres') args.database = 'postgres';
    else if (arg === '--quick') Object.assign(args, { quick: true, sizes: [100], apiSeconds: 2 });
    else if (arg === '--no-naive') args.naive = false;
    else if (arg === '--no-strapi-import') args.strapiImport = false;
    else if (arg === '--extraction-only') args.extractionOnly = true;
    else if (arg.startsWith('--sizes=')) args.sizes = arg.slice('--sizes='.length).split(',').map((size) => positiveInteger('--sizes', size));
    else if (arg.startsWith('--api-seconds=')) args.apiSeconds = positiveInteger('--api-seconds', arg.slice('--api-seconds='.length));
    else throw new Error(`unknown option ${arg} (expected --postgres, --quick, --no-naive, --no-strapi-import, --extraction-only, --sizes=100,1000, --api-seconds=N)`);
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

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;


/** Peak resident memory of this process (Strapi, the importer and the database driver) during `work`. */
async function measured<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number; statements: number }> {
  let statements = 0;
  const countStatement = () => {
    statements += 1;
  };
  strapi.db.connection.on('query', countStatement);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - start) / 1000, peakRss: Math.max(peakRss, process.memoryUsage().rss), statements };
  } finally {
    clearInterval(sampler);
    strapi.db.connection.off('query', countStatement);
  }
}

/**
 * Peak RSS counts garbage V8 has not collected yet and memory it keeps for reuse, so it rises with
 * the allocation rate, not only with what a run holds. The heap still used after a full collection
 * is what the process really keeps: if it grows with the corpus, something holds the corpus.
 * The bench runs under tsx without --expose-gc; the flag can be turned on at run time and `gc`
 * read from a fresh context.
 */
async function heapUsedAfterGc(): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;
  collectGarbage();
  // Objects collected above may hold native memory and weak callbacks released a turn later.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

interface ImportRun {
  seconds: number;
  peakRss: number;
  /** Live memory at the end of the run, apart from garbage not yet collected (see heapUsedAfterGc). */
  heapAfterGc: number;
  statements: number;
  created: number;
  written: number;
  skipped: number;
}

async function timedImport(strapi: Core.Strapi, importer: Importer, paths: string[]): Promise<ImportRun> {
  const { result: report, seconds, peakRss, statements } = await measured<ImportReport>(strapi, () => importer.importFiles(paths, IMPORT_OPTIONS));
  if (report.failed > 0) throw new Error(`${report.failed} of ${report.fileCount} page(s) failed:\n${report.firstErrors.join('\n')}`);
  const totals = Object.values(report.totals);
  const created = totals.reduce((sum, counts) => sum + counts.create, 0);
  return {
    seconds,
    peakRss,
    heapAfterGc: await heapUsedAfterGc(),
    statements,
    created,
    written: created + totals.reduce((sum, counts) => sum + counts.update, 0),
    skipped: report.skipped,
  };
}

/**
 * The comparison the issue asks for: what a script would do without the importer, one
 * `documents().create()` per document with its relations, published, no transaction; entities
 * found by name first so that it does not duplicate them. No merge, no snapshots, no lock.
 */
async function naiveImport(strapi: Core.Strapi, paths: string[]): Promise<{ seconds: number; documents: number; statements: number }> {
  const { result: documents, seconds, statements } = await measured(strapi, async () => {
    let created = 0;
    const known = new Map<string, string>();
    const documentIdOf = async (uid: string, data: Record<string, unknown>): Promise<string> => {
      const cacheKey = `${uid}|${data.name}`;
      const cached = known.get(cacheKey);
      if (cached) return cached;
      const service = strapi.documents(uid as 'api::official.official');
      const existing = await service.findFirst({ filters: { name: data.name } as never, status: 'published', fields: ['documentId'] as never });
      const documentId = existing?.documentId ?? (await service.create({ data: data as never, status: 'published' })).documentId;
      if (!existing) created += 1;
      known.set(cacheKey, documentId);
      return documentId;
    };

    for (const file of paths) {
      const meta = pageMetaFor(file, null);
      const { extraction, rawText } = extractPage(readPage(file), { issueDate: meta.issueDate });
      const page = await strapi.documents('api::page.page').create({
        data: { fileName: extraction.source.file, sha256: extraction.source.sha256, issueDate: meta.issueDate, page: meta.page } as never,
      });
      created += 1;
      for (const article of extraction.articles) {
        const officials = [];
        for (const official of article.officials) {
          officials.push(await documentIdOf('api::official.official', { name: official.name, posts: official.titles.map((title) => ({ title, firstSeen: meta.issueDate, lastSeen: meta.issueDate })) }));
        }
        const projects = [];
        for (const project of article.projects) projects.push(await documentIdOf('api::project.project', { name: project.name, stage: project.stage }));
        const platforms = [];
        for (const platform of article.researchPlatforms) {
          platforms.push(await documentIdOf('api::research-platform.research-platform', { name: platform.name, nameGenerated: platform.nameGenerated, kind: platform.kind, hostInstitution: platform.host }));
        }
        await strapi.documents('api::article.article').create({
          data: {
            title: article.title, subtitle: article.subtitle, titleGenerated: article.titleGenerated, outlet: article.outlet,
            credits: article.credits, dateline: article.dateline, eventDate: article.eventDate, issueDate: meta.issueDate, page: meta.page,
            body: article.paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
            figures: article.figures.map(({ label, value, unit }) => ({ label, value, unit })),
            source: { fileName: extraction.source.file, sha256: extraction.source.sha256, firstLine: article.lines.first, lastLine: article.lines.last, rawText: rawText[article.key] },
            sourceKey: article.key, reviewStatus: 'needs_review',
            officials, projects, researchPlatforms: platforms, sourcePage: page.documentId,
          } as never,
          status: 'published',
        });
        created += 1;
      }
    }
    return created;
  });
  return { seconds, documents, statements };
}

/** Strapi's own CLI in this app: what `npx strapi` runs, without npx's wrapper process. */
const STRAPI_CLI = path.join(APP_ROOT, 'node_modules', '.bin', 'strapi');

/**
 * Runs `strapi <args>` in a child process on the database the DATABASE_* variables name (the
 * bench's throwaway database: `startTestApp` and `provisionDatabase` set them, and children
 * inherit them, with the test secrets), calling `onLine` with each line of its standard output.
 */
function runStrapiCli(args: string[], onLine: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(STRAPI_CLI, args, { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let errorTail = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errorTail = (errorTail + chunk).slice(-2000);
    });
    // Its tables are coloured even into a pipe.
    createInterface({ input: child.stdout }).on('line', (line) => onLine(stripVTControlCharacters(line)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`strapi ${args.join(' ')} exited with ${code}:\n${errorTail}`))));
  });
}

/** Documents of the types the importer writes; a document's draft and published versions count once. */
async function importedDocumentCount(strapi: Core.Strapi): Promise<number> {
  let documents = 0;
  for (const spec of TYPE_SPECS) documents += await strapi.documents(spec.uid).count({});
  return documents;
}

interface StrapiExport {
  archive: string;
  documents: number;
}

/** `strapi export` of what the importer left in the running app's database, unencrypted and uncompressed. */
async function exportContent(strapi: Core.Strapi, folder: string): Promise<StrapiExport> {
  const base = path.join(folder, 'strapi-export');
  await runStrapiCli(['export', '--no-encrypt', '--no-compress', '-f', base]);
  const archive = `${base}.tar`;
  if (!existsSync(archive)) throw new Error(`strapi export did not write ${archive}`);
  return { archive, documents: await importedDocumentCount(strapi) };
}

/**
 * The other comparison the issue asks for: Strapi's own `strapi import` of an export of the same
 * content, into a fresh database of the same kind. Timed from the CLI's "Starting import" to its
 * results table, so that compiling and booting the child's Strapi is left out, as the importer's
 * timing leaves out the bench's boot. The documents are then counted in a Strapi booted on that
 * database.
 */
async function strapiImport(exported: StrapiExport): Promise<{ seconds: number; documents: number }> {
  const dropDatabase = await provisionDatabase();
  try {
    const marks: { started?: number; finished?: number } = {};
    await runStrapiCli(['import', '--force', '-f', exported.archive], (line) => {
      if (line.includes('Starting import')) marks.started = performance.now();
      // The results table (cli-table3) opens with its top border once the transfer is over.
      else if (marks.started !== undefined && marks.finished === undefined && line.trimStart().startsWith('┌')) marks.finished = performance.now();
    });
    const { started, finished } = marks;
    if (started === undefined || finished === undefined) throw new Error('strapi import printed no "Starting import" or no results table: cannot time it');

    const strapi = await loadStrapi();
    let documents: number;
    try {
      documents = await importedDocumentCount(strapi);
    } finally {
      await closeApp(strapi);
    }
    if (documents !== exported.documents) throw new Error(`strapi import wrote ${documents} documents of the ${exported.documents} exported`);
    return { seconds: (finished - started) / 1000, documents };
  } finally {
    await dropDatabase();
  }
}

interface ApiResult {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function listen(app: TestApp): Promise<string> {
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
}

const NESTED_GRAPHQL = JSON.stringify({
  query: '{ articles(pagination: { limit: 25 }) { documentId title credits { name role } officials { name posts { title firstSeen lastSeen } } projects { name stage } researchPlatforms { name kind hostInstitution } } }',
});

/** Loopback, 10 connections, a fixed duration per route: requests/s and latency percentiles. */
async function benchApi(app: TestApp, seconds: number): Promise<ApiResult[]> {
  const base = await listen(app);
  const [article] = await app.strapi.documents('api::article.article').findMany({ status: 'published', fields: ['documentId'] as never, limit: 1 });
  // The official with the most articles: the page a reader of a busy archive opens most.
  const officials = (await app.strapi.db.query('api::official.official').findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId'],
    populate: { articles: { count: true } },
  })) as Array<{ documentId: string; articles: { count: number } }>;
  const busiest = officials.reduce((best, official) => (official.articles.count > best.articles.count ? official : best));
  const routes: Array<{ route: string; method?: 'POST'; body?: string }> = [
    { route: '/_health' },
    { route: '/api/articles' },
    { route: `/api/articles/${article.documentId}` },
    { route: `/api/officials/${busiest.documentId}` },
    { route: '/graphql', method: 'POST', body: NESTED_GRAPHQL },
  ];
  const results: ApiResult[] = [];
  // Every route is measured fresh, as its first reader after a write gets it; the list once more below.
  const cache = responseCacheOf(app.strapi);
  cache.enabled = false;
  for (const { route, method, body } of routes) {
    const run = await autocannon({
      url: base + route,
      method: method ?? 'GET',
      body,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      connections: 10,
      duration: seconds,
    });
    results.push({ route: method ? `${method} ${route} (nested, 25 articles)` : route.replace(/[a-z0-9]{24}$/, ':documentId'), requestsPerSecond: run.requests.average, p50: run.latency.p50, p99: run.latency.p99, non2xx: run.non2xx });
  }
  cache.enabled = true;
  results.push(await benchWarmList(base, seconds));
  await new Promise<void>((resolve) => app.http.close(() => resolve()));
  return results;
}

/**
 * The article list as most readers get it: answered from the in-process response cache
 * (src/response-cache/), filled by one read first. The share of hits is part of the figure: when
 * the kept answer outlives its TTL, the next reader gets a fresh read, as readers do.
 */
async function benchWarmList(base: string, seconds: number): Promise<ApiResult> {
  const route = '/api/articles';
  await fetch(base + route);
  let hits = 0;
  let answers = 0;
  const run = await autocannon({
    url: base,
    connections: 10,
    duration: seconds,
    requests: [{
      method: 'GET',
      path: route,
      onResponse: (_status, _body, _context, headers) => {
        const answeredBy = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'x-response-cache')?.[1];
        answers += 1;
        if (answeredBy === 'hit') hits += 1;
      },
    }],
  });
  const hitShare = answers > 0 ? ((100 * hits) / answers).toFixed(2) : '0';
  return { route: `${route} (warm: response cache, ${hitShare} % hits)`, requestsPerSecond: run.requests.average, p50: run.latency.p50, p99: run.latency.p99, non2xx: run.non2xx };
}

interface SizeResult {
  pages: number;
  megabytes: number;
  first: ImportRun;
  again: ImportRun;
  naive: { seconds: number; documents: number; statements: number } | null;
  strapiImport: { seconds: number; documents: number } | null;
  api: ApiResult[] | null;
}

async function benchSize(database: Database, pages: number, withApi: boolean, withNaive: boolean, withStrapiImport: boolean, args: BenchArgs): Promise<SizeResult> {
  process.env.DATABASE_CLIENT = database;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  try {
    const paths = await writeCorpus(folder, pages, CORPUS_SEED);
    const megabytes = paths.reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;

    let first: ImportRun;
    let again: ImportRun;
    let api: ApiResult[] | null = null;
    let exported: StrapiExport | null = null;
    const app = await startTestApp();
    try {
      const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
      process.stderr.write(`  first import of ${pages} pages…\n`);
      first = await timedImport(app.strapi, importer, paths);
      process.stderr.write(`  re-import…\n`);
      again = await timedImport(app.strapi, importer, paths);
      if (again.written > 0) throw new Error(`re-import is not idempotent: it wrote ${again.written} document(s)`);
      if (withApi) {
        process.stderr.write(`  API at ${pages} pages…\n`);
        api = await benchApi(app, args.apiSeconds);
      }
      if (withStrapiImport) {
        process.stderr.write(`  strapi export of the imported content…\n`);
        exported = await exportContent(app.strapi, folder);
      }
    } finally {
      await app.stop();
    }

    let strapiImported: SizeResult['strapiImport'] = null;
    if (exported) {
      process.stderr.write(`  strapi import of that export into a fresh database…\n`);
      strapiImported = await strapiImport(exported);
    }

    let naive: SizeResult['naive'] = null;
    if (withNaive) {
      process.stderr.write(`  naive loop on ${pages} pages…\n`);
      const naiveApp = await startTestApp();
      try {
        naive = await naiveImport(naiveApp.strapi, paths);
      } finally {
        await naiveApp.stop();
      }
    }
    return { pages, megabytes, first, again, naive, strapiImport: strapiImported, api };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const DATABASE_LABEL: Record<Database, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function resultsTables(args: BenchArgs, sizes: SizeResult[]): string {
  const database = DATABASE_LABEL[args.database];
  const parts = [
    `### Import into ${database} (fresh database per size, \`--publish\`)`,
    '',
    table(
      ['pages (MB)', 'first import', 'documents/s', 'SQL statements/page', 'peak RSS', 'heap used after GC', 're-import', 're-import / first', 'naive loop', 'importer speed / naive', '`strapi import` of an export', 'importer speed / `strapi import`'],
      sizes.map(({ pages, megabytes, first, again, naive, strapiImport: imported }) => [
        `${pages} (${megabytes.toFixed(1)})`,
        `${first.seconds.toFixed(1)} s, ${first.created} documents`,
        (first.created / first.seconds).toFixed(1),
        (first.statements / pages).toFixed(0),
        `${mib(first.peakRss)} (re-import ${mib(again.peakRss)})`,
        `${mib(first.heapAfterGc)} (re-import ${mib(again.heapAfterGc)})`,
        `${again.seconds.toFixed(2)} s, ${again.skipped}/${pages} skipped, ${again.written} written, ${(again.statements / pages).toFixed(1)} statements/page`,
        `${((100 * again.seconds) / first.seconds).toFixed(1)} %`,
        naive ? `${naive.seconds.toFixed(1)} s, ${naive.documents} documents, ${(naive.statements / pages).toFixed(0)} statements/page` : 'not run',
        naive ? `${(naive.seconds / first.seconds).toFixed(2)}×` : '',
        imported ? `${imported.seconds.toFixed(1)} s, ${imported.documents} documents` : 'not run',
        imported ? `${(imported.seconds / first.seconds).toFixed(2)}×` : '',
      ]),
    ),
  ];
  const withApi = sizes.find((size) => size.api);
  if (withApi?.api) {
    parts.push(
      '',
      `### API at ${withApi.pages} pages (${withApi.first.created} documents; loopback, 10 connections, ${args.apiSeconds} s per route; fresh, with the response cache off, unless marked warm)`,
      '',
      table(
        ['route', 'requests/s', 'p50', 'p99', 'non-2xx'],
        withApi.api.map((result) => [`\`${result.route}\``, result.requestsPerSecond.toFixed(0), `${result.p50} ms`, `${result.p99} ms`, String(result.non2xx)]),
      ),
    );
  }
  return parts.join('\n');
}

function commandLine(argv: string[]): string {
  return argv.length > 0 ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
}

function section(args: BenchArgs, argv: string[], body: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const [oneMinuteLoad] = os.loadavg();
  return [
    `## ${DATABASE_LABEL[args.database]}`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}; load average ${oneMinuteLoad.toFixed(1)} at the end of the run (the machine is shared)`,
    `- Node.js: ${process.version}`,
    `- Command: \`${commandLine(argv)}\`${args.database === 'sqlite' ? '' : ' (PostgreSQL at 127.0.0.1:5432, fresh database per run)'}`,
    '',
    body,
  ].join('\n');
}

const BENCHMARKS_INTRO = `# Benchmarks

Written by \`npm run bench\` (SQLite) and \`npm run bench -- --postgres\` (PostgreSQL); each run
replaces the section of its database.
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

  process.stderr.write('Timing extraction…\n');
  const extractionFolder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-extract-'));
  try {
    const extraction = benchExtraction(await writeCorpus(extractionFolder, EXTRACTION_PAGES, CORPUS_SEED));
    const body = extractionSection(extraction, commandLine(argv));
    process.stdout.write(`${body}\n`);
    recordBenchmarkSection('extraction', body);
  } finally {
    rmSync(extractionFolder, { recursive: true, force: true });
  }
  if (args.extractionOnly) return;

  process.stderr.write('Compiling the app…\n');
  compileApp();

  const sizes: SizeResult[] = [];
  const largest = Math.max(...args.sizes);
  const smallest = Math.min(...args.sizes);
  for (const pages of [...args.sizes].sort((a, b) => a - b)) {
    process.stderr.write(`${pages} pages into ${DATABASE_LABEL[args.database]}:\n`);
    // The naive loop and `strapi import` run beside the importer on the smallest corpus: the
    // naive loop is as slow as it is simple, and both are comparisons, not what grows.
    sizes.push(await benchSize(args.database, pages, pages === largest, args.naive && pages === smallest, args.strapiImport && pages === smallest, args));
  }

  const body = resultsTables(args, sizes);
  process.stdout.write(`${body}\n`);
  recordSection(args.database, section(args, argv, body));
  process.stderr.write(`Recorded in ${path.relative(process.cwd(), BENCHMARKS_FILE) || BENCHMARKS_FILE}\n`);
}

runBench('bench', main);
