import { entityVocab, type TitleCore } from '../vocab/entity-vocab';
import { alternation } from '../vocab/words';
import { isHan, wordEndingText } from './text';

/**
 * Titles are read backwards from the name they precede. The end of a title is vocabulary: an
 * organ and its post (委 + 副书记, 厅 + 副厅长, 管委会 + 主任) or a level before 长 (代 + 市 + 长).
 * What is printed before that end is kept as printed and is judged by its shape, not looked up:
 * a place is any run of characters ending in a place suffix (洛阳市, 郑州航空港经济综合实验区,
 * 德国杜伊斯堡市), a department any name after a level or place (省 + 科技 + 厅). The run stops at
 * punctuation, at a verb or time word (会见, 日前) and at the title before it.
 */

const vocab = entityVocab.titles;

/** Title cores by their last two characters: a title ends where a name starts, so lookup is by what precedes it. */
const coresByEnding = vocab.cores.reduce((groups, core) => {
  const ending = core.text.slice(-2);
  return groups.set(ending, [...(groups.get(ending) ?? []), core]);
}, new Map<string, TitleCore[]>());

const stopsByLastChar = vocab.prefixStops.reduce((groups, stop) => {
  const last = stop.at(-1)!;
  return groups.set(last, [...(groups.get(last) ?? []), stop]);
}, new Map<string, string[]>());

/** A place at the start of a run: the shortest stretch of characters ending in a place suffix. */
const PLACE_AT_START = new RegExp(`^\\p{Script=Han}{1,12}?(?:${alternation(vocab.placeSuffixes)})`, 'u');
/** A national ministry's short name opening the words before a title (`商务部`, `审计署`). */
const NATIONAL_BODY_AT_START = new RegExp(`^\\p{Script=Han}{1,4}?(?:${alternation(vocab.nationalOrgans)})`, 'u');
/** A place name without its suffix, the suffix being the level of the title after it: 洛阳 + 市长. */
const MAX_BARE_PLACE_LENGTH = 4;

export interface TitleMatch {
  title: string;
  start: number;
}

/** The longest title core that ends exactly at `end`. */
function coreEndingAt(text: string, end: number): TitleCore | null {
  if (end < 2) return null;
  return coresByEnding.get(text.slice(end - 2, end))?.find((core) => text.startsWith(core.text, end - core.text.length)) ?? null;
}

function stopEndingAt(text: string, end: number): boolean {
  return stopsByLastChar.get(text[end - 1] ?? '')?.some((stop) => text.startsWith(stop, end - stop.length)) ?? false;
}

/** A place's other name in brackets (`某某新区（某某高新区）`) is part of the words before a title. */
const MAX_BRACKETED_LENGTH = 12;

/** Where a bracketed stretch closing right before `end` opens, or -1. */
function bracketOpening(text: string, end: number, floor: number): number {
  if (text[end - 1] !== '）') return -1;
  const open = text.lastIndexOf('（', end - 2);
  return open >= floor && end - open <= MAX_BRACKETED_LENGTH && !text.slice(open + 1, end - 1).includes('）') ? open : -1;
}

/** Where the words before a title core begin: back over Han characters until a stop. */
function scanPrefix(text: string, coreStart: number, floor: number): number {
  let start = coreStart;
  for (;;) {
    if (start <= floor || coreStart - start >= vocab.maxPrefixLength) break;
    const bracket = bracketOpening(text, start, floor);
    if (bracket >= 0 && isHan(text[bracket - 1])) {
      start = bracket;
      continue;
    }
    if (!isHan(text[start - 1]) || vocab.prefixStopCharacters.has(text[start - 1]!) || stopEndingAt(text, start)) break;
    if (coreEndingAt(text, start) !== null) break;
    start -= 1;
  }
  while (start < coreStart && vocab.conjunctions.has(text[start]!)) start += 1;
  return start;
}

const endsWithAny = (text: string, words: readonly string[]): boolean => wordEndingText(text, words) !== null;
/**
 * A conjunction joins two people or titles only after a word of two characters or more: one after a
 * single character is inside a name (`呼和浩特`).
 */
const joinsAt = (text: string, index: number, start: number): boolean => vocab.conjunctions.has(text[index]!) && index - start >= 2;
const hasConjunction = (text: string): boolean => [...text].some((_, index) => joinsAt(text, index, 0));

/** Only a department's name may hold a conjunction (住房和城乡建设厅); elsewhere it joins two people. */
function afterLastConjunction(text: string, start: number, end: number): number {
  let after = start;
  for (let index = start; index < end; index += 1) if (joinsAt(text, index, after)) after = index + 1;
  return after;
}

/** 洛阳市…, 省…: a department's name starts with its place or level; a place holds no conjunction. */
function startsWithPlaceOrLevel(printedPrefix: string): boolean {
  const prefix = withoutBrackets(printedPrefix);
  if (vocab.levels.has(prefix[0] ?? '')) return true;
  const place = PLACE_AT_START.exec(prefix);
  return place !== null && !hasConjunction(place[0]);
}

/** A place's other name printed in brackets after it is judged by the place before it. */
const withoutBrackets = (prefix: string): string => prefix.replace(/（[^（）]*）/gu, '');

function isPlaceOrOrgan(printedPrefix: string): boolean {
  const prefix = withoutBrackets(printedPrefix);
  return endsWithAny(prefix, vocab.placeSuffixes) || vocab.levels.has(prefix.at(-1) ?? '') || endsWithAny(prefix, vocab.organs);
}

