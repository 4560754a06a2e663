import type { AddressInfo } from 'node:net';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { compileApp } from '../src/cli/app';
import { createAdminFromEnv } from '../src/access/admin-user';
import type { Importer } from '../src/importer';
import { startHealthProbe } from '../tests/helpers/health-probe';
import { startTestApp, type TestApp } from '../tests/helpers/strapi';
import { percentile, recordBenchmarkSection } from './benchmarks-file';
import { largestDeskPage } from './large-page';
import { runBench } from './run-bench';

/**
 * `npx tsx bench/desk-preview.ts [--postgres] [--previews=N]`: how fast the server answers
 * `/_health` while an editor previews the largest page the desk takes (bench/large-page.ts), over
 * real HTTP from another process (tests/helpers/health-probe.ts): health checks one after
 * another, 5 ms apart, for as long as each preview runs.
 * Measured three times: with the server idle (what the machine itself allows: it is shared),
 * through the desk, which reads the page on its reader thread, and with the same preview run on
 * the event loop (`importPage` with the in-process parser, as the desk did before).
 * p50/p99/max recorded in BENCHMARKS.md, one section per database.
 */
process.env.LOG_LEVEL ??= 'warn';

const HEALTH_GAP_MS = 5;

interface Args {
  database: 'sqlite' | 'postgres';
  previews: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { database: 'sqlite', previews: 5 };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    if (arg === '--postgres') args.database = 'postgres';
    else if (name === '--previews' && /^[1-9]\d*$/.test(value ?? '')) args.previews = Number(value);
    else throw new Error(`unknown option ${arg} (expected --postgres, --previews=N)`);
  }
  return args;
}

/**
 * POSTs a JSON body given as text and answers with the status and the body as text: the bench's
 * client shares the server's process, so it should cost it no more than a browser would.
 */
function post(port: number, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Health-check latencies while `work` runs, and how long it ran. */
async function healthDuring(port: number, work: () => Promise<unknown>): Promise<{ latencies: number[]; workMs: number }> {
  const probe = await startHealthProbe(port, HEALTH_GAP_MS);
  const started = performance.now();
  await work();
  const workMs = performance.now() - started;
  return { latencies: await probe.stop(), workMs };
}

interface Row {
  label: string;
  latencies: number[];
  workMs: number[];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.env.DATABASE_CLIENT = args.database;
  process.env.RATE_LIMIT_ENABLED = 'false';
  compileApp();
  const app: TestApp = await startTestApp();
  try {
    const credentials = { ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'Bench-Pass-2024' };
    await createAdminFromEnv(app.strapi, credentials);
    const token = (await request(app.http).post('/admin/login').send({ email: credentials.ADMIN_EMAIL, password: credentials.ADMIN_PASSWORD }).expect(200)).body.data.token;
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    const { port } = app.http.address() as AddressInfo;

    const page = largestDeskPage();
    const lines = page.toString('utf8').split('\n').length - 1;
    const upload = JSON.stringify({ fileName: 'largest.txt', content: page.toString('base64'), issueDate: '2024-01-02' });
    const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
    const modes: Array<[string, () => Promise<unknown>]> = [
      ['nothing (the server idle, for 2 s)', () => new Promise((resolve) => setTimeout(resolve, 2000))],
      ['desk preview (page read on the reader thread)', async () => {
        const res = await post(port, '/newsroom-desk/preview', token, upload);
        if (res.status !== 200 || !res.text.includes('"status":"planned"')) throw new Error(`preview answered ${res.status}: ${res.text.slice(0, 300)}`);
      }],
      ['the same preview on the event loop (before)', () =>
        importer.importPage({ file: 'largest.txt', bytes: page }, { issueDate: '2024-01-02', page: null }, { dryRun: true, publish: false, issueDate: '2024-01-02' })],
    ];
    const rows: Row[] = [];
    for (const [label, work] of modes) {
      await work(); // warm-up: the reader thread starts, code is compiled
      const row: Row = { label, latencies: [], workMs: [] };
      for (let run = 0; run < args.previews; run += 1) {
        const { latencies, workMs } = await healthDuring(port, work);
        row.latencies.push(...latencies);
        row.workMs.push(workMs);
      }
      rows.push(row);
      process.stderr.write(`${label}: ${row.latencies.length} health checks, p99 ${percentile(row.latencies, 0.99).toFixed(1)} ms\n`);
    }
    record(args, { bytes: page.length, lines }, rows);
  } finally {
    await app.stop();
  }
}

function record(args: Args, page: { bytes: number; lines: number }, rows: Row[]): void {
  const name = args.database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const body = [
    `## /_health while an editor previews the largest page, ${name}`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.version}; load average ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared)`,
    `- Command: \`npx tsx bench/desk-preview.ts${args.database === 'postgres' ? ' --postgres' : ''}\` (${args.previews} previews of a ${page.bytes}-byte page of ${page.lines} lines, bench/large-page.ts; health checks over loopback from another process, one after another, ${HEALTH_GAP_MS} ms apart, while each preview runs; an empty database)`,
    '',
    '| while | health checks | p50 | p99 | slowest | preview takes (median) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      `| ${row.label} | ${row.latencies.length} | ${ms(percentile(row.latencies, 0.5))} | ${ms(percentile(row.latencies, 0.99))} | ${ms(Math.max(...row.latencies))} | ${ms(percentile(row.workMs, 0.5))} |`),
  ].join('\n');
  recordBenchmarkSection(`desk-preview-${args.database}`, body);
  process.stderr.write(`${body}\n`);
}

runBench('bench/desk-preview', main);
