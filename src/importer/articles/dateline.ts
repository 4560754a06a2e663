import { removeLayoutWhitespace } from '../layout/paragraphs';
import { datelineVocab, leadVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * When, as the lead prints it: a month and day (`1月28日`, `1月9号`, with the year if printed, a range
 * `7月11日至13日`), a day alone (`22日`, as wire stories and local briefs print it), a lunar date
 * (`正月初九`) or a day word (`昨日`), the first of them anywhere in the first paragraph: a lead may
 * open with a slogan or its subject (`市长甲某昨日会见…`). The time of day after it (`上午`, `晚`) is
 * not part of it. A vague word (`日前`, `近日`) in the first sentence, printed first, dates nothing.
 */

const DAY_WORDS = alternation(Object.keys(datelineVocab.relativeDays));
const VAGUE_WORDS = alternation(datelineVocab.vague);
const DAY = '(?:日|号)';
const MONTH_DAY = `(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*${DAY}(?:\\s*(?:至|到|—|-|－|~|～)\\s*(?:\\d{1,2}\\s*月\\s*)?\\d{1,2}\\s*${DAY})?`;
/** A day without its month: not a count (`7日内`), not the end of a longer number or date. */
const DAY_ONLY = `(?<![\\d月.])\\d{1,2}\\s*日(?![内以])`;
const CHINESE_DAY = '(?:初[一二三四五六七八九十]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])';
const LUNAR = `(?:正|腊|冬|[一二三四五六七八九十]|十[一二])月${CHINESE_DAY}|大年${CHINESE_DAY}|除夕`;
const DATE = new RegExp(`${MONTH_DAY}|${LUNAR}|${DAY_ONLY}`, 'u');
const DAY_WORD = new RegExp(DAY_WORDS, 'u');
const VAGUE_WORD = new RegExp(VAGUE_WORDS, 'u');
const SENTENCE_END = /[。！？]/u;
const VAGUE = new RegExp(`^(?:${VAGUE_WORDS})$`, 'u');

/** A lead that opens with its dateline: `3月24日，`, `昨日上午，`, `近日，`. */
export const DATELINE_START = new RegExp(
  `(?:\\d{4}年)?\\d{1,2}月\\d{1,2}${DAY}|(?:${DAY_WORDS}|${VAGUE_WORDS})(?=[，,\\s]|${alternation(leadVocab.timeWords)}|起)`,
  'u',
);
const OPENS_WITH_DATELINE = new RegExp(`^(?:${DATELINE_START.source})`, 'u');

export function opensWithDateline(text: string): boolean {
  return OPENS_WITH_DATELINE.test(removeLayoutWhitespace(text.trimStart()));
}

/**
 * The first date of the lead as printed, OCR spaces removed; null where the lead prints none or
 * its first is a vague word (`printsNoDate` tells the two apart).
 */
export function findDateline(firstParagraph: string): string | null {
  const found = firstDate(firstParagraph);
  return found === null || VAGUE.test(found) ? null : found;
}

/** Whether the lead prints no date at all, not even a vague one: then a dispatch's date is the dateline. */
export function printsNoDate(firstParagraph: string): boolean {
  return firstDate(firstParagraph) === null;
}

function firstDate(firstParagraph: string): string | null {
  const sentenceEnd = firstParagraph.search(SENTENCE_END);
  const firstSentence = sentenceEnd < 0 ? firstParagraph : firstParagraph.slice(0, sentenceEnd);
  // A vague word dates the lead only in its first sentence: later (`通报了近期安全生产形势`) it
  // qualifies something else.
  const candidates = [DATE.exec(firstParagraph), DAY_WORD.exec(firstParagraph), VAGUE_WORD.exec(firstSentence)];
  const first = candidates.reduce<RegExpExecArray | null>(
    (best, match) => (match !== null && (best === null || match.index < best.index) ? match : best),
    null,
  );
  return first === null ? null : removeLayoutWhitespace(first[0]);
}
