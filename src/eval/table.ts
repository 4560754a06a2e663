import { FIELDS, rates, sumCounts, type Calibration, type Counts, type FieldCounts, type ItemDifference } from './score';

/** Plain-text tables for the terminal; CJK characters take two columns. */

function width(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\u1100-\uFFFF]/u.test(char) ? 2 : 1), 0);
}

function pad(text: string, size: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return alignRight ? fill + text : text + fill;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => width(row[column]))));
  const line = (row: string[]) => row.map((cell, column) => pad(cell, widths[column], column > 0)).join('  ');
  return [line(header), widths.map((size) => '-'.repeat(size)).join('  '), ...rows.map(line)].join('\n');
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function rateCells(counts: Counts): string[] {
  const { precision, recall, f1 } = rates(counts);
  return [String(counts.tp), String(counts.fp), String(counts.fn), percent(precision), percent(recall), percent(f1)];
}

const RATE_HEADER = ['tp', 'fp', 'fn', 'precision', 'recall', 'F1'];

export function fieldTable(counts: FieldCounts): string {
  const rows = FIELDS.map((field) => [field, ...rateCells(counts[field])]);
  rows.push(['total', ...rateCells(sumCounts(counts))]);
  return table(['field', ...RATE_HEADER], rows);
}

export function pageTable(pages: ReadonlyArray<{ name: string; counts: FieldCounts }>): string {
  const rows = pages.map(({ name, counts }) => [
    name,
    `${counts.articles.tp}/${counts.articles.tp + counts.articles.fn}`,
    ...rateCells(sumCounts(counts)),
  ]);
  return table(['page', 'articles', ...RATE_HEADER], rows);
}

/** Precision of the items the importer is sure of beside those it doubts, per field. */
export function calibrationTable(calibrations: readonly Calibration[]): string {
  const side = ({ tp, fp, precision }: Calibration['above']) => [String(tp + fp), tp + fp === 0 ? '-' : percent(precision)];
  const rows = calibrations.map((calibration) => [calibration.field, ...side(calibration.above), ...side(calibration.below)]);
  const threshold = calibrations[0]?.threshold ?? 0;
  return table(['field', `items >= ${threshold}`, 'precision', `items < ${threshold}`, 'precision'], rows);
}

export function differenceLines(differences: readonly ItemDifference[]): string[] {
  return differences.map(({ field, lines, missing, extra }) => {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(' ; ')}` : '',
      extra.length > 0 ? `extra ${extra.join(' ; ')}` : '',
    ];
    return `  lines ${lines} ${field}: ${parts.filter((part) => part !== '').join('  ')}`;
  });
}
