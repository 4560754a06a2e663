import { normalizeText } from './normalize';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * The text normalized as the index sees it, with, for each normalized code unit, the range of
 * the original it came from: hits found in normalized text are marked in the text as printed
 * (`５Ｇ` is found by `5G` and shown as `<mark>５Ｇ</mark>`).
 */
function normalizedWithOrigins(text: string): { normalized: string; start: number[]; end: number[] } {
  let normalized = '';
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = normalizeText(char);
    for (let i = 0; i < folded.length; i++) {
      start.push(offset);
      end.push(offset + char.length);
    }
    normalized += folded;
    offset += char.length;
  }
  return { normalized, start, end };
}

/** Ranges of the original text where a run occurs, merged and in order. */
function hitRanges(text: string, runs: string[]): Array<[number, number]> {
  const { normalized, start, end } = normalizedWithOrigins(text);
  const ranges: Array<[number, number]> = [];
  for (const run of runs) {
    for (let at = normalized.indexOf(run); at !== -1; at = normalized.indexOf(run, at + run.length)) {
      ranges.push([start[at], end[at + run.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function marked(text: string, ranges: Array<[number, number]>, from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const markFrom = Math.max(start, from);
    const markTo = Math.min(end, to);
    html += escapeHtml(text.slice(at, markFrom)) + '<mark>' + escapeHtml(text.slice(markFrom, markTo)) + '</mark>';
    at = markTo;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text, HTML-escaped, with every hit in <mark>. */
export function highlightAll(text: string, runs: string[]): string {
  return marked(text, hitRanges(text, runs), 0, text.length);
}

/**
 * About `length` characters of the text around its first hit (its start when nothing matches),
 * HTML-escaped, hits in <mark>, an ellipsis where text was cut.
 */
export function snippet(text: string, runs: string[], length = 120): string {
  const ranges = hitRanges(text, runs);
  const first = ranges[0]?.[0] ?? 0;
  const from = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
  const to = Math.min(text.length, from + length);
  const oneLine = (html: string) => html.replace(/\n/g, ' ');
  return (from > 0 ? '…' : '') + oneLine(marked(text, ranges, from, to)) + (to < text.length ? '…' : '');
}
