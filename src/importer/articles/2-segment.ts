import type { PageLine } from '../layout/lines';
import { endsSentence, removeLayoutWhitespace } from '../layout/paragraphs';
import type { CreditPosition, Unit } from './1-classify';
import type { ParsedCredit } from './credits';
import { opensWithDateline } from './dateline';
import { leadVocab } from '../vocab/article-vocab';
import { headlineShape, MAX_HEADLINE_LINES, type HeadlineShape } from './headlines';

/**
 * Pass 2: units into articles, by weighing every cue together. Each unit may be read in a few
 * ways (a text may go on with the article above or begin a new one; a short block may be a
 * headline between articles or a subheading inside one; a credit line may close the article above
 * or open the next). Every reading scores what the page shows for and against it, and the
 * segmentation is the sequence of readings with the best total, found by dynamic programming over
 * the units (Viterbi), linear in the page. The state carried from unit to unit is where the current
 * article stands (nothing open, headline only, opened, in its text, or a continuation of an article
 * printed elsewhere) and whether it has been credited, so a second credit of other people weighs
 * against one article and for two.
 *
 * Every article also gets a confidence from the margins: how much worse the best segmentation
 * would score had any decision at its boundaries gone the other way.
 */

/** Text of an article; `subheading`: a short headline-like block between two of its paragraphs. */
type TextUnit = Extract<Unit, { kind: 'text' }> & { subheading?: boolean };

/** What opened the article; `inferred` means only the layout says an article starts here. */
export type ArticleStart =
  | 'byline'
  | 'credit'
  | 'source'
  | 'continued-from'
  | 'headline'
  | 'dateline'
  | 'page-start'
  | 'inferred';

export interface Draft {
  start: ArticleStart;
  sourceTag: string | null;
  /** Credits in printed order, opening credits first. */
  credits: ParsedCredit[];
  /** Credits printed before the text (byline, credit line above the lead): where the outlet is read. */
  openingCredits: ParsedCredit[];
  text: TextUnit[];
  continuedOn: string | null;
  continuedFrom: string | null;
  /** Every unit the article owns, in page order: its lines and raw text. */
  units: Unit[];
  /** How sure the segmentation is of this article's boundaries, in (0, 1). */
  confidence: number;
}

/** A short block between articles: a headline, to be placed by content, with its neighbours. */
export interface HeadlineCandidate {
  lines: PageLine[];
  before: number | null;
  after: number | null;
  /** Printed right above the following article's first line. */
  adjacent: boolean;
}

export interface Leftover {
  lines: PageLine[];
  reason: string;
}

export interface Segments {
  drafts: Draft[];
  headlines: HeadlineCandidate[];
  leftovers: Leftover[];
}

/** The weights of the cues. Positive favours the reading named, negative weighs against it. */
export const WEIGHTS = {
  /** A sentence never runs from one article into the next: beginning one mid-sentence. */
  splitSentence: -12,
  /** Beginning an article at a paragraph of text with nothing else saying so. */
  beginAtText: -2.5,
  /** …when the paragraph opens with its dateline (`3月24日，`, `昨日，`), as leads do. */
  datedLead: 2,
  /** An article without a credit where the articles before it were credited. */
  uncreditedAmongCredited: -1.5,
  /** A second credit naming people in one article: two articles read as one. */
  secondCredit: -6,
  /** An article opened (byline, credit) that gets no text at all. */
  emptyArticle: -4,
  /** A headline block read as a headline between articles rather than a subheading. */
  headlineClean: 1,
  headlinePunctuated: -1.5,
  /** …when a byline or source tag follows it. */
  headlineBeforeByline: 6,
  /** …when it is printed wider than the text's column, as headlines are (not wrapped with the text). */
  headlineWiderThanColumn: 3,
  /** …when a lead opening with its dateline follows it. */
  headlineBeforeDatedLead: 1.5,
  /** …when it wraps at the column's width, as text and subheadings set in the column do. */
  headlineWrappedInColumn: -3,
  /** A subheading is set no wider than the column around it. */
  subheadingWithinColumn: 1,
  /** …and rarely holds a comma: a block with one between paragraphs is more often a sentence going on. */
  punctuatedSubheading: -2,
  /** A clean headline-shaped block between paragraphs read as a stretch of text going on. */
  cleanLineAsText: -1,
  /** …when it is one line as wide as the column: text the column break cut, where a subheading is set shorter. */
  lineFillingColumn: 3,
  /** A block read inside an article (subheading; twice as much as text going on) before a lead opening with its dateline. */
  insideBeforeDatedLead: -1,
  /** A byline right after a headline or credit line belongs to the same article. */
  joinOpening: 2,
  /** A credit line read the way its position says (after a finished sentence at a column end: closing). */
  creditAsPlaced: 3,
  /** A credit that closes no article. */
  strayCredit: -5,
  /** A scrap (a short block without sentence end or headline shape) left to editors rather than joined. */
  scrapAside: 0.5,
} as const;

