import { removeLayoutWhitespace } from '../layout/paragraphs';
import { bylineVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';
import { parseCredit, type ParsedCredit } from './credits';
import { DATELINE_START } from './dateline';

/**
 * How an article opens: a source tag with the credit in brackets (`本报讯（某某晚报记者 张三 李四）`)
 * or a source tag alone before the lead (`本报经开区讯 昨日，……`), its credit printed on a line
 * of its own above it.
 */
export interface Byline {
  sourceTag: string;
  credit: ParsedCredit;
  /** Lines the byline occupies, counted from the line it starts on. */
  lineCount: number;
  /** Body text printed after the closing bracket on the byline's last line. */
  rest: string;
}

/** A broken byline rarely spans more than three lines; looking further only invites false matches. */
export const MAX_BYLINE_LINES = 4;

const OPENING_BRACKET = /[（(]/u;
const CLOSING_BRACKET = /[）)]/;
const tags = [alternation(bylineVocab.sourceTags), ...bylineVocab.sourceTagPatterns.map((source) => `(?:${source})`)].join('|');
const TAG = new RegExp(`^(?:${tags})$`, 'u');
// Without brackets, the tag must be followed by a space or the dateline: `据新华社报道` is prose.
const TAG_ALONE = new RegExp(`^\\s*(${tags})(?:\\s+|(?=\\s*(?:${DATELINE_START.source})))`, 'u');

/**
 * Parses a bracketed byline starting at the first of `lines` (normalized line texts), or returns
 * null. Lines are joined as printed, spaces kept, until the closing bracket is found.
 */
export function parseByline(lines: readonly string[]): Byline | null {
  // A tag is a few characters: its bracket opens within two lines, and most lines have none.
  if (!OPENING_BRACKET.test(lines[0] ?? '') && !OPENING_BRACKET.test(lines[1] ?? '')) return null;
  let joined = '';
  for (let count = 1; count <= Math.min(MAX_BYLINE_LINES, lines.length); count += 1) {
    joined += lines[count - 1];
    const open = joined.search(OPENING_BRACKET);
    if (open < 0) continue;
    // OCR may space out a tag (`新华社北京 8月15日电`); what stands before the bracket must be one.
    const sourceTag = joined.slice(0, open).replace(/\s+/gu, '');
    if (!TAG.test(sourceTag)) return null;
    const afterOpening = joined.slice(open + 1);
    const close = afterOpening.search(CLOSING_BRACKET);
    if (close < 0) continue;
    return {
      sourceTag,
      credit: parseCredit(afterOpening.slice(0, close)),
      lineCount: count,
      rest: afterOpening.slice(close + 1),
    };
  }
  return null;
}

/** `本报经开区讯 前日，……`: a source tag opening the lead without brackets; the rest is body text. */
export function parseSourceTag(text: string): { sourceTag: string; rest: string } | null {
  const match = TAG_ALONE.exec(text);
  if (!match) return null;
  return { sourceTag: removeLayoutWhitespace(match[1]), rest: text.slice(match[0].length) };
}
