import { removeLayoutWhitespace } from '../layout/paragraphs';
import { datelineVocab, leadVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * Where and when, as the lead prints it: a month and day (`1月28日`, with the year if printed) or a
 * day word (`昨日`, `日前`). A relative day word may follow the subject (`市长甲某日前会见…`), so
 * it is looked for in the whole first sentence; a month and day anywhere in the first paragraph.
 */

const DAY_WORDS = alternation([...Object.keys(datelineVocab.relativeDays), ...datelineVocab.vague]);
const MONTH_DAY = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const DAY_WORD = new RegExp(DAY_WORDS, 'u');
const SENTENCE_END = /[。！？!?]/u;

/** A lead that opens with its dateline: `3月24日，`, `昨日上午，`, `近日，`. */
export const DATELINE_START = new RegExp(
  `(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日|(?:${DAY_WORDS})(?=[，,\\s]|${alternation(leadVocab.timeWords)}|起)`,
  'u',
);
const OPENS_WITH_DATELINE = new RegExp(`^(?:${DATELINE_START.source})`, 'u');

export function opensWithDateline(text: string): boolean {
  return OPENS_WITH_DATELINE.test(removeLayoutWhitespace(text.trimStart()));
}

export function findDateline(firstParagraph: string): string | null {
  const monthDay = MONTH_DAY.exec(firstParagraph);
  const sentenceEnd = firstParagraph.search(SENTENCE_END);
  const firstSentence = sentenceEnd < 0 ? firstParagraph : firstParagraph.slice(0, sentenceEnd);
  const dayWord = DAY_WORD.exec(firstSentence);
  if (dayWord && (!monthDay || dayWord.index < monthDay.index)) return dayWord[0];
  if (!monthDay) return null;
  const [, year, month, day] = monthDay;
  return `${year ? `${year}年` : ''}${month}月${day}日`;
}
