import { leadVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * An article printed without a headline gets one derived from its lead: the first sentence,
 * minus the when (`1月28日`, `春节后上班第一天`) and the who-told-us (`记者从…获悉`), which a
 * headline never carries.
 */

const SENTENCE_END = /[。！？!?]/;
const CLAUSE_SEPARATORS = new Set(['，', '；', '：', ',', ';']);
const ENUMERATION_SEPARATORS = new Set(['、']);
const OPENERS = new Set(['（', '(', '“', '‘', '《', '「', '『', '【', '[']);
const CLOSERS = new Set(['）', ')', '”', '’', '》', '」', '』', '】', ']']);

const TIME_WORDS = alternation(leadVocab.timeWords);
// A time word is only stripped after a date: on its own at the start it may begin a name.
const LEADING_DATE_AND_TIME = new RegExp(`^(?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}日(?:${TIME_WORDS})?`, 'u');
const TRAILING_TIME_WORD = new RegExp(`(?:${TIME_WORDS})$`, 'u');
const ATTRIBUTIONS = leadVocab.attributionClauses.map((source) => new RegExp(source, 'u'));
const BREAK_WORD = new RegExp(alternation(leadVocab.titleBreakWords), 'gu');

export function firstSentence(paragraph: string): string {
  const end = paragraph.search(SENTENCE_END);
  return end < 0 ? paragraph : paragraph.slice(0, end);
}

/** Offsets of separator characters outside brackets and quotes, which keep `（市）区` whole. */
function topLevelOffsets(text: string, separators: ReadonlySet<string>): number[] {
  const offsets: number[] = [];
  let depth = 0;
  for (let offset = 0; offset < text.length; offset += 1) {
    const char = text[offset];
    if (OPENERS.has(char)) depth += 1;
    else if (CLOSERS.has(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(char)) offsets.push(offset);
  }
  return offsets;
}

export function splitClauses(sentence: string): string[] {
  const clauses: string[] = [];
  let start = 0;
  for (const offset of [...topLevelOffsets(sentence, CLAUSE_SEPARATORS), sentence.length]) {
    clauses.push(sentence.slice(start, offset));
    start = offset + 1;
  }
  return clauses.filter((clause) => clause !== '');
}

function isAttribution(clause: string): boolean {
  return ATTRIBUTIONS.some((pattern) => pattern.test(clause));
}

/** Removes an opening date (and a time word after it); returns '' when the clause said nothing but when. */
export function stripTimeClause(clause: string): string {
  if (clause.length <= leadVocab.maxTimeClauseLength && TRAILING_TIME_WORD.test(clause)) return '';
  return clause.replace(LEADING_DATE_AND_TIME, '');
}

/** Longest prefix ending at one of `offsets` (exclusive) that fits, or null. */
function cutAt(text: string, offsets: readonly number[], maxLength: number): string | null {
  const fitting = offsets.filter((offset) => offset > 0 && offset <= maxLength);
  return fitting.length > 0 ? text.slice(0, fitting[fitting.length - 1]) : null;
}

/** Shortens one long clause at an enumeration comma, else before a conjunction, else hard. */
function shortenClause(clause: string, maxLength: number): string {
  if (clause.length <= maxLength) return clause;
  const breakWords = [...clause.matchAll(BREAK_WORD)].map((match) => match.index ?? 0);
  return (
    cutAt(clause, topLevelOffsets(clause, ENUMERATION_SEPARATORS), maxLength) ??
    cutAt(clause, breakWords, maxLength) ??
    clause.slice(0, maxLength)
  );
}

/** Joins clauses with `，` for as long as the title stays within the limit. */
function fitClauses(clauses: readonly string[], maxLength: number): string {
  let title = shortenClause(clauses[0], maxLength);
  for (const clause of clauses.slice(1)) {
    const longer = `${title}，${clause}`;
    if (longer.length > maxLength) break;
    title = longer;
  }
  return title;
}

export function deriveTitle(firstParagraph: string, maxLength: number = leadVocab.maxTitleLength): string {
  const sentence = firstSentence(firstParagraph);
  const clauses = splitClauses(sentence)
    .map(stripTimeClause)
    .filter((clause) => clause !== '' && !isAttribution(clause));
  return fitClauses(clauses.length > 0 ? clauses : [sentence || firstParagraph], maxLength);
}
