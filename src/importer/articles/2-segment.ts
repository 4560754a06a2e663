import { normalizeLine, type PageLine } from '../layout/lines';
import { endsSentence, removeLayoutWhitespace } from '../layout/paragraphs';
import type { Unit } from './1-classify';
import type { ParsedCredit } from './credits';
import { opensWithDateline } from './dateline';
import { isHeadlineShaped, MAX_HEADLINE_LINES } from './headlines';

/**
 * Pass 2: units into articles. An article opens at a byline, a credit line, a source tag or a
 * `上接` pointer; it closes at an end credit or a `下转` pointer. Between articles stand headlines,
 * whose article is decided by content later (pass 3). Where no marker separates two articles,
 * the layout does: a headline after a finished sentence followed by a lead opening with its
 * dateline, or a second credit coming for an article that already has one.
 */

/** Text of an article; `subheading`: a short headline-like line between two of its paragraphs. */
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
  hasOpeningCredit: boolean;
  text: TextUnit[];
  continuedOn: string | null;
  continuedFrom: string | null;
  /** Every unit the article owns, in page order: its lines and raw text. */
  units: Unit[];
  /** `photo`: a picture's credit ended the text, but more of the article may follow it. */
  state: 'open' | 'closed' | 'photo';
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

function lastTextLine(unit: TextUnit): string {
  return unit.lines[unit.lines.length - 1].text;
}

/**
 * Whether what the article printed so far ends a sentence. Right after a byline nothing is
 * finished (a short line there is the lead); right after a `上接` pointer a headline may follow.
 */
function textIsFinished(draft: Draft): boolean {
  const last = draft.text.at(-1);
  if (last === undefined) return draft.start === 'continued-from';
  return endsSentence(lastTextLine(last));
}

/** For each unit, whether the next article marker after it is an end credit. */
function endCreditAhead(units: readonly Unit[]): boolean[] {
  const ahead = new Array<boolean>(units.length).fill(false);
  let next = false;
  for (let index = units.length - 1; index >= 0; index -= 1) {
    const unit = units[index];
    if (unit.kind === 'credit') next = unit.position === 'end';
    else if (unit.kind === 'byline' || unit.kind === 'source' || unit.kind === 'jump') next = false;
    ahead[index] = next;
  }
  return ahead;
}

/** Characters a line takes in its column: ASCII letters and digits are set half-width. */
function lineWidth(line: PageLine): number {
  const compact = removeLayoutWhitespace(line.text.trim());
  let width = 0;
  for (const char of compact) width += /[0-9A-Za-z.]/.test(char) ? 0.5 : 1;
  return width;
}

/** A line printed whole as text, not the rest of a byline or pointer that shares it. */
function isWholeTextLine(line: PageLine): boolean {
  return line.text === normalizeLine(line.raw);
}

/**
 * The article's column width: the widest line among those that run on (every line of a block but
 * its last, which may end short). Null until the article has such lines.
 */
function columnWidth(draft: Draft): number | null {
  const widths = draft.text.flatMap((unit) => unit.lines.slice(0, -1).filter(isWholeTextLine).map(lineWidth));
  return widths.length > 0 ? Math.max(...widths) : null;
}

/** One tolerance character: OCR drops or merges a character now and then. */
function fillsColumn(unit: TextUnit, width: number | null): boolean {
  return width !== null && unit.lines.every((line) => lineWidth(line) >= width - 1);
}

function newDraft(start: ArticleStart): Draft {
  return {
    start,
    sourceTag: null,
    credits: [],
    hasOpeningCredit: false,
    text: [],
    continuedOn: null,
    continuedFrom: null,
    units: [],
    state: 'open',
  };
}