type ItemKind = 'text' | 'head' | 'scrap' | 'open' | 'credit' | 'jumpOn' | 'jumpFrom';

interface Item {
  kind: ItemKind;
  unitIndex: number;
  /** The text before this item, if it is text, does not end a sentence. */
  afterUnfinished: boolean;
  dated: boolean;
  hasNames: boolean;
  position: CreditPosition;
  headline: HeadlineShape | null;
  wide: boolean;
  /** One line exactly as wide as the page's column (or wider): how wrapped text ends a column. */
  fillsColumn: boolean;
  /** Lines filling the column one after another, the last shorter: set in the column, not over it. */
  wrapped: boolean;
  nextIsOpening: boolean;
  nextIsDated: boolean;
  /** Text follows (a subheading and a stretch of text go on with text; neither ends an article). */
  nextIsText: boolean;
  /** The item before is an article's end credit. */
  afterClosedArticle: boolean;
}

/** Where the current article stands. */
const enum Phase {
  None = 0,
  HeadOnly = 1,
  Opened = 2,
  Body = 3,
  Continuation = 4,
}
/**
 * Whether the current article (in phase None: the last one) is credited. Papers credit almost
 * every item, so on a page whose articles are credited an article without one is suspect
 * (`Expected`), while on a page of uncredited briefs it is not.
 */
const enum Credit {
  None = 0,
  Own = 1,
  Expected = 2,
}
const PHASES = 5;
const CREDITS = 3;
const STATES = PHASES * CREDITS;
const state = (phase: Phase, credit: Credit): number => phase * CREDITS + credit;
const phaseOf = (stateIndex: number): Phase => Math.floor(stateIndex / CREDITS) as Phase;
const creditOf = (stateIndex: number): Credit => (stateIndex % CREDITS) as Credit;
/** What the next article may expect after the one in `from`. */
const carried = (from: number): Credit => (creditOf(from) === Credit.None ? Credit.None : Credit.Expected);

type Label =
  | 'continue'
  | 'begin'
  | 'separator'
  | 'subheading'
  | 'aside'
  | 'join'
  | 'close'
  | 'open'
  | 'stray'
  | 'continuation';

interface Move {
  label: Label;
  to: number;
  score: number;
}

/** What ending the current article in this state costs. */
function endScore(from: number): number {
  if (phaseOf(from) === Phase.Opened) return WEIGHTS.emptyArticle;
  return phaseOf(from) === Phase.Body && creditOf(from) === Credit.Expected ? WEIGHTS.uncreditedAmongCredited : 0;
}

function headlineScore(item: Item): number {
  let score = item.headline === 'clean' ? WEIGHTS.headlineClean : WEIGHTS.headlinePunctuated;
  if (item.nextIsOpening) score += WEIGHTS.headlineBeforeByline;
  if (item.wide) score += WEIGHTS.headlineWiderThanColumn;
  if (item.nextIsDated) score += WEIGHTS.headlineBeforeDatedLead;
  if (item.wrapped) score += WEIGHTS.headlineWrappedInColumn;
  return score;
}

