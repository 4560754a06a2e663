import type { PageLine } from '../layout/lines';
import { compactPrinted, removeLayoutWhitespace } from '../layout/paragraphs';
import { isContinuationLine } from './continuation';

/**
 * OCR reads the page column by column, so a headline lands wherever its box was scanned: before
 * its article, or after it. Headlines are recognised by shape, and attached by content. A headline
 * is printed in up to three parts: a kicker (引题) above the main title (主题), a deck (副题) under it.
 */
export interface Headline {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  lines: { first: number; last: number };
  /** The parts as the rules read them (layout/normalize.ts), one per line: what matching compares. */
  matching: string[];
}

export const MAX_HEADLINE_LINES = 3;
const MAX_HEADLINE_LINE_LENGTH = 40;
/** Marks that end or split sentences: no headline holds one. */
const SENTENCE_PUNCTUATION = /[。；！？]/u;
/** Marks a headline may hold (`长沙：某某`, `甲、乙同步开工`, a title printed with commas), which a short paragraph holds too. */
const CLAUSE_PUNCTUATION = /[，、：]/u;
const DECK_DASHES = /^[—－-]+/;

/** `clean`: a headline's shape; `punctuated`: a headline's shape with commas, which a scrap of text has too. */
export type HeadlineShape = 'clean' | 'punctuated';

function lineShape(text: string): HeadlineShape | null {
  const compact = removeLayoutWhitespace(text.trim());
  if (compact.length === 0 || compact.length > MAX_HEADLINE_LINE_LENGTH) return null;
  if (SENTENCE_PUNCTUATION.test(compact) || CLAUSE_PUNCTUATION.test(compact.at(-1)!) || isContinuationLine(text)) return null;
  return CLAUSE_PUNCTUATION.test(compact) ? 'punctuated' : 'clean';
}

export function looksLikeHeadlineLine(text: string): boolean {
  return lineShape(text) === 'clean';
}

/** Up to three short lines without sentence punctuation, quotes and spaces allowed. */
export function headlineShape(lines: readonly PageLine[]): HeadlineShape | null {
  if (lines.length === 0 || lines.length > MAX_HEADLINE_LINES) return null;
  const shapes = lines.map((line) => lineShape(line.text));
  if (shapes.some((shape) => shape === null)) return null;
  return shapes.includes('punctuated') ? 'punctuated' : 'clean';
}

export function isHeadlineShaped(lines: readonly PageLine[]): boolean {
  return headlineShape(lines) !== null;
}

/**
 * A headline's parts are printed apart (`老人迷路 民警护送回家`): a space between Chinese words is
 * kept as one space. Spaces beside digits or at the ends are OCR layout, as in body text.
 */
export function headlineText(text: string): string {
  return compactPrinted({ text: text.trim(), printed: text.trim() }, true).text;
}

function printedHeadline(line: PageLine): string {
  const indent = line.text.length - line.text.trimStart().length;
  const end = line.text.trimEnd().length;
  const part = compactPrinted({ text: line.text.slice(indent, end), printed: line.raw.slice(indent, end) }, true);
  const dashes = DECK_DASHES.exec(part.text)?.[0].length ?? 0;
  return part.printed.slice(dashes).trim();
}

/**
 * One line is the title; two are title and deck (the second often indented or led by a dash);
 * three are kicker, title and deck. As printed.
 */
export function toHeadline(lines: readonly PageLine[]): Headline {
  const parts = lines.map(printedHeadline);
  const [kicker, title, subtitle] = parts.length === 3 ? parts : [null, parts[0]!, parts[1] ?? null];
  return {
    kicker: kicker || null,
    title: title!,
    subtitle: subtitle || null,
    lines: { first: lines[0]!.number, last: lines[lines.length - 1]!.number },
    matching: lines.map((line) => headlineText(line.text)),
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
  const runs = headline.matching.flatMap((text) => text.match(WORD_RUN) ?? []);
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