/** 某某县人民政府, 县政府: a place or a bare level, then the organ whose head the post is. */
function isPlaceWithOrgan(prefix: string): boolean {
  const organ = wordEndingText(prefix, vocab.organs);
  if (organ === null || organ.length === prefix.length) return false;
  const place = prefix.slice(0, -organ.length);
  return vocab.levels.has(place) || endsWithAny(place, vocab.placeSuffixes);
}

/**
 * Where a title with this core really starts, or null when the words before it show it is no
 * government title (南阳理工学院 + 党委书记 is a university's). `chained`: the title follows another
 * one and a 、, so it may leave out the level it shares with it (市委常委、组织部部长).
 */
function titleStart(text: string, core: TitleCore, prefixStart: number, coreStart: number, chained: boolean): number | null {
  switch (core.kind) {
    case 'associated':
      // 协会会长, 某某中央主席: kept in an official's chain, never a title on its own.
      return chained ? prefixStart : null;
    case 'standalone':
    case 'body': {
      const start = afterLastConjunction(text, prefixStart, coreStart);
      const former = vocab.formerMarkers.find((marker) => text.startsWith(marker, start));
      const prefix = text.slice(start + (former?.length ?? 0), coreStart);
      // A bare level before the organ's owner (省农科院党委) is the state's; a named place before it
      // (某某理工学院党委) is not enough.
      const barePlace = core.afterBarePlace === true && prefix.length <= MAX_BARE_PLACE_LENGTH;
      return prefix === '' || barePlace || isPlaceOrOrgan(prefix) || vocab.levels.has(prefix[0]!) ? start : null;
    }
    case 'head':
      // 洛阳市长, 德国某市市长, 某某县人民政府副县长; of a longer run only the end can be the place:
      // 张某和市长 → 市长.
      for (let start = afterLastConjunction(text, prefixStart, coreStart); start <= coreStart; start += 1) {
        const candidate = text.slice(start, coreStart);
        if (candidate.length <= MAX_BARE_PLACE_LENGTH || endsWithAny(candidate, vocab.placeSuffixes) || isPlaceWithOrgan(candidate)) return start;
      }
      return coreStart;
    case 'department':
      for (let start = prefixStart; start < coreStart; start += 1) {
        if (!vocab.conjunctions.has(text[start]!) && startsWithPlaceOrLevel(text.slice(start, coreStart))) return start;
      }
      // A national ministry is named without a place (`科技部副部长`): its short name alone; so is a
      // department under one (`商务部某某局副局长`).
      if (core.national === true && coreStart - prefixStart <= MAX_BARE_PLACE_LENGTH) return prefixStart;
      if (NATIONAL_BODY_AT_START.test(text.slice(prefixStart, coreStart))) return prefixStart;
      return chained ? prefixStart : null;
  }
}

/** Whether some title could end at `end`: the cheap test before reading names and whole titles. */
export function titleCoreEndsAt(text: string, end: number): boolean {
  return coreEndingAt(text, end) !== null;
}

/** The title that ends exactly at `end` (where a name starts), not reaching back before `floor`. */
export function titleEndingAt(text: string, end: number, floor = 0): TitleMatch | null {
  const core = coreEndingAt(text, end);
  if (core === null || end - core.text.length < floor) return null;
  const coreStart = end - core.text.length;
  const prefixStart = scanPrefix(text, coreStart, floor);
  const chained = text[prefixStart - 1] === '、' && prefixStart - 1 > floor && coreEndingAt(text, prefixStart - 1) !== null;
  const start = titleStart(text, core, prefixStart, coreStart, chained);
  return start === null ? null : { title: text.slice(start, end), start };
}

export interface TitleChain {
  titles: string[];
  start: number;
}

/** Longer than any chain of titles before one name; bounds every backward search. */
const MAX_CHAIN_LENGTH = 60;

/** Titles printed back to back or joined by 、 (省委常委、市委书记) that end at `end`, in printed order. */
export function titleChainEndingAt(text: string, end: number, floor = 0): TitleChain | null {
  const titles: string[] = [];
  const chainFloor = Math.max(floor, end - MAX_CHAIN_LENGTH);
  let position = end;
  for (let match = titleEndingAt(text, position, chainFloor); match !== null; match = titleEndingAt(text, position, chainFloor)) {
    titles.unshift(match.title);
    position = match.start;
    if (text[position - 1] === '、' && titleEndingAt(text, position - 1, floor) !== null) position -= 1;
    else if (coreEndingAt(text, position) === null) break;
  }
  return titles.length > 0 ? { titles, start: position } : null;
}

/** The titles a list item opens with (`副市长` of `副市长张某`), and the rest of the item. */
export function leadingTitles(segment: string): { titles: string[]; body: string } {
  for (let end = Math.min(segment.length, MAX_CHAIN_LENGTH); end > 0; end -= 1) {
    const chain = titleChainEndingAt(segment, end);
    if (chain?.start === 0) return { titles: chain.titles, body: segment.slice(end) };
  }
  return { titles: [], body: segment };
}

/** Whether `text` is nothing but a title chain, e.g. a list segment 市委常委 before 秘书长某某. */
export function isOnlyTitles(text: string): boolean {
  return titleChainEndingAt(text, text.length)?.start === 0;
}
