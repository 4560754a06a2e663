import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GoldPageSchema } from '../eval/gold';
import { addCounts, emptyCounts, isPerfect, scorePage, sumCounts, type FieldCounts, type ItemDifference } from '../eval/score';
import { differenceLines, fieldTable, pageTable } from '../eval/table';
import type { Extraction } from '../importer/contract';
import { PageError } from '../importer/errors';
import { extractPage, readPage } from '../importer/extract';

/**
 * `npm run eval [-- --strict] [--diff] [gold-or-folder ...]`: scores the importer on every page that
 * has a gold file (default: tests/fixtures/pages) and prints precision and recall per field and per
 * page. --diff lists what was missed or extra; --strict exits 1 unless everything is at 100%.
 */

const DEFAULT_FOLDER = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'pages');
const GOLD_SUFFIX = '.gold.json';

const USAGE = `usage: npm run --silent eval -- [--strict] [--diff] [gold-file-or-folder ...]

Scores the importer against hand-written gold files (default: every *${GOLD_SUFFIX} in
tests/fixtures/pages; the format is described in its README). Prints precision, recall and F1 per
field, micro-averaged over the pages, and a total per page.
  --diff     list the items each page missed or added
  --strict   exit 1 unless every field of every page is at 100%`;

export interface PageResult {
  name: string;
  counts: FieldCounts;
  differences: ItemDifference[];
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
    extraction = extractPage(readPage(pageFile), { issueDate: gold.issueDate }).extraction;
  } catch (refusal) {
    if (!(refusal instanceof PageError)) throw refusal;
    error = refusal.toString();
    extraction = { source: { file: name, sha256: '0'.repeat(64) }, issueDate: gold.issueDate, articles: [], unassigned: [] };
  }
  const { counts, differences } = scorePage(gold, extraction);
  return { name, counts, differences, error };
}

export function evaluate(targets: readonly string[]): PageResult[] {
  return (targets.length > 0 ? targets : [DEFAULT_FOLDER]).flatMap(goldFilesIn).map(evaluateGoldFile);
}

function main(argv: readonly string[]): number {
  const flags = new Set(argv.filter((arg) => arg.startsWith('-')));
  const targets = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = [...flags].filter((flag) => !['--strict', '--diff', '--help', '-h'].includes(flag));
  if (flags.has('--help') || flags.has('-h') || unknown.length > 0) {
    if (unknown.length > 0) process.stderr.write(`eval: unknown option ${unknown[0]}\n`);
    process.stdout.write(`${USAGE}\n`);
    return unknown.length > 0 ? 2 : 0;
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
  if (flags.has('--diff')) {
    for (const result of results.filter((page) => page.differences.length > 0)) {
      process.stdout.write(`\n${result.name}\n${differenceLines(result.differences).join('\n')}\n`);
    }
  }
  const perfect = isPerfect(sumCounts(totals));
  if (flags.has('--strict') && !perfect) process.stderr.write('eval: below 100% (--strict)\n');
  return flags.has('--strict') && !perfect ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
