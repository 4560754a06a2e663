import { continuationVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * `更多报道请继续阅读A04版`, `（下转A04版）`: the article goes on on another page. `上接A01版`
 * says where it came from. Either way the pointer is page furniture, not body text.
 */
export interface Continuation {
  direction: 'continuedOn' | 'continuedFrom';
  /** Page code such as `A04`. */
  page: string;
  /** Body text printed before a pointer that closes a line; empty for a pointer on its own line. */
  remainder: string;
  /** Body text printed after a pointer that opens a line (`（上接一版）徐某表示，`). */
  following: string;
}

const verbs = alternation([...continuationVocab.continuedOnVerbs, ...continuationVocab.continuedFromVerbs]);
// A page may carry a circled number for its several jumps (`上接一版②`).
const pointer = `(${verbs})\\s*第?\\s*([A-Z]{0,2}\\s*\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*版[①-⑳]?`;
const WHOLE_LINE = new RegExp(`^\\s*[（(]?\\s*${pointer}\\s*[）)]?\\s*$`, 'u');
// Only a bracketed pointer may share a line with body text; unbracketed, `转…版` could be prose.
const LINE_ENDING = new RegExp(`[（(]\\s*${pointer}\\s*[）)]\\s*$`, 'u');
const LINE_OPENING = new RegExp(`^\\s*[（(]\\s*${pointer}\\s*[）)]`, 'u');

const CHINESE_DIGITS = '一二三四五六七八九';

/** 第三版 → 3, 第十二版 → 12: pages numbered in words are recorded like pages numbered in digits. */
export function pageNumber(words: string): string {
  if (!/^[一二三四五六七八九十]+$/u.test(words)) return words;
  const ten = words.indexOf('十');
  if (ten < 0) return String(CHINESE_DIGITS.indexOf(words) + 1);
  const tens = ten === 0 ? 1 : CHINESE_DIGITS.indexOf(words[0]) + 1;
  const units = ten === words.length - 1 ? 0 : CHINESE_DIGITS.indexOf(words[ten + 1]) + 1;
  return String(tens * 10 + units);
}

function toContinuation(match: RegExpExecArray, remainder: string, following = ''): Continuation {
  const [, verb, page] = match;
  return {
    direction: continuationVocab.continuedFromVerbs.includes(verb!) ? 'continuedFrom' : 'continuedOn',
    page: pageNumber(page!.replace(/\s+/g, '')),
    remainder,
    following,
  };
}

/** Reads a continuation pointer from a normalized line, or returns null. */
export function parseContinuation(text: string): Continuation | null {
  const whole = WHOLE_LINE.exec(text);
  if (whole) return toContinuation(whole, '');
  const ending = LINE_ENDING.exec(text);
  if (ending) return toContinuation(ending, text.slice(0, ending.index));
  const opening = LINE_OPENING.exec(text);
  if (opening) return toContinuation(opening, '', text.slice(opening[0].length));
  return null;
}

export function isContinuationLine(text: string): boolean {
  return WHOLE_LINE.test(text);
}
