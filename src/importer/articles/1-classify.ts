import type { Block } from '../layout/blocks';
import type { PageLine } from '../layout/lines';
import { endsSentence } from '../layout/paragraphs';
import { bylineVocab } from '../vocab/article-vocab';
import { MAX_BYLINE_LINES, parseByline, parseSourceTag } from './byline';
import { parseContinuation, type Continuation } from './continuation';
import { isCompleteCredit, parseCredit, stripCreditMarker, type ParsedCredit } from './credits';
import { isFurniture } from './furniture';

/**
 * Pass 1: what each stretch of the page is, line by line. A unit is a run of lines of one kind;
 * a line may be cut in two where a byline ends or an end credit begins, and each part keeps the
 * line's number. Nothing here decides which article a unit belongs to: that is pass 2.
 */

interface UnitBase {
  lines: PageLine[];
  /** A blank line (a column break) or the top of the page comes right before this unit. */
  gapBefore: boolean;
}

export type Unit =
  | (UnitBase & { kind: 'furniture' })
  | (UnitBase & { kind: 'jump'; direction: Continuation['direction']; page: string })
  | (UnitBase & { kind: 'byline'; sourceTag: string; credit: ParsedCredit })
  | (UnitBase & { kind: 'source'; sourceTag: string })
  | (UnitBase & { kind: 'credit'; credit: ParsedCredit; position: 'start' | 'end' })
  | (UnitBase & { kind: 'text' });

/** A unit as read, before `emit` notes whether a column break came before it (Omit for each kind). */
type UnitWithoutGap<U extends Unit = Unit> = U extends unknown ? Omit<U, 'gapBefore'> : never;

const SENTENCE_PUNCTUATION = /[，。；！？]/u;
const captionMarkers = new Set(bylineVocab.captionMarkers);
const OPENING_BRACKET = /[（(]/gu;
const CLOSING_BRACKET = /[）)]/gu;
const CLOSES_WITH_BRACKET = /[）)]\s*$/u;
const ANY_BRACKET = /[（()）]/u;
const SENTENCE_END_CHARACTERS = /[。！？!?][”’」』]*/gu;
/** How many lines before its closing bracket an end credit may have started. */
const MAX_END_CREDIT_LINES = 3;

/** A credit printed on a line of its own: `□晚报记者 甲`, `记者 甲 文/图`, `摄影 甲`. */
function readCreditLine(text: string): { credit: ParsedCredit; marked: boolean } | null {
  const { marked, text: unmarked } = stripCreditMarker(text);
  if (unmarked === '' || SENTENCE_PUNCTUATION.test(unmarked) || ANY_BRACKET.test(unmarked)) return null;
  const credit = parseCredit(unmarked);
  return isCompleteCredit(credit) && (marked || credit.labelled) ? { credit, marked } : null;
}

function lastIndexOfPattern(text: string, pattern: RegExp): number {
  let index = -1;
  for (const match of text.matchAll(pattern)) index = match.index;
  return index;
}

/** A labelled credit taking up the rest of `text` after the sentence end at `sentenceEnd`. */
function creditAfterSentence(text: string, sentenceEnd: number): { text: string; credit: ParsedCredit } | null {
  const rest = text.slice(sentenceEnd).replace(/^[。！？!?”’」』]+/u, '');
  if (rest.trim() === '') return null;
  const candidate = readCreditLine(rest);
  return candidate !== null && candidate.credit.labelled ? { text: rest, credit: candidate.credit } : null;
}