/** The readings of `item` from state `from`, each with its score and the state it leads to. */
/** An item that names people makes the article credited; otherwise the article's credit stays as it was. */
function withNames(item: Item, otherwise: Credit): Credit {
  return item.hasNames ? Credit.Own : otherwise;
}

/** A credit line read the way its position says scores; read against it, it costs as much. */
function placedAs(position: CreditPosition, wanted: CreditPosition): number {
  return position === wanted ? WEIGHTS.creditAsPlaced : position === 'either' ? 0 : -WEIGHTS.creditAsPlaced;
}

function movesOf(item: Item, from: number): Move[] {
  const phase = phaseOf(from);
  const credit = creditOf(from);
  const credited = credit === Credit.Own;
  const moves: Move[] = [];
  const inText = phase === Phase.Body || phase === Phase.Continuation;
  switch (item.kind) {
    case 'text':
    case 'scrap': {
      if (phase !== Phase.None) moves.push({ label: 'continue', to: state(phase === Phase.Continuation ? phase : Phase.Body, credit), score: 0 });
      if (phase === Phase.None) moves.push({ label: 'begin', to: state(Phase.Body, carried(from)), score: 0 });
      else if (inText) {
        const score = endScore(from) + WEIGHTS.beginAtText + (item.dated ? WEIGHTS.datedLead : 0) + (item.afterUnfinished ? WEIGHTS.splitSentence : 0);
        moves.push({ label: 'begin', to: state(Phase.Body, carried(from)), score });
      }
      if (item.kind === 'scrap') moves.push({ label: 'aside', to: from, score: WEIGHTS.scrapAside });
      break;
    }
    case 'head': {
      if (phase === Phase.HeadOnly) moves.push({ label: 'separator', to: from, score: 0 });
      else moves.push({ label: 'separator', to: state(Phase.HeadOnly, carried(from)), score: endScore(from) + headlineScore(item) });
      if (inText && !item.afterUnfinished && item.nextIsText) {
        const beforeDatedLead = item.nextIsDated ? WEIGHTS.insideBeforeDatedLead : 0;
        const subheading =
          (item.wide ? 0 : WEIGHTS.subheadingWithinColumn) + (item.headline === 'clean' ? 0 : WEIGHTS.punctuatedSubheading) + beforeDatedLead;
        moves.push({ label: 'subheading', to: from, score: subheading });
        const asText =
          (item.headline === 'clean' ? WEIGHTS.cleanLineAsText : 0) + (item.fillsColumn ? WEIGHTS.lineFillingColumn : 0) + 2 * beforeDatedLead;
        moves.push({ label: 'continue', to: from, score: asText });
      }
      break;
    }
    case 'open': {
      if ((phase === Phase.HeadOnly || phase === Phase.Opened) && !(credited && item.hasNames)) {
        moves.push({ label: 'join', to: state(Phase.Opened, withNames(item, credit)), score: WEIGHTS.joinOpening });
      }
      moves.push({ label: 'begin', to: state(Phase.Opened, withNames(item, carried(from))), score: endScore(from) });
      break;
    }
    case 'credit': {
      if (phase === Phase.Continuation) moves.push({ label: 'close', to: state(Phase.None, credit), score: placedAs(item.position, 'end') });
      if (phase === Phase.Body) {
        const conflict = credited && item.hasNames ? WEIGHTS.secondCredit : 0;
        moves.push({ label: 'close', to: state(Phase.None, withNames(item, credit)), score: placedAs(item.position, 'end') + conflict });
      }
      if ((phase === Phase.HeadOnly || phase === Phase.Opened) && !credited) {
        moves.push({ label: 'join', to: state(Phase.Opened, withNames(item, credit)), score: placedAs(item.position, 'start') });
      } else {
        moves.push({ label: 'open', to: state(Phase.Opened, withNames(item, carried(from))), score: endScore(from) + placedAs(item.position, 'start') });
      }
      if (phase === Phase.None) moves.push({ label: 'stray', to: from, score: WEIGHTS.strayCredit });
      break;
    }
    case 'jumpOn':
      // `（下转A04版）` under an article's end credit still points on from that article.
      if (inText || (phase === Phase.None && item.afterClosedArticle)) moves.push({ label: 'close', to: state(Phase.None, credit), score: endScore(from) });
      else moves.push({ label: 'stray', to: from, score: 0 });
      break;
    case 'jumpFrom':
      if (phase === Phase.HeadOnly) moves.push({ label: 'join', to: state(Phase.Body, credit), score: 0 });
      else moves.push({ label: 'continuation', to: state(Phase.Continuation, carried(from)), score: endScore(from) });
      break;
  }
  return moves;
}

