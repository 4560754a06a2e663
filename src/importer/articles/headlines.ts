import { firstLineOf, lastLineOf, type Block } from '../layout/blocks';
import { endsSentence, removeLayoutWhitespace } from '../layout/paragraphs';
import { parseByline } from './byline';
import { isContinuationLine, parseContinuation } from './continuation';

/**
 * OCR reads the page column by column, so a headline lands wherever its box was scanned: before
 * its article, or after it. Headlines are recognised by shape, and attached by content.
 */
export interface Headline {
  title: string;
  subtitle: string | null;
  lines: { first: number; last: number };
}

const MAX_HEADLINE_LINES = 2;
const MAX_HEADLINE_LINE_LENGTH = 40;
const SENTENCE_PUNCTUATION = /[，。；：！？、]/;
const DECK_DASHES = /^[—－-]+/;

function looksLikeHeadlineLine(text: string): boolean {
  const compact = removeLayoutWhitespace(text.trim());
  return (
    compact.length > 0 &&
    compact.length <= MAX_HEADLINE_LINE_LENGTH &&
    !SENTENCE_PUNCTUATION.test(compact) &&
    !isContinuationLine(text)
  );
}

export function isHeadlineBlock(block: Block): boolean {
  const texts = block.lines.map((line) => line.text);
  return (
    texts.length <= MAX_HEADLINE_LINES &&
    texts.every(looksLikeHeadlineLine) &&
    texts.every((_, index) => parseByline(texts.slice(index)) === null)
  );
}

/** The second line of a two-line headline is the deck, often indented or led by a dash. */
export function toHeadline(block: Block): Headline {
  const [title, subtitle] = block.lines.map((line) => removeLayoutWhitespace(line.text.trim()));
  const deck = subtitle?.replace(DECK_DASHES, '').trim();
  return {
    title,
    subtitle: deck ? deck : null,
    lines: { first: firstLineOf(block), last: lastLineOf(block) },
  };
}

/**
 * Whether the text before a block is finished: its sentence ended, or a pointer sends the reader
 * to another page (an article continued elsewhere often breaks off mid-sentence).
 */
function textIsClosed(blocks: readonly Block[]): boolean {
  const lines = blocks.flatMap((block) => block.lines);
  for (const line of lines.reverse()) {
    const continuation = parseContinuation(line.text);
    if (continuation?.direction === 'continuedOn') return true;
    const text = continuation === null ? line.text : continuation.remainder;
    if (text.trim() !== '') return endsSentence(text);
  }
  return true;
}

/**
 * Splits headline blocks off the end of a run of blocks. They only count as headlines where the
 * text before them is finished; otherwise a short unpunctuated block is the rest of that sentence
 * after a column break.
 */
export function takeTrailingHeadlines(blocks: readonly Block[]): { body: Block[]; headlines: Block[] } {
  let start = blocks.length;
  while (start > 0 && isHeadlineBlock(blocks[start - 1])) start -= 1;
  const body = blocks.slice(0, start);
  if (!textIsClosed(body)) return { body: [...blocks], headlines: [] };
  return { body, headlines: blocks.slice(start) };
}

const MIN_GRAM = 2;
// Real headlines share far more with their article; below this, the shared bits are chance
// (a date, a common word), as with a page header such as `A03 要闻 2023年1月29日`.
const MIN_MATCH_SCORE = 0.1;
const MAX_GRAM = 4;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

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
  let total = 0;
  let shared = 0;
  for (const gram of headlineGrams(headline)) {
    const weight = Array.from(gram).length;
    total += weight;
    if (articleText.includes(gram)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}

/** A headline found between articles, with the indexes of the articles on either side. */
export interface FloatingHeadline {
  headline: Headline;
  before: number | null;
  after: number | null;
}

export interface HeadlineAssignment {
  byArticle: Map<number, Headline>;
  unassigned: Headline[];
}

/**
 * Best matches first; each article takes at most one headline, so the loser of a contest falls
 * back to its other neighbour. Equal scores go to the following article, the conventional layout.
 * A headline sharing next to nothing with either neighbour is left unassigned rather than guessed.
 */
export function assignHeadlines(floating: readonly FloatingHeadline[], articleTexts: readonly string[]): HeadlineAssignment {
  const candidates = floating.flatMap((entry, headlineIndex) =>
    (
      [
        [entry.after, true],
        [entry.before, false],
      ] as const
    )
      .filter((pair): pair is readonly [number, boolean] => pair[0] !== null)
      .map(([article, following]) => ({
        headlineIndex,
        article,
        following,
        score: headlineMatchScore(entry.headline, articleTexts[article]),
      })),
  );
  candidates.sort(
    (a, b) => b.score - a.score || Number(b.following) - Number(a.following) || a.headlineIndex - b.headlineIndex,
  );

  const byArticle = new Map<number, Headline>();
  const placed = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.score < MIN_MATCH_SCORE || placed.has(candidate.headlineIndex) || byArticle.has(candidate.article)) continue;
    byArticle.set(candidate.article, floating[candidate.headlineIndex].headline);
    placed.add(candidate.headlineIndex);
  }
  const unassigned = floating.filter((_, index) => !placed.has(index)).map((entry) => entry.headline);
  return { byArticle, unassigned };
}
