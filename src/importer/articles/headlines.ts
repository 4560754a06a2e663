import type { PageLine } from '../layout/lines';
import { removeLayoutWhitespace } from '../layout/paragraphs';
import { isContinuationLine } from './continuation';

/**
 * OCR reads the page column by column, so a headline lands wherever its box was scanned: before
 * its article, or after it. Headlines are recognised by shape, and attached by content.
 */
export interface Headline {
  title: string;
  subtitle: string | null;
  lines: { first: number; last: number };
}

export const MAX_HEADLINE_LINES = 2;
const MAX_HEADLINE_LINE_LENGTH = 40;
const SENTENCE_PUNCTUATION = /[，。；：！？、]/;
const DECK_DASHES = /^[—－-]+/;

export function looksLikeHeadlineLine(text: string): boolean {
  const compact = removeLayoutWhitespace(text.trim());
  return (
    compact.length > 0 &&
    compact.length <= MAX_HEADLINE_LINE_LENGTH &&
    !SENTENCE_PUNCTUATION.test(compact) &&
    !isContinuationLine(text)
  );
}

/** One or two short lines without sentence punctuation, quotes and spaces allowed. */
export function isHeadlineShaped(lines: readonly PageLine[]): boolean {
  return lines.length <= MAX_HEADLINE_LINES && lines.every((line) => looksLikeHeadlineLine(line.text));
}

const HAN_SPACE_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const SEPARATOR_MARK = '\u0000';

/**
 * A headline's two parts are printed apart (`老人迷路 民警护送回家`): a space between Chinese words
 * is kept as one space. Spaces beside digits or at the ends are OCR layout, as in body text.
 */
export function headlineText(text: string): string {
  return removeLayoutWhitespace(text.trim().replace(HAN_SPACE_HAN, SEPARATOR_MARK)).replaceAll(SEPARATOR_MARK, ' ');
}

/** The second line of a two-line headline is the deck, often indented or led by a dash. */
export function toHeadline(lines: readonly PageLine[]): Headline {
  const [title, subtitle] = lines.map((line) => headlineText(line.text));
  const deck = subtitle?.replace(DECK_DASHES, '').trim();
  return {
    title,
    subtitle: deck ? deck : null,
    lines: { first: lines[0].number, last: lines[lines.length - 1].number },
  };
}

const MIN_GRAM = 2;
const MAX_GRAM = 4;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
/**
 * A headline sums up the lead; comparing it with the first stretch of the article is enough, and
 * keeps matching linear however long the page.
 */
export const MATCH_TEXT_LENGTH = 1000;

function headlineGrams(headline: Headline): Set<string> {
  const grams = new Set<string>();
  const runs = [headline.title, headline.subtitle ?? ''].flatMap((text) => text.match(WORD_RUN) ?? []);
  for (const run of runs) {
    const chars = Array.from(run);
    for (let size = MIN_GRAM; size <= MAX_GRAM; size += 1) {
      for (let start = 0; start + size <= chars.length; start += 1) grams.add(chars.slice(start, start + size).join(''));
    }
  }
  return grams;
}

/**
 * Share of the headline's phrases (character 2- to 4-grams, longer ones weighing more) that occur
 * in the article. Counting presence, not occurrences, keeps the score in [0, 1] so a long article
 * does not win merely by repeating common words.
 */
export function headlineMatchScore(headline: Headline, articleText: string): number {
  const text = articleText.slice(0, MATCH_TEXT_LENGTH);
  let total = 0;
  let shared = 0;
  for (const gram of headlineGrams(headline)) {
    const weight = Array.from(gram).length;
    total += weight;
    if (text.includes(gram)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}
