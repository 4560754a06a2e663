import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GoldPageSchema } from '../eval/gold';
import {
  addCounts,
  calibrate,
  emptyCounts,
  isPerfect,
  scorePage,
  sumCounts,
  type FieldCounts,
  type ItemDifference,
  type JudgedItem,
} from '../eval/score';
import { calibrationTable, differenceLines, fieldTable, pageTable } from '../eval/table';
import type { Extraction } from '../importer';
import { PageError } from '../importer';
import { extractPage, readPage } from '../importer';

/**
 * `npm run eval [-- --strict] [--diff] [--threshold=0.8] [gold-or-folder ...]`: scores the importer on
 * every page that has a gold file (default: tests/fixtures/pages) and prints precision and recall per
 * field and per page. --diff lists what was missed or extra; --threshold compares the precision of
 * items the importer is sure of with those it doubts; --strict exits 1 unless everything is at 100%.
 */

const DEFAULT_FOLDER = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'pages');
const GOLD_SUFFIX = '.gold.json';

const USAGE = `usage: npm run --silent eval -- [--strict] [--diff] [--threshold=C] [gold-file-or-folder ...]

Scores the importer against hand-written gold files (default: every *${GOLD_SUFFIX} in
tests/fixtures/pages; the format is described in its README). Prints precision, recall and F1 per
field, micro-averaged over the pages, and a total per page.
  --diff         list the items each page missed or added
  --threshold=C  per field, the precision of predicted items with confidence >= C against those
                 below it: whether the importer's doubt means something (C between 0 and 1)
  --strict       exit 1 unless every field of every page is at 100%`;

export interface PageResult {
  name: string;
  counts: FieldCounts;
  differences: ItemDifference[];
  judged: JudgedItem[];
  /** Why the importer refused the page; it then scores as finding nothing. */
  error: string | null;
}

function goldFilesIn(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith(GOLD_SUFFIX))
    .sort()
    .map((name) => path.join(target, name));
}

export function pageOfGold(goldFile: string, page: string | undefined): string {
  return path.resolve(path.dirname(goldFile), page ?? `${path.basename(goldFile, GOLD_SUFFIX)}.txt`);
}

export function evaluateGoldFile(goldFile: string): PageResult {
  const gold = GoldPageSchema.parse(JSON.parse(readFileSync(goldFile, 'utf8')));
  const pageFile = pageOfGold(goldFile, gold.page);
  const name = path.basename(pageFile);
  let extraction: Extraction;
  let error: string | null = null;
  try {
    extraction = extractPage(readPage(pageFile), {
      issueDate: gold.issueDate,
    }).extraction;
  } catch (refusal) {
    if (!(refusal instanceof PageError)) throw refusal;
    error = refusal.toString();
    extraction = {
      source: { file: name, sha256: '0'.repeat(64) },
      issueDate: gold.issueDate,
      articles: [],
      unassigned: [],
    };
  }
  const { counts, differences, judged } = scorePage(gold, extraction);
  return { name, counts, differences, judged, error };
}

export function evaluate(targets: readonly string[]): PageResult[] {
  return (targets.length > 0 ? targets : [DEFAULT_FOLDER]).flatMap(goldFilesIn).map(evaluateGoldFile);
}

function usageError(message: string): number {
  process.stderr.write(`eval: ${message}\n`);
  process.stdout.write(`${USAGE}\n`);
  return 2;
}

function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        threshold: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values: flags, positionals: targets } = parsed;
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const threshold = flags.threshold === undefined ? null : flags.threshold.trim() === '' ? Number.NaN : Number(flags.threshold);
  if (threshold !== null && !(threshold >= 0 && threshold <= 1)) {
    return usageError(`--threshold must be a number between 0 and 1, got '${flags.threshold}'`);
  }
  const missing = targets.find((target) => !existsSync(target));
  if (missing) {
    process.stderr.write(`eval: ${missing}: not found\n`);
    return 2;
  }

  let results: PageResult[];
  try {
    results = evaluate(targets);
  } catch (error) {
    process.stderr.write(`eval: ${error instanceof PageError ? error.toString() : (error as Error).message}\n`);
    return 2;
  }
  const totals = results.reduce((sum, result) => addCounts(sum, result.counts), emptyCounts());
  process.stdout.write(`${fieldTable(totals)}\n\n${pageTable(results)}\n`);
  for (const { name, error } of results) {
    if (error !== null) process.stdout.write(`\n${name}: refused by the importer: ${error}\n`);
  }
  if (threshold !== null) {
    process.stdout.write(
      `\n${calibrationTable(
        calibrate(
          results.flatMap(({ judged }) => judged),
          threshold,
        ),
      )}\n`,
    );
  }
  if (flags.diff) {
    for (const result of results.filter((page) => page.differences.length > 0)) {
      process.stdout.write(`\n${result.name}\n${differenceLines(result.differences).join('\n')}\n`);
    }
  }
  const perfect = isPerfect(sumCounts(totals));
  if (flags.strict && !perfect) process.stderr.write('eval: below 100% (--strict)\n');
  return flags.strict && !perfect ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
