import { removeLayoutWhitespace } from '../layout/paragraphs';
import { bylineVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';
import { isCompleteCredit, parseCredit, type ParsedCredit } from './credits';
import { DATELINE_START } from './dateline';

/**
 * How an article opens: a source tag (讯头) with the credit in brackets (`本报讯（某某晚报记者 张三）`,
 * `某某日报·某某客户端2月25日讯（记者 …）`), the tag inside the brackets (`（某某新闻网讯 张三）`), a
 * dispatch in brackets (`【本报记者张三某地十日电】`), or a tag alone before the lead (`本报经开区讯
 * 昨日，……`, `本报讯 记者张三报道：……`), its credit then on a line of its own or at the end.
 *
 * A tag is any paper's: outlet, place and date before a tag ending (讯, 电, 消息, 报道). A tag the
 * vocabulary does not list must prove itself: by a credit in brackets that reads as people, or,
 * standing alone, by an outlet word (报, 网, 台) in it.
 */
export interface Byline {
  sourceTag: string | null;
  credit: ParsedCredit;
  /** Lines the byline occupies, counted from the line it starts on. */
  lineCount: number;
  /** Body text printed after the closing bracket on the byline's last line. */
  rest: string;
}

/** A broken byline rarely spans more than three lines; looking further only invites false matches. */
export const MAX_BYLINE_LINES = 4;

const OPENING_BRACKET = /[（【〔]/u;
const BRACKETED_TAG = /^\s*【([^【】]{2,24})】/u;
const CLOSING_BRACKET = /[）】〕]/u;
const knownTags = [alternation(bylineVocab.sourceTags), ...bylineVocab.sourceTagPatterns.map((source) => `(?:${source})`)].join('|');
const KNOWN_TAG = new RegExp(`^(?:${knownTags})$`, 'u');
const ENDINGS = alternation(bylineVocab.sourceTagEndings);
/** Outlet, place and date: name characters and the marks outlets join their parts with (·, -). */
const ANY_TAG = new RegExp(`^(?:据)?[\\p{Script=Han}A-Za-z0-9·\\-－—]{1,24}?(?:${ENDINGS})$`, 'u');
const OUTLET_WORD = new RegExp(alternation(bylineVocab.outletWords), 'u');
/** What may follow a tag standing alone: a space, the dateline or 据 (`据某某消息，`). */
const AFTER_TAG = new RegExp(`^(?:\\s+|(?=\\s*(?:${DATELINE_START.source}|据)))`, 'u');
const MAX_TAG_LENGTH = 30;
const DISPATCH_TITLE = new RegExp(`^\\s*(?:${alternation(bylineVocab.dispatchTitleWords)})[：:]`, 'u');
const REPORT_WORDS = new RegExp(
  alternation(Object.keys(bylineVocab.creditWorks).filter((work) => bylineVocab.creditWorks[work] === 'other')),
  'u',
);
/** `本报讯 记者张三报道：`: a credit between the tag and a colon, no brackets. */
const CREDIT_BEFORE_COLON = /^\s*([^，。；！？：]{2,24}?)\s*：/u;
/** A listed tag ending in 讯 or 电 needs nothing after it: `本报讯春寒料峭，……` (`据新华社报道` is prose). */
const LISTED_TAG_GLUED = new RegExp(
  `^\\s*(${alternation(bylineVocab.sourceTags.filter((tag) => /[讯电]$/u.test(tag)))})(?=\\p{Script=Han})`,
  'u',
);
/** `据《某某日报》报道` between a tag and its credit's brackets. */
const RELAYED_BEFORE_CREDIT = /据[^，。；！？]{1,24}?(?:报道|消息|讯)$/u;
/** `某某网讯 据“某某”消息，`: the outlet the tag's paper took the story from is part of the tag. */
const RELAYED_FROM = /^\s*据[^，。；！？]{1,24}?(?:消息|报道|讯)[，]/u;

/** How much of a tagged article's first paragraph says where the story was relayed from (0 if nothing). */
export function relayedFromLength(firstParagraph: string): number {
  return RELAYED_FROM.exec(firstParagraph)?.[0].length ?? 0;
}

export type TagStrength = 'known' | 'outlet' | 'any';

/** How sure the shape is a source tag; null when it is none. Spaces OCR put inside it are ignored. */
export function sourceTagStrength(candidate: string): TagStrength | null {
  const tag = candidate.replace(/\s+/gu, '');
  if (KNOWN_TAG.test(tag)) return 'known';
  if (!ANY_TAG.test(tag)) return null;
  return OUTLET_WORD.test(tag) ? 'outlet' : 'any';
}

/** `记者甲报道`: a credit that says its people report, as only an article's opening credit does. */
function reports(credit: ParsedCredit): boolean {
  return credit.credits.some(({ printedRole }) => REPORT_WORDS.test(printedRole));
}

function acceptsCredit(strength: TagStrength, credit: ParsedCredit): boolean {
  return strength === 'known' || isCompleteCredit(credit);
}

/** `（某某新闻网讯 张三）` or `【本报记者张三某地十日电】`: what brackets at the start of a line may hold. */
function bracketedOpening(inner: string): { sourceTag: string | null; credit: ParsedCredit } | null {
  const tagged = /^\s*(\S+?(?:讯|电|消息))\s+(.+)$/u.exec(inner);
  if (tagged !== null) {
    const strength = sourceTagStrength(tagged[1]!);
    const credit = parseCredit(tagged[2]!);
    if (strength !== null && strength !== 'any' && isCompleteCredit(credit)) return { sourceTag: tagged[1]!, credit };
  }
  const credit = parseCredit(inner);
  if (credit.dispatch !== null && credit.labelled && isCompleteCredit(credit)) {
    return { sourceTag: removeLayoutWhitespace(inner.trim()), credit };
  }
  // `（记者 甲）“我宣布…`, `（某某日报记者 甲） 5月13日…`: a credit in brackets opening the lead, no tag.
  const roles = credit.credits.filter((person) => person.role === 'reporter' || person.role === 'correspondent');
  if (credit.labelled && isCompleteCredit(credit) && roles.length > 0) return { sourceTag: null, credit };
  return null;
}

/**
 * Parses a bracketed byline starting at the first of `lines` (matching texts of page lines), or
 * returns null. Lines are joined as printed, spaces kept, until the closing bracket is found.
 */
export function parseByline(lines: readonly string[]): Byline | null {
  // A tag is a few characters: its bracket opens within two lines, and most lines have none.
  if (!OPENING_BRACKET.test(lines[0] ?? '') && !OPENING_BRACKET.test(lines[1] ?? '')) return null;
  let joined = '';
  for (let count = 1; count <= Math.min(MAX_BYLINE_LINES, lines.length); count += 1) {
    joined += lines[count - 1];
    // `【某某网讯】（某某网记者 甲）`: a tag set in square brackets before the credit's own.
    const bracketedTag = BRACKETED_TAG.exec(joined);
    if (bracketedTag !== null && sourceTagStrength(bracketedTag[1]!) !== null) {
      const tagged = parseByline([joined.slice(bracketedTag[0].length).replace(/^\s*/u, bracketedTag[1]!), ...lines.slice(count)]);
      if (tagged !== null) return { ...tagged, lineCount: tagged.lineCount + count - 1 };
    }
    const open = joined.search(OPENING_BRACKET);
    if (open < 0) continue;
    const before = joined.slice(0, open).replace(/\s+/gu, '');
    const afterOpening = joined.slice(open + 1);
    const close = afterOpening.search(CLOSING_BRACKET);
    if (before === '') {
      if (close < 0) continue;
      const rest = afterOpening.slice(close + 1);
      const opening = bracketedOpening(afterOpening.slice(0, close));
      // A credit in brackets alone on its line closes the article above; one the lead follows, or one
      // that says it reports (`【某某记者甲报导】`), opens the next.
      if (opening === null || (opening.sourceTag === null && rest.trim() === '' && !reports(opening.credit))) return null;
      return { ...opening, lineCount: count, rest };
    }
    // `某某新闻网4月23日讯 据《某某日报》报道（记者 甲）`: the paper the story was relayed from
    // stands between the tag and the credit.
    const strength = sourceTagStrength(before) ?? sourceTagStrength(before.replace(RELAYED_BEFORE_CREDIT, ''));
    if (strength === null) return null;
    if (close < 0) continue;
    const credit = parseCredit(afterOpening.slice(0, close));
    if (!acceptsCredit(strength, credit)) return null;
    const sourceTag = sourceTagStrength(before) === null ? before.replace(RELAYED_BEFORE_CREDIT, '') : before;
    return {
      sourceTag,
      credit,
      lineCount: count,
      rest: afterOpening.slice(close + 1),
    };
  }
  return null;
}

export interface SourceTag {
  sourceTag: string;
  /** A credit printed after the tag without brackets (`记者张三报道：`), else null. */
  credit: ParsedCredit | null;
  /** Lines the tag and its credit occupy: a credit before its colon may break onto the next line. */
  lineCount: number;
  /** Body text printed after the tag (or its credit) on its last line. */
  rest: string;
}

/**
 * The shortest tag opening the line that something a tag stands before follows (`本报青岛11月11日讯`
 * followed by a space, not `本报青岛` followed by its date), a tag in square brackets (`【某某网讯】`),
 * or a listed tag glued to the lead.
 */
function tagAtStart(text: string): { tag: string; length: number } | null {
  const bracketed = BRACKETED_TAG.exec(text);
  if (bracketed !== null && sourceTagStrength(bracketed[1]!) !== null) {
    return {
      tag: bracketed[1]!,
      length: bracketed[0].length + (/^\s*/u.exec(text.slice(bracketed[0].length))?.[0].length ?? 0),
    };
  }
  const start = text.length - text.trimStart().length;
  for (let end = start + 2; end <= Math.min(text.length, start + MAX_TAG_LENGTH); end += 1) {
    if (/\s/u.test(text[end - 1]!)) break;
    const after = AFTER_TAG.exec(text.slice(end));
    const strength = after ? sourceTagStrength(text.slice(start, end)) : null;
    if (after && strength !== null && strength !== 'any') return { tag: text.slice(start, end), length: end + after[0].length };
  }
  const glued = LISTED_TAG_GLUED.exec(text);
  return glued ? { tag: glued[1]!, length: glued[0].length } : null;
}

/**
 * `某社某地5月1日电 题：……` / `甲、乙`: a wire feature prints its title after the dispatch and its
 * reporters' bare names on a line under it. The title lines are the byline's (the page prints the
 * headline above); the names are its credit.
 */
function titledDispatchCredit(lines: readonly string[], tagLength: number): { credit: ParsedCredit; lineCount: number } | null {
  if (!DISPATCH_TITLE.test(lines[0]!.slice(tagLength))) return null;
  for (let index = 1; index < Math.min(MAX_BYLINE_LINES, lines.length); index += 1) {
    const credit = parseCredit(lines[index]!, { strictNames: true });
    if (isCompleteCredit(credit) && credit.outlet === null) return { credit, lineCount: index + 1 };
  }
  return null;
}

/**
 * `本报经开区讯 前日，……`, `【某某网讯】记者张三报道：……`: a source tag opening the lead without
 * brackets round its credit, read from the first of `lines`. A credit between the tag and a colon
 * may run onto the next lines (`记者张` / `三报道：`); the rest of the colon's line is body text.
 */
export function parseSourceTag(lines: readonly string[]): SourceTag | null {
  const found = tagAtStart(lines[0] ?? '');
  if (found === null) return null;
  const sourceTag = removeLayoutWhitespace(found.tag);
  const featureCredit = titledDispatchCredit(lines, found.length);
  if (featureCredit !== null) return { sourceTag, ...featureCredit, rest: '' };
  let afterTag = lines[0]!.slice(found.length);
  for (let count = 1; count <= Math.min(MAX_BYLINE_LINES, lines.length); count += 1) {
    if (count > 1) afterTag += lines[count - 1];
    const creditThenColon = CREDIT_BEFORE_COLON.exec(afterTag);
    if (creditThenColon === null) continue;
    const credit = parseCredit(creditThenColon[1]!, { strictNames: true });
    if (credit.labelled && isCompleteCredit(credit))
      return {
        sourceTag,
        credit,
        lineCount: count,
        rest: afterTag.slice(creditThenColon[0].length),
      };
    break;
  }
  return {
    sourceTag,
    credit: null,
    lineCount: 1,
    rest: lines[0]!.slice(found.length),
  };
}
