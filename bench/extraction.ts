import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { APP_ROOT } from '../src/cli/app';
import { extractPage, readPage, type PageInput } from '../src/importer';
import { decodePage } from '../src/importer';
import { pageMetaFor } from '../src/importer';
import { percentile } from './benchmarks-file';
import { generatePage } from './corpus';

/**
 * Extraction timed on one core, in-process: the sample page beside `@node-rs/jieba` tagging the
 * same text (a maintained segmenter and tagger, the yardstick of what reading a page of Chinese
 * costs), the synthetic corpus, the cost per line as pages grow (extraction must stay linear),
 * and the CLI's cold start. The two are timed in alternation, so a busy machine slows both alike
 * and their ratio holds.
 */

export const SAMPLE_RELATIVE = path.join('seeds', '000_c63cc6bb5a561820.txt');
const SAMPLE_PATH = path.join(APP_ROOT, SAMPLE_RELATIVE);
const WARM_UP_ITERATIONS = 20;
const SAMPLE_RUNS = 300;
const COLD_START_RUNS = 3;
/** Page lengths the per-line cost is compared at, with how many runs each gets. */
const SCALING = [
  { lines: 1_000, runs: 21 },
  { lines: 8_000, runs: 5 },
  { lines: 32_000, runs: 3 },
] as const;

export interface ExtractionResult {
  sampleMedianMs: number;
  sampleP95Ms: number;
  jiebaMedianMs: number;
  corpusPages: number;
  corpusPagesPerSecond: number;
  corpusMegabytesPerSecond: number;
  perLine: Array<{ lines: number; microsecondsPerLine: number }>;
  coldStartMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A page of synthetic articles (bench/corpus.ts) cut to `lines` lines: the shape grows, not the kind. */
function pageOfLines(lines: number): PageInput {
  const collected: string[] = [];
  for (let index = 0; collected.length < lines; index += 1) collected.push(...generatePage(7, index).text.split('\n'), '');
  return { file: `scaling-${lines}.txt`, bytes: Buffer.from(`${collected.slice(0, lines).join('\n')}\n`) };
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

export function benchExtraction(corpus: readonly string[]): ExtractionResult {
  const input = readPage(SAMPLE_PATH);
  const text = decodePage(input.file, input.bytes);
  const jieba = Jieba.withDict(dict);
  // The first runs pay for JIT compilation, vocabulary and dictionary loading, which a long import amortises.
  for (let run = 0; run < WARM_UP_ITERATIONS; run += 1) {
    extractPage(input);
    jieba.tag(text);
  }
  const extraction: number[] = [];
  const tagging: number[] = [];
  for (let run = 0; run < SAMPLE_RUNS; run += 1) {
    extraction.push(timed(() => extractPage(input)));
    tagging.push(timed(() => jieba.tag(text)));
  }

  const pages = corpus.map((file) => ({ input: readPage(file), meta: pageMetaFor(file, null) }));
  const bytes = pages.reduce((sum, page) => sum + page.input.bytes.length, 0);
  const corpusMs = timed(() => {
    for (const page of pages) extractPage(page.input, { issueDate: page.meta.issueDate });
  });

  const perLine = SCALING.map(({ lines, runs }) => {
    const page = pageOfLines(lines);
    extractPage(page);
    const durations = Array.from({ length: runs }, () => timed(() => extractPage(page)));
    return { lines, microsecondsPerLine: (median(durations) * 1000) / lines };
  });

  return {
    sampleMedianMs: median(extraction),
    sampleP95Ms: percentile(extraction, 0.95),
    jiebaMedianMs: median(tagging),
    corpusPages: pages.length,
    corpusPagesPerSecond: pages.length / (corpusMs / 1000),
    corpusMegabytesPerSecond: bytes / 2 ** 20 / (corpusMs / 1000),
    perLine,
    coldStartMs: coldStartOfExtractCli(),
  };
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The extraction section of BENCHMARKS.md: it depends on no database. */
export function extractionSection(result: ExtractionResult, command: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const [oneMinuteLoad] = os.loadavg();
  const firstLine = result.perLine[0]!;
  return [
    '## Extraction (one core, in-process)',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}; load average ${oneMinuteLoad!.toFixed(1)} at the end of the run (the machine is shared: read the ratios, which alternating runs keep)`,
    `- Node.js: ${process.version}`,
    `- Command: \`${command}\``,
    '',
    table(
      ['Measurement', 'Result'],
      [
        [
          `\`extractPage\` on the sample page, median of ${SAMPLE_RUNS} after ${WARM_UP_ITERATIONS} warm-up`,
          `${result.sampleMedianMs.toFixed(2)} ms/page (p95 ${result.sampleP95Ms.toFixed(2)} ms)`,
        ],
        [
          '`@node-rs/jieba` `tag()` on the same page text, runs alternating with the above',
          `${result.jiebaMedianMs.toFixed(2)} ms/page; extraction takes **${(result.sampleMedianMs / result.jiebaMedianMs).toFixed(1)}×** jieba's time`,
        ],
        [
          `\`extractPage\` on ${result.corpusPages} corpus pages`,
          `${result.corpusPagesPerSecond.toFixed(0)} pages/s, ${result.corpusMegabytesPerSecond.toFixed(2)} MB/s`,
        ],
        ...result.perLine.map(({ lines, microsecondsPerLine }) => [
          `cost per line, a page of ${lines.toLocaleString('en')} lines`,
          `${microsecondsPerLine.toFixed(1)} µs/line (${(microsecondsPerLine / firstLine.microsecondsPerLine).toFixed(2)}× the ${firstLine.lines.toLocaleString('en')}-line page)`,
        ]),
        [`\`npm run --silent extract -- ${SAMPLE_RELATIVE}\` cold start, median of ${COLD_START_RUNS}`, `${result.coldStartMs.toFixed(0)} ms`],
      ],
    ),
  ].join('\n');
}
