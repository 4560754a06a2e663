import type { FileReport, ImportReport, TypeCounts } from './service';

const COLUMNS: Array<[keyof TypeCounts, string]> = [
  ['create', 'created'],
  ['update', 'updated'],
  ['unchanged', 'unchanged'],
  ['keptForEditor', 'kept for editor'],
];

/** One line per file, as the run goes. */
export function fileLine(report: FileReport): string {
  if (report.status === 'failed') return `✗ ${report.error}`;
  if (report.status === 'skipped') return `✓ ${report.file}: unchanged since its last import, ${report.articles} article(s)`;
  const verb = report.status === 'planned' ? 'would import' : 'imported';
  const parts = Object.entries(report.counts)
    .map(([type, counts]) => `${type} +${counts.create} ~${counts.update}`)
    .join(', ');
  return `✓ ${report.file}: ${verb} ${report.articles} article(s) (${parts})`;
}

/** Articles editors deleted, which the import left deleted. */
export function deletedLines(report: FileReport): string[] {
  return report.deleted.map(({ key, title }) => `  deleted by an editor, not re-created (--restore-deleted brings it back): ${title} [${key}]`);
}

/** The plan of a dry run, one document per line. */
export function planLines(report: FileReport): string[] {
  return report.changes.map((change) => {
    const fields = change.action === 'update' ? ` [${change.fields.join(', ')}]` : '';
    const kept = change.keptForEditor.length > 0 ? ` (kept for editor: ${change.keptForEditor.join(', ')})` : '';
    return `  ${change.action.padEnd(9)} ${change.type.padEnd(16)} ${change.key}${fields}${kept}`;
  });
}

/**
 * Printed text the page's articles did not take, with its lines, so an editor can place it by
 * hand (it is also kept on the page's record in the admin).
 */
export function unassignedLines(report: FileReport): string[] {
  return report.unassigned.flatMap(({ lines, text, reason }) => [
    `  lines ${lines.first}-${lines.last} belong to no article (${reason}):`,
    ...text.split('\n').map((line) => `    | ${line}`),
  ]);
}

/** What an editor's change protected in one file, so nobody wonders why an improvement did not land. */
export function keptLines(report: FileReport): string[] {
  return report.changes
    .filter((change) => change.keptForEditor.length > 0)
    .map((change) => `  ${change.type} ${change.key}: ${change.keptForEditor.join(', ')}`);
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\u1100-\uFFFF]/u.test(char) ? 2 : 1), 0);
}

function pad(text: string, size: number, alignRight = false): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return alignRight ? fill + text : text + fill;
}

export function summaryTable(report: ImportReport): string {
  const header = ['type', ...COLUMNS.map(([, title]) => title)];
  const rows = Object.entries(report.totals).map(([type, counts]) => [type, ...COLUMNS.map(([key]) => String(counts[key]))]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => width(row[column]))));
  const line = (row: string[]) => row.map((cell, column) => pad(cell, widths[column], column > 0)).join('  ');
  const rule = widths.map((size) => '-'.repeat(size)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