/** Characters a line takes in its column: ASCII letters and digits are set half-width. */
function lineWidth(line: PageLine): number {
  const compact = removeLayoutWhitespace(line.text.trim());
  let width = 0;
  for (const char of compact) width += /[0-9A-Za-z.%]/.test(char) ? 0.5 : 1;
  return width;
}

/**
 * The page's column width: the most common width of lines that run on (every line of a text block
 * but its last, which may end short). Null on a page printed a paragraph a line.
 */
function pageColumnWidth(units: readonly Unit[]): number | null {
  const counts = new Map<number, number>();
  for (const unit of units) {
    if (unit.kind !== 'text') continue;
    for (const line of unit.lines.slice(0, -1)) {
      const width = Math.round(lineWidth(line));
      counts.set(width, (counts.get(width) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [width, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best) && width > best)) best = width;
  return best;
}

const CLAUSE_END = /[，、；：]$/u;
const EXCLAIMS = /[！？][”’」』]*$/u;
/** Characters a headline never ends with: particles, prepositions, verbs waiting for an object. */
const UNFINISHED_ENDING = new RegExp(`[${leadVocab.unfinishedEndings.join('')}]$`, 'u');
/** Text opening with a clause of one character: the rest of a word the column broke. */
const MID_WORD_OPENING = /^\s*\p{Script=Han}\s*[，、；：。]/u;

/** One tolerance character: OCR drops or merges a character now and then. */
const COLUMN_TOLERANCE = 1;

function readItems(units: readonly Unit[]): Item[] {
  const column = pageColumnWidth(units);
  /** For each unit, the index of the next unit printed in the text flow (furniture and captions aside). */
  const nextPrinted = new Array<number>(units.length).fill(units.length);
  for (let index = units.length - 2; index >= 0; index -= 1) {
    const following = units[index + 1]!;
    nextPrinted[index] = following.kind === 'furniture' || following.kind === 'caption' ? nextPrinted[index + 1]! : index + 1;
  }
  const items: Item[] = [];
  /** Whether the last text printed before the current unit ends a sentence; true where a marker came since. */
  let lastTextFinished = true;
  units.forEach((unit, unitIndex) => {
    const base = {
      unitIndex,
      afterUnfinished: !lastTextFinished,
      dated: false,
      hasNames: false,
      position: 'either' as CreditPosition,
      headline: null,
      wide: false,
      fillsColumn: false,
      wrapped: false,
      nextIsOpening: false,
      nextIsDated: false,
      nextIsText: false,
      afterClosedArticle: false,
    };
    switch (unit.kind) {
      case 'furniture':
      case 'caption':
        return;
      case 'jump':
        items.push({ ...base, kind: unit.direction === 'continuedOn' ? 'jumpOn' : 'jumpFrom' });
        lastTextFinished = true;
        return;
      case 'byline':
      case 'source':
        items.push({ ...base, kind: 'open', hasNames: unit.kind === 'byline' && unit.credit.credits.length > 0 });
        lastTextFinished = true;
        return;
      case 'credit':
        if (unit.credit.photo) return; // a picture's credit goes with whatever surrounds it
        items.push({ ...base, kind: 'credit', hasNames: unit.credit.credits.length > 0, position: unit.position });
        lastTextFinished = true;
        return;
      case 'text': {
        const text = unit.lines.map((line) => line.text).join('');
        const finished = endsSentence(text);
        const next = units[nextPrinted[unitIndex]!];
        const wholeBlock = unit.gapBefore && (next === undefined || next.gapBefore || next.kind !== 'text');
        // A headline's first line holds no comma (a deck under it may); lines filling the column
        // one after another are text wrapped at its width, never a scrap.
        const shaped = headlineShape(unit.lines);
        const shape = shaped === 'punctuated' && unit.lines.length > 1 && headlineShape(unit.lines.slice(0, 1)) !== 'clean' ? null : shaped;
        const wrapped =
          column !== null &&
          unit.lines.length > 1 &&
          unit.lines.slice(0, -1).every((line) => Math.abs(lineWidth(line) - column) <= COLUMN_TOLERANCE) &&
          lineWidth(unit.lines.at(-1)!) <= column + COLUMN_TOLERANCE;
        // A block ending in a comma is a sentence going on, never a headline or a scrap.
        const goesOn = CLAUSE_END.test(text.trimEnd());
        // `…副厅长某某表` + `示，……`: the column broke a word; the block is the start of that sentence.
        const nextOpensMidWord = next?.kind === 'text' && MID_WORD_OPENING.test(next.lines.map((line) => line.text).join(''));
        // `…的项目涉` + `及工业、…`: a block ending in a word that never ends a headline goes on.
        const endsMidPhrase = UNFINISHED_ENDING.test(text.trimEnd());
        const wide = column !== null && unit.lines.some((line) => lineWidth(line) > column + COLUMN_TOLERANCE);
        // `某某更方便！某某项目开竣工！`: a headline may exclaim; one printed wider than the column is no paragraph.
        const exclaimed = finished && wide && unit.lines.length <= 2 && EXCLAIMS.test(text.trimEnd()) && !/。|；/u.test(text);
        const floating =
          wholeBlock &&
          lastTextFinished &&
          (!finished || exclaimed) &&
          !goesOn &&
          !endsMidPhrase &&
          !nextOpensMidWord &&
          unit.lines.length <= MAX_HEADLINE_LINES;
        // A scrap stands before the next marker; a short block with text after it is that text's beginning.
        const scrap = !wrapped && next?.kind !== 'text';
        const kind: ItemKind = !floating ? 'text' : exclaimed || shape !== null ? 'head' : scrap ? 'scrap' : 'text';
        items.push({
          ...base,
          kind,
          dated: opensWithDateline(text),
          headline: exclaimed ? 'punctuated' : shape,
          wide,
          fillsColumn: column !== null && unit.lines.length === 1 && lineWidth(unit.lines[0]!) >= column,
          wrapped,
        });
        // A headline or scrap stands apart from the sentences around it: the text after it is read
        // against the text before it (two headlines may stand one under the other).
        if (kind === 'text') lastTextFinished = finished;
      }
    }
  });
  items.forEach((item, index) => {
    const next = items[index + 1];
    // A byline, a credit line over a lead, or a jump's `上接` pointer: what a headline stands over.
    item.nextIsOpening = next?.kind === 'open' || next?.kind === 'jumpFrom' || (next?.kind === 'credit' && next.position === 'start');
    item.nextIsDated = next?.kind === 'text' && next.dated;
    item.nextIsText = next?.kind === 'text' || next?.kind === 'scrap';
    item.afterClosedArticle = items[index - 1]?.kind === 'credit';
  });
  return items;
}

interface Decoded {
  labels: Label[];
  /** Per item, how much better the chosen reading scored than the best other one. */
  margins: number[];
}

/** The best sequence of readings, and for each item the margin over its best alternative. */
function decode(items: readonly Item[]): Decoded {
  const n = items.length;
  const NEG = Number.NEGATIVE_INFINITY;
  // forward[i][s]: best score of items 0..i-1 ending in state s.
  const forward: Float64Array[] = [];
  const back: Array<Array<{ from: number; label: Label } | null>> = [];
  let current = new Float64Array(STATES).fill(NEG);
  current[state(Phase.None, Credit.None)] = 0;
  forward.push(current);
  for (const item of items) {
    const next = new Float64Array(STATES).fill(NEG);
    const pointers: Array<{ from: number; label: Label } | null> = new Array(STATES).fill(null);
    for (let from = 0; from < STATES; from += 1) {
      if (current[from] === NEG) continue;
      for (const move of movesOf(item, from)) {
        const score = current[from]! + move.score;
        if (score > next[move.to]!) {
          next[move.to] = score;
          pointers[move.to] = { from, label: move.label };
        }
      }
    }
    back.push(pointers);
    forward.push(next);
    current = next;
  }
  // backward[i][s]: best score of items i..n-1 starting in state s, page end included.
  const backward: Float64Array[] = new Array(n + 1);
  backward[n] = new Float64Array(STATES).map((_, s) => endScore(s));
  for (let index = n - 1; index >= 0; index -= 1) {
    const scores = new Float64Array(STATES).fill(NEG);
    for (let from = 0; from < STATES; from += 1) {
      for (const move of movesOf(items[index]!, from)) scores[from] = Math.max(scores[from]!, move.score + backward[index + 1]![move.to]!);
    }
    backward[index] = scores;
  }

  let best = 0;
  for (let s = 1; s < STATES; s += 1) if (current[s]! + endScore(s) > current[best]! + endScore(best)) best = s;
  const labels: Label[] = new Array(n);
  for (let index = n - 1, s = best; index >= 0; index -= 1) {
    const pointer = back[index]![s]!;
    labels[index] = pointer.label;
    s = pointer.from;
  }

  const margins = items.map((item, index) => {
    const byLabel = new Map<Label, number>();
    for (let from = 0; from < STATES; from += 1) {
      if (forward[index]![from] === NEG) continue;
      for (const move of movesOf(item, from)) {
        const total = forward[index]![from]! + move.score + backward[index + 1]![move.to]!;
        byLabel.set(move.label, Math.max(byLabel.get(move.label) ?? NEG, total));
      }
    }
    const chosen = byLabel.get(labels[index]!) ?? 0;
    const others = [...byLabel].filter(([label]) => label !== labels[index]).map(([, total]) => total);
    return others.length === 0 ? Number.POSITIVE_INFINITY : chosen - Math.max(...others);
  });
  return { labels, margins };
}

/** Each unit's reading and its margin, in page order: why the page was cut where it was (tests, debugging). */
export function readings(units: readonly Unit[]): Array<{ unitIndex: number; kind: ItemKind; label: Label; margin: number }> {
  const items = readItems(units);
  const { labels, margins } = decode(items);
  return items.map((item, index) => ({ unitIndex: item.unitIndex, kind: item.kind, label: labels[index]!, margin: margins[index]! }));
}

/** A margin of 0 is a coin toss; each 2 points of margin are about e times the odds. */
function confidenceOf(margin: number): number {
  return margin === Number.POSITIVE_INFINITY ? 1 : Math.round(100 / (1 + Math.exp(-margin / 2))) / 100;
}

function newDraft(start: ArticleStart): Draft {
  return {
    start,
    sourceTag: null,
    credits: [],
    openingCredits: [],
    text: [],
    continuedOn: null,
    continuedFrom: null,
    units: [],
    confidence: 1,
  };
}

/** An article that never got any text leaves its lines unassigned. */
const NO_TEXT = 'a credit or page pointer with no article text';

export function segment(units: readonly Unit[]): Segments {
  const items = readItems(units);
  const { labels, margins } = decode(items);
  const drafts: Draft[] = [];
  const headlines: HeadlineCandidate[] = [];
  const leftovers: Leftover[] = [];
  /** Article index of each unit, for captions; -1 where a unit went to no article. */
  const articleOf = new Array<number>(units.length).fill(-1);

  let current: Draft | null = null;
  /** Headline blocks waiting for the article after them. */
  let pendingHeads: Unit[] = [];
  let continuation: { page: string; units: Unit[] } | null = null;
  /** Lowest confidence of the decisions that made the current article. */
  let decisions: number[] = [];
  /** Indexes of the current article's units. */
  let currentUnits: number[] = [];

  const finish = (endMargin: number | null): void => {
    if (current === null) return;
    if (endMargin !== null) decisions.push(confidenceOf(endMargin));
    current.confidence = Math.min(1, ...decisions);
    if (current.text.length === 0) {
      drafts.pop();
      for (const unit of current.units) leftovers.push({ lines: unit.lines, reason: NO_TEXT });
      for (const index of currentUnits) articleOf[index] = -1;
    }
    current = null;
    decisions = [];
    currentUnits = [];
  };
  const closeContinuation = (): void => {
    if (continuation === null) return;
    leftovers.push({
      lines: continuation.units.flatMap((unit) => unit.lines),
      reason: `continued from page ${continuation.page}: the rest of an article printed there, to be joined to it`,
    });
    continuation = null;
  };
  const releaseHeads = (after: number | null): void => {
    const before = after === null ? (drafts.length > 0 ? drafts.length - 1 : null) : after > 0 ? after - 1 : null;
    pendingHeads.forEach((unit, index) => {
      headlines.push({ lines: unit.lines, before, after, adjacent: after !== null && index === pendingHeads.length - 1 });
    });
    pendingHeads = [];
  };
  const begin = (start: ArticleStart, margin: number): Draft => {
    finish(margin);
    closeContinuation();
    const draft = newDraft(start);
    drafts.push(draft);
    releaseHeads(drafts.length - 1);
    current = draft;
    decisions = [confidenceOf(margin)];
    return draft;
  };
  /** The unit of `item` goes to `draft`; `decided`: the item's reading is one of the article's decisions. */
  const own = (draft: Draft, unit: Unit, item: Item, decided: boolean, itemIndex: number): void => {
    draft.units.push(unit);
    if (unit.kind === 'text') draft.text.push(unit);
    articleOf[item.unitIndex] = drafts.length - 1;
    currentUnits.push(item.unitIndex);
    if (decided) decisions.push(confidenceOf(margins[itemIndex]!));
  };
  /** A byline or credit line begun before its article has text. */
  const takeOpening = (draft: Draft, unit: Unit): void => {
    if (unit.kind === 'byline' || unit.kind === 'source') draft.sourceTag = unit.sourceTag ?? draft.sourceTag;
    if (unit.kind === 'byline' || unit.kind === 'credit') {
      draft.credits.push(unit.credit);
      draft.openingCredits.push(unit.credit);
    }
  };
  const startOf = (unit: Unit, item: Item): ArticleStart => {
    if (unit.kind === 'byline') return 'byline';
    if (unit.kind === 'source') return 'source';
    if (unit.kind === 'credit') return 'credit';
    if (drafts.length === 0 && continuation === null) return 'page-start';
    return item.dated ? 'dateline' : 'inferred';
  };

  items.forEach((item, itemIndex) => {
    const unit = units[item.unitIndex]!;
    const label = labels[itemIndex]!;
    const margin = margins[itemIndex]!;
    switch (label) {
      case 'begin': {
        const headed = pendingHeads.length > 0;
        const draft = begin(headed && unit.kind === 'text' ? 'headline' : startOf(unit, item), margin);
        if (unit.kind !== 'text') takeOpening(draft, unit);
        own(draft, unit, item, false, itemIndex);
        return;
      }
      case 'separator':
        if (current !== null && pendingHeads.length === 0) finish(margin);
        closeContinuation();
        pendingHeads.push(unit);
        return;
      case 'join':
        if (item.kind === 'jumpFrom' && unit.kind === 'jump') {
          const draft: Draft = current ?? begin('continued-from', margin);
          draft.continuedFrom = unit.page;
          draft.start = 'continued-from';
          own(draft, unit, item, true, itemIndex);
          return;
        }
        if (current === null || current.text.length > 0) {
          const draft = begin(startOf(unit, item), margin);
          takeOpening(draft, unit);
          own(draft, unit, item, false, itemIndex);
        } else {
          takeOpening(current, unit);
          own(current, unit, item, true, itemIndex);
        }
        return;
      case 'open': {
        const draft = begin(startOf(unit, item), margin);
        takeOpening(draft, unit);
        own(draft, unit, item, false, itemIndex);
        return;
      }
      case 'continue':
      case 'subheading': {
        if (continuation !== null) {
          continuation.units.push(unit);
          return;
        }
        if (current === null) {
          const draft = begin(pendingHeads.length > 0 ? 'headline' : startOf(unit, item), margin);
          own(draft, unit, item, false, itemIndex);
          return;
        }
        const text = label === 'subheading' && unit.kind === 'text' ? { ...unit, subheading: true } : unit;
        own(current, text, item, true, itemIndex);
        return;
      }
      case 'aside':
        leftovers.push({ lines: unit.lines, reason: 'a short text that is neither a headline nor part of an article' });
        return;
      case 'close':
        if (continuation !== null) {
          continuation.units.push(unit);
          closeContinuation();
          return;
        }
        if (current !== null) {
          if (unit.kind === 'credit') current.credits.push(unit.credit);
          if (unit.kind === 'jump') current.continuedOn ??= unit.page;
          own(current, unit, item, false, itemIndex);
          finish(margin);
        } else if (unit.kind === 'jump' && drafts.length > 0) {
          const closed = drafts[drafts.length - 1]!;
          closed.continuedOn ??= unit.page;
          closed.units.push(unit);
          articleOf[item.unitIndex] = drafts.length - 1;
        }
        return;
      case 'stray':
        leftovers.push({
          lines: unit.lines,
          reason: unit.kind === 'jump' ? 'a pointer to another page that follows no article' : 'a credit that closes no article',
        });
        return;
      case 'continuation':
        finish(margin);
        closeContinuation();
        if (unit.kind === 'jump') continuation = { page: unit.page, units: [unit] };
        return;
    }
  });
  finish(null);
  closeContinuation();
  releaseHeads(null);

  attachUnplaced(units, articleOf, drafts, leftovers);
  return { drafts, headlines, leftovers };
}

/**
 * Furniture goes to no article. A caption, and a photographer's credit standing apart, go with
 * the article they are printed in: the one after them when a headline or nothing comes before
 * them (a picture under the headline), else the one before.
 */
function attachUnplaced(units: readonly Unit[], articleOf: number[], drafts: Draft[], leftovers: Leftover[]): void {
  const nextArticle = new Array<number>(units.length + 1).fill(-1);
  for (let index = units.length - 1; index >= 0; index -= 1) nextArticle[index] = articleOf[index]! >= 0 ? articleOf[index]! : nextArticle[index + 1]!;
  let previousArticle = -1;
  /** Whether the last unit printed (furniture aside) was a headline or nothing. */
  let underHeadline = true;
  const placed: Array<{ unit: Unit; article: number }> = [];
  units.forEach((unit, index) => {
    if (unit.kind === 'furniture') {
      leftovers.push({ lines: unit.lines, reason: 'page furniture (header or footer)' });
      return;
    }
    const photo = unit.kind === 'caption' || (unit.kind === 'credit' && unit.credit.photo);
    if (photo) {
      const after = nextArticle[index + 1]!;
      const article = (underHeadline && after >= 0) || previousArticle < 0 ? after : previousArticle;
      if (article < 0) leftovers.push({ lines: unit.lines, reason: 'a picture caption beside no article' });
      else placed.push({ unit, article });
      return;
    }
    underHeadline = unit.kind === 'text' && articleOf[index] === -1;
    if (articleOf[index]! >= 0) previousArticle = articleOf[index]!;
  });
  for (const { unit, article } of placed) {
    const draft = drafts[article]!;
    if (unit.kind === 'caption' || unit.kind === 'credit') draft.credits.push(unit.credit);
    const position = draft.units.findIndex((owned) => owned.lines[0]!.number > unit.lines[0]!.number);
    draft.units.splice(position < 0 ? draft.units.length : position, 0, unit);
  }
}