export function classify(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  let text: PageLine[] = [];
  let textGap = false;
  let gap = true;

  const flushText = (): void => {
    if (text.length > 0) units.push({ kind: 'text', lines: text, gapBefore: textGap });
    text = [];
  };
  const emit = (unit: UnitWithoutGap): void => {
    flushText();
    units.push({ ...unit, gapBefore: gap } as Unit);
    gap = false;
  };
  const addText = (printed: PageLine): void => {
    // `▲市民在…`: the arrow points at the picture; the caption's text starts after it.
    const trimmed = printed.text.trimStart();
    const line = captionMarkers.has(trimmed[0] ?? '') ? { ...printed, text: trimmed.slice(1) } : printed;
    if (text.length === 0) {
      textGap = gap;
      gap = false;
    }
    text.push(line);
  };
  /** The text line printed before the `runIndex`-th line of the current text run, across column breaks. */
  const textBefore = (runIndex: number): string | null => {
    if (runIndex > 0) return text[runIndex - 1].text;
    const last = units.at(-1);
    return last?.kind === 'text' ? last.lines[last.lines.length - 1].text : null;
  };
  const previousText = (): string | null => textBefore(text.length);
  /** The text run ends inside brackets (`……。（郑` + `报全媒体记者 甲`): what follows is no line of its own. */
  const insideBracket = (): boolean => {
    const last = text.at(-1)?.text ?? '';
    return lastIndexOfPattern(last, OPENING_BRACKET) > lastIndexOfPattern(last, CLOSING_BRACKET);
  };

  const opensArticle = (run: readonly PageLine[]): boolean =>
    run.length > 0 && (parseByline(run.map((line) => line.text)) !== null || parseSourceTag(run[0].text) !== null);

  /**
   * A credit line closes the article above it when it follows a finished sentence and stands at
   * the end of its column; it opens the next one when it carries a marker (□), precedes a source
   * tag, or has the lead right under it.
   */
  const creditLinePosition = (after: readonly PageLine[], endsColumn: boolean, marked: boolean): 'start' | 'end' => {
    if (marked || opensArticle(after)) return 'start';
    const before = previousText();
    return endsColumn && before !== null && endsSentence(before) ? 'end' : 'start';
  };

  /** `……。（记者 甲）` at the end of `line`, its bracket possibly opened a line or two before. */
  const readBracketedEndCredit = (line: PageLine): boolean => {
    if (!CLOSES_WITH_BRACKET.test(line.text)) return false;
    const closing = line.text.trimEnd().length - 1;
    let openLine = -1; // index into `text`, or -1 for this line
    let open = lastIndexOfPattern(line.text.slice(0, closing), OPENING_BRACKET);
    for (let back = 1; open < 0 && back < MAX_END_CREDIT_LINES && back <= text.length; back += 1) {
      open = lastIndexOfPattern(text[text.length - back].text, OPENING_BRACKET);
      if (open >= 0) openLine = text.length - back;
    }
    if (open < 0) return false;
    const opening = openLine < 0 ? line : text[openLine];
    const carried = openLine < 0 ? [] : text.slice(openLine + 1);
    const inner =
      openLine < 0
        ? line.text.slice(open + 1, closing)
        : [opening.text.slice(open + 1), ...carried.map((carriedLine) => carriedLine.text), line.text.slice(0, closing)].join('');
    if (ANY_BRACKET.test(inner)) return false;
    const before = opening.text.slice(0, open);
    const precedingText = before.trim() !== '' ? before : textBefore(openLine < 0 ? text.length : openLine);
    if (precedingText !== null && !endsSentence(precedingText)) return false;
    const credit = parseCredit(inner);
    if (!isCompleteCredit(credit)) return false;

    if (openLine >= 0) text = text.slice(0, openLine);
    if (before.trim() !== '') addText({ ...opening, text: before });
    emit({
      kind: 'credit',
      credit,
      position: 'end',
      lines: [{ ...opening, text: opening.text.slice(open) }, ...carried, ...(openLine < 0 ? [] : [line])],
    });
    return true;
  };

  /**
   * `……。记者 甲 文/图` closing the last line of a column; the credit may have begun after the
   * last sentence of the line before (`……上演。本报记者` + `甲 摄`).
   */
  const readTrailingEndCredit = (line: PageLine, after: readonly PageLine[], endsColumn: boolean): boolean => {
    const sentenceEnd = lastIndexOfPattern(line.text, SENTENCE_END_CHARACTERS);
    if (sentenceEnd >= 0) {
      const afterEnd = creditAfterSentence(line.text, sentenceEnd);
      if (afterEnd === null || !(endsColumn || opensArticle(after))) return false;
      addText({ ...line, text: line.text.slice(0, line.text.length - afterEnd.text.length) });
      emit({ kind: 'credit', credit: afterEnd.credit, position: 'end', lines: [{ ...line, text: afterEnd.text }] });
      return true;
    }
    const previous = text.at(-1);
    const previousEnd = previous ? lastIndexOfPattern(previous.text, SENTENCE_END_CHARACTERS) : -1;
    if (!endsColumn || previous === undefined || previousEnd < 0) return false;
    const started = creditAfterSentence(previous.text + line.text, previousEnd);
    if (started === null || started.text.length <= line.text.length) return false;
    const head = started.text.slice(0, started.text.length - line.text.length);
    text[text.length - 1] = { ...previous, text: previous.text.slice(0, previous.text.length - head.length) };
    emit({ kind: 'credit', credit: started.credit, position: 'end', lines: [{ ...previous, text: head }, line] });
    return true;
  };

  const readBlock = (lines: readonly PageLine[], next: readonly PageLine[]): void => {
    /** The lines after `index`, in this column or at the top of the next: a byline never spans a break. */
    const after = (index: number): PageLine[] =>
      index + 1 < lines.length ? lines.slice(index + 1, index + 1 + MAX_BYLINE_LINES) : next.slice(0, MAX_BYLINE_LINES);
    for (let index = 0; index < lines.length; ) {
      const line = lines[index];
      const endsColumn = index === lines.length - 1;
      if (isFurniture(line.text)) {
        emit({ kind: 'furniture', lines: [line] });
        index += 1;
        continue;
      }
      const continuation = parseContinuation(line.text);
      if (continuation !== null && continuation.remainder.trim() === '') {
        emit({ kind: 'jump', direction: continuation.direction, page: continuation.page, lines: [line] });
        index += 1;
        continue;
      }
      const run = lines.slice(index, index + MAX_BYLINE_LINES);
      const byline = parseByline(run.map((runLine) => runLine.text));
      if (byline !== null) {
        const bylineLines = run.slice(0, byline.lineCount);
        emit({ kind: 'byline', sourceTag: byline.sourceTag, credit: byline.credit, lines: bylineLines });
        if (byline.rest.trim() !== '') addText({ ...bylineLines[bylineLines.length - 1], text: byline.rest });
        index += byline.lineCount;
        continue;
      }
      const tag = parseSourceTag(line.text);
      if (tag !== null) {
        emit({ kind: 'source', sourceTag: tag.sourceTag, lines: [line] });
        if (tag.rest.trim() !== '') addText({ ...line, text: tag.rest });
        index += 1;
        continue;
      }
      const inColumn = endsColumn ? [] : after(index);
      if (readTrailingEndCredit(line, inColumn, endsColumn)) {
        index += 1;
        continue;
      }
      const creditLine = insideBracket() ? null : readCreditLine(line.text);
      if (creditLine !== null) {
        const position = creditLinePosition(after(index), endsColumn, creditLine.marked);
        emit({ kind: 'credit', credit: creditLine.credit, position, lines: [line] });
        index += 1;
        continue;
      }
      if (continuation !== null) {
        addText({ ...line, text: continuation.remainder });
        emit({ kind: 'jump', direction: continuation.direction, page: continuation.page, lines: [line] });
        index += 1;
        continue;
      }
      if (!readBracketedEndCredit(line)) addText(line);
      index += 1;
    }
  };

  blocks.forEach((block, blockIndex) => {
    flushText();
    gap = true;
    readBlock(block.lines, blocks[blockIndex + 1]?.lines ?? []);
  });
  flushText();
  return units;
}