export function segment(units: readonly Unit[]): Segments {
  const drafts: Draft[] = [];
  const headlines: HeadlineCandidate[] = [];
  const leftovers: Leftover[] = [];
  const creditAhead = endCreditAhead(units);
  let pending: TextUnit[] = [];
  let current: Draft | null = null;

  const own = (draft: Draft, unit: Unit): void => {
    draft.units.push(unit);
    if (unit.kind === 'text') draft.text.push(unit);
  };

  /** Ends the current article; one that never got any text leaves its lines unassigned. */
  const closeEmptyDraft = (): void => {
    if (current === null || current.text.length > 0) return;
    drafts.pop();
    for (const unit of current.units)
      leftovers.push({ lines: unit.lines, reason: 'a credit or page pointer with no article text' });
    current = null;
  };

  /** Short blocks waiting between two articles: headlines to be placed, anything else unassigned. */
  const releasePending = (before: number | null, after: number | null): void => {
    const shaped = pending.map((candidate) => isHeadlineShaped(candidate.lines));
    const lastHeadline = after === null ? -1 : shaped.lastIndexOf(true);
    pending.forEach((candidate, index) => {
      if (shaped[index]) headlines.push({ lines: candidate.lines, before, after, adjacent: index === lastHeadline });
      else leftovers.push({ lines: candidate.lines, reason: 'a short text that is neither a headline nor part of an article' });
    });
    pending = [];
  };

  const startDraft = (start: ArticleStart): Draft => {
    closeEmptyDraft();
    const draft = newDraft(start);
    const before = drafts.length > 0 ? drafts.length - 1 : null;
    drafts.push(draft);
    releasePending(before, drafts.length - 1);
    current = draft;
    return draft;
  };

  /**
   * Short blocks taken for headlines were the article's own text after all: its subheadings, unless
   * a block fills the column, which is a sentence running on into the next column (`…蒲某表` then
   * `示，…`): a subheading is set shorter than the text around it.
   */
  const returnPendingTo = (draft: Draft): void => {
    const width = columnWidth(draft);
    for (const unit of pending) {
      const subheading = isHeadlineShaped(unit.lines) && !fillsColumn(unit, width);
      own(draft, subheading ? { ...unit, subheading } : unit);
    }
    pending = [];
  };

  const isFreshFromCreditLine = (draft: Draft | null): draft is Draft =>
    draft !== null && draft.start === 'credit' && draft.text.length === 0 && draft.sourceTag === null;

  units.forEach((unit, index) => {
    switch (unit.kind) {
      case 'furniture':
        leftovers.push({ lines: unit.lines, reason: 'page furniture (header or footer)' });
        return;
      case 'jump':
        if (unit.direction === 'continuedFrom') {
          const draft = startDraft('continued-from');
          draft.continuedFrom = unit.page;
          own(draft, unit);
        } else if (current !== null) {
          returnPendingTo(current);
          current.continuedOn ??= unit.page;
          current.state = 'closed';
          own(current, unit);
        } else {
          leftovers.push({ lines: unit.lines, reason: 'a pointer to another page that follows no article' });
        }
        return;
      case 'byline':
      case 'source': {
        const draft = isFreshFromCreditLine(current) ? current : startDraft(unit.kind);
        draft.sourceTag = unit.sourceTag;
        if (unit.kind === 'byline') {
          draft.credits.push(unit.credit);
          draft.hasOpeningCredit = true;
        }
        own(draft, unit);
        return;
      }
      case 'credit':
        if (unit.position === 'start') {
          const draft = startDraft('credit');
          draft.credits.push(unit.credit);
          draft.hasOpeningCredit = true;
          own(draft, unit);
        } else if (current !== null && (current.state !== 'closed' || current.units.at(-1)?.kind !== 'text')) {
          returnPendingTo(current);
          current.credits.push(unit.credit);
          current.state = unit.credit.photo ? 'photo' : 'closed';
          own(current, unit);
        } else {
          leftovers.push({ lines: unit.lines, reason: 'a credit that closes no article' });
        }
        return;
      case 'text':
        readText(unit, index);
    }
  });

  function readText(unit: TextUnit, index: number): void {
    const next = units[index + 1];
    const wholeBlock = unit.gapBefore && (next === undefined || next.gapBefore || next.kind !== 'text');
    const afterFinishedText = current === null || current.state !== 'open' || textIsFinished(current);
    if (wholeBlock && afterFinishedText && unit.lines.length <= MAX_HEADLINE_LINES && !endsSentence(lastTextLine(unit))) {
      pending.push(unit);
      return;
    }
    const headed = pending.some((candidate) => isHeadlineShaped(candidate.lines));
    const dated = opensWithDateline(unit.lines.map((line) => line.text).join(''));
    let draft: Draft;
    if (current === null) {
      draft = startDraft(headed ? 'headline' : dated ? 'dateline' : 'page-start');
    } else if (current.state === 'closed' || (current.state === 'photo' && headed)) {
      draft = startDraft(headed ? 'headline' : dated ? 'dateline' : 'inferred');
    } else if (headed && (dated || (current.hasOpeningCredit && creditAhead[index]))) {
      // A headline, then a lead with its dateline or with a credit of its own coming: a new article.
      draft = startDraft('headline');
    } else if (!headed && unit.gapBefore && dated && textIsFinished(current) && current.hasOpeningCredit && creditAhead[index]) {
      draft = startDraft('inferred');
    } else {
      draft = current;
      draft.state = 'open';
      returnPendingTo(draft);
    }
    own(draft, unit);
  }

  const last = current as Draft | null;
  if (last !== null && last.text.length === 0) {
    const emptyIndex = drafts.length - 1;
    closeEmptyDraft();
    for (const headline of headlines) if (headline.after === emptyIndex) headline.after = null;
  }
  releasePending(drafts.length > 0 ? drafts.length - 1 : null, null);
  return { drafts, headlines, leftovers };
}
