import type { Block } from '../layout/blocks';
import { lineEnd, sliceLine, type PageLine } from '../layout/lines';
import { endsSentence } from '../layout/paragraphs';
import { bylineVocab } from '../vocab/article-vocab';
import { MAX_BYLINE_LINES, parseByline, parseSourceTag } from './byline';
import { parseContinuation, type Continuation } from './continuation';
import { awaitsNames, brokenAtLastName, isCompleteCredit, isOutletName, parseCredit, stripCreditMarker, type ParsedCredit } from './credits';
import { isFurniture } from './furniture';

/**
 * Pass 1: what each stretch of the page is, line by line. A unit is a run of lines of one kind;
 * a line may be cut in two where a byline ends or an end credit begins, and each part keeps the
 * line's number. Nothing here decides which article a unit belongs to: that is pass 2, which
 * weighs what this pass found (a credit line's position is a cue, `either` where the page does not
 * say).
 */

interface UnitBase {
  lines: PageLine[];
  /** A blank line (a column break) or the top of the page comes right before this unit. */
  gapBefore: boolean;
}

export type CreditPosition = 'start' | 'end' | 'either';

export type Unit =
  | (UnitBase & { kind: 'furniture' })
  | (UnitBase & {
      kind: 'jump';
      direction: Continuation['direction'];
      page: string;
    })
  | (UnitBase & {
      kind: 'byline';
      sourceTag: string | null;
      credit: ParsedCredit;
    })
  | (UnitBase & { kind: 'source'; sourceTag: string })
  | (UnitBase & {
      kind: 'credit';
      credit: ParsedCredit;
      position: CreditPosition;
    })
  /** A picture's caption ending in its photographer's credit: the article's, but not its text. */
  | (UnitBase & { kind: 'caption'; credit: ParsedCredit })
  | (UnitBase & { kind: 'text' });

/** A unit as read, before `emit` notes whether a column break came before it (Omit for each kind). */
type UnitWithoutGap<U extends Unit = Unit> = U extends unknown ? Omit<U, 'gapBefore'> : never;

const SENTENCE_PUNCTUATION = /[，。；！？]/u;
const captionMarkers = new Set(bylineVocab.captionMarkers);
const OPENING_BRACKET = /[（【]/gu;
const CLOSING_BRACKET = /[）】]/gu;
const CLOSES_WITH_BRACKET = /[）】]\s*$/u;
const ANY_BRACKET = /[（）【】]/u;
const SENTENCE_END_CHARACTERS = /(?:[。！？]|…+)[”’」』]*/gu;
/** How many lines before its closing bracket an end credit may have started. */
const MAX_END_CREDIT_LINES = 3;
/** A caption is a few lines under a picture; a longer block ending in a photo credit is an article's end. */
const MAX_CAPTION_LINES = 4;
/** Words of a caption's text that a trailing photo credit may take: outlet and role, name, 摄. */
const MAX_PHOTO_CREDIT_WORDS = 4;
/** Words that credit a picture (摄, 摄影, 摄影记者): a photo credit holds one near the end of its text. */
const PHOTO_WORDS = [
  ...Object.entries(bylineVocab.creditWorks),
  ...Object.entries(bylineVocab.creditRoles),
].flatMap(([word, role]) => (role === 'photographer' ? [word] : []));
/** How far from the end of a caption its photo word stands at most (`摄影记者 欧阳某某`). */
const PHOTO_WORD_REACH = 12;

/**
 * A credit printed on a line of its own: `□晚报记者 甲`, `记者 甲 文/图`, `摄影 甲`. `awaiting`: its
 * last role word waits for names on the next line; `broken`: the line broke inside its last name
 * (`…通讯员 孔` / `凤茹 报道`), which the next line completes.
 */
function readCreditLine(text: string): {
  credit: ParsedCredit;
  marked: boolean;
  awaiting: boolean;
  broken: boolean;
} | null {
  const { marked, text: unmarked } = stripCreditMarker(text);
  if (unmarked === '' || SENTENCE_PUNCTUATION.test(unmarked) || ANY_BRACKET.test(unmarked)) return null;
  const credit = parseCredit(unmarked, { strictNames: true });
  if (!(marked || credit.labelled) || credit.credits.length === 0) return null;
  if (isCompleteCredit(credit)) return { credit, marked, awaiting: false, broken: false };
  if (awaitsNames(credit)) return { credit, marked, awaiting: true, broken: false };
  return brokenAtLastName(credit, unmarked) ? { credit, marked, awaiting: false, broken: true } : null;
}

/** Names alone on a line, completing the credit line above (`本报记者 甲 通讯员` / `乙`). */
function readNamesLine(text: string): boolean {
  if (SENTENCE_PUNCTUATION.test(text) || ANY_BRACKET.test(text)) return false;
  const credit = parseCredit(text, { strictNames: true });
  return !credit.labelled && isCompleteCredit(credit);
}

function lastIndexOfPattern(text: string, pattern: RegExp): number {
  let index = -1;
  for (const match of text.matchAll(pattern)) index = match.index;
  return index;
}

/** A labelled credit taking up the rest of `text` after the sentence end at `sentenceEnd`. */
function creditAfterSentence(text: string, sentenceEnd: number): { text: string; credit: ParsedCredit } | null {
  const rest = text.slice(sentenceEnd).replace(/^[。！？”’」』]+/u, '');
  if (rest.trim() === '') return null;
  const candidate = readCreditLine(rest);
  return candidate !== null && !candidate.awaiting && candidate.credit.labelled ? { text: rest, credit: candidate.credit } : null;
}

/** `……基地 本报记者 甲 摄`: the longest photo credit closing a caption, and where it starts in `text`. */
function trailingPhotoCredit(text: string): { start: number; credit: ParsedCredit } | null {
  const tail = text.slice(-PHOTO_WORD_REACH);
  if (!PHOTO_WORDS.some((word) => tail.includes(word))) return null;
  const words = [...text.matchAll(/\S+/gu)];
  const starts = words.slice(-MAX_PHOTO_CREDIT_WORDS).map((word) => word.index);
  // `……开城。甲 摄`: the photographer's name printed right after the caption's full stop.
  let sentenceEnd = -1;
  for (const match of text.matchAll(SENTENCE_END_CHARACTERS)) sentenceEnd = match.index + match[0].length;
  if (sentenceEnd > 0 && sentenceEnd < text.length) starts.push(sentenceEnd);
  for (const start of [...new Set(starts)].filter((start) => start > 0).sort((a, b) => a - b)) {
    const credit = parseCredit(text.slice(start));
    if (credit.photo && credit.labelled && isCompleteCredit(credit)) return { start, credit };
  }
  return null;
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
    const indent = printed.text.length - printed.text.trimStart().length;
    const line = captionMarkers.has(printed.text[indent] ?? '') ? sliceLine(printed, indent + 1) : printed;
    if (text.length === 0) {
      textGap = gap;
      gap = false;
    }
    text.push(line);
  };
  /** The text line printed before the `runIndex`-th line of the current text run, across column breaks. */
  const textBefore = (runIndex: number): string | null => {
    if (runIndex > 0) return text[runIndex - 1]!.text;
    const last = units.at(-1);
    return last?.kind === 'text' ? last.lines[last.lines.length - 1]!.text : null;
  };
  const previousText = (): string | null => textBefore(text.length);
  /** The text run ends inside brackets (`……。（郑` + `报全媒体记者 甲`): what follows is no line of its own. */
  const insideBracket = (): boolean => {
    const last = text.at(-1)?.text ?? '';
    return lastIndexOfPattern(last, OPENING_BRACKET) > lastIndexOfPattern(last, CLOSING_BRACKET);
  };

  const opensArticle = (run: readonly PageLine[]): boolean =>
    run.length > 0 && (parseByline(run.map((line) => line.text)) !== null || parseSourceTag(run.map((line) => line.text)) !== null);

  /**
   * A credit line opens the next article when it carries a marker (□), precedes a source tag, or
   * stands at the top of its column with the lead under it; it closes the article above when it
   * ends its column after a finished sentence. Between two finished sentences it could do either.
   */
  const creditLinePosition = (after: readonly PageLine[], endsColumn: boolean, marked: boolean): CreditPosition => {
    if (marked || opensArticle(after)) return 'start';
    const before = previousText();
    const finishedBefore = before !== null && endsSentence(before);
    if (endsColumn) return finishedBefore ? 'end' : 'start';
    return finishedBefore && text.length > 0 ? 'either' : 'start';
  };

  /** `……。（记者 甲）` at the end of `line`, its bracket possibly opened a line or two before. */
  const readBracketedEndCredit = (line: PageLine): boolean => {
    if (!CLOSES_WITH_BRACKET.test(line.text)) return false;
    const closing = line.text.trimEnd().length - 1;
    let openLine = -1; // index into `text`, or -1 for this line
    let open = lastIndexOfPattern(line.text.slice(0, closing), OPENING_BRACKET);
    for (let back = 1; open < 0 && back < MAX_END_CREDIT_LINES && back <= text.length; back += 1) {
      open = lastIndexOfPattern(text[text.length - back]!.text, OPENING_BRACKET);
      if (open >= 0) openLine = text.length - back;
    }
    if (open < 0) return false;
    const opening = openLine < 0 ? line : text[openLine]!;
    const carried = openLine < 0 ? [] : text.slice(openLine + 1);
    const inner =
      openLine < 0
        ? line.text.slice(open + 1, closing)
        : [opening.text.slice(open + 1), ...carried.map((carriedLine) => carriedLine.text), line.text.slice(0, closing)].join('');
    if (ANY_BRACKET.test(inner)) return false;
    // `……热潮。某某日报吉林记者站（记者 甲）`: the paper's bureau printed before the brackets.
    const beforeBracket = opening.text.slice(0, open);
    let sentenceEnd = 0;
    for (const match of beforeBracket.matchAll(SENTENCE_END_CHARACTERS)) sentenceEnd = match.index + match[0].length;
    const outlet = beforeBracket.slice(sentenceEnd).trim();
    const creditStart = outlet !== '' && isOutletName(outlet) ? sentenceEnd : open;
    const before = opening.text.slice(0, creditStart);
    const precedingText = before.trim() !== '' ? before : textBefore(openLine < 0 ? text.length : openLine);
    if (precedingText !== null && !endsSentence(precedingText)) return false;
    const parsed = parseCredit(inner);
    if (!isCompleteCredit(parsed)) return false;
    const credit = creditStart < open && parsed.outlet === null ? { ...parsed, outlet } : parsed;

    if (openLine >= 0) text = text.slice(0, openLine);
    if (before.trim() !== '') addText(sliceLine(opening, 0, creditStart));
    emit({
      kind: 'credit',
      credit,
      position: 'end',
      lines: [sliceLine(opening, creditStart), ...carried, ...(openLine < 0 ? [] : [line])],
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
      addText(sliceLine(line, 0, line.text.length - afterEnd.text.length));
      emit({
        kind: 'credit',
        credit: afterEnd.credit,
        position: 'end',
        lines: [lineEnd(line, afterEnd.text.length)],
      });
      return true;
    }
    const previous = text.at(-1);
    const previousEnd = previous ? lastIndexOfPattern(previous.text, SENTENCE_END_CHARACTERS) : -1;
    if (!endsColumn || previous === undefined || previousEnd < 0) return false;
    const started = creditAfterSentence(previous.text + line.text, previousEnd);
    if (started === null || started.text.length <= line.text.length) return false;
    const head = started.text.slice(0, started.text.length - line.text.length);
    text[text.length - 1] = sliceLine(previous, 0, previous.text.length - head.length);
    emit({
      kind: 'credit',
      credit: started.credit,
      position: 'end',
      lines: [lineEnd(previous, head.length), line],
    });
    return true;
  };

  /**
   * Credit lines standing together (`南方日报记者 甲 乙` / `通讯员 丙`) are one credit; a line whose
   * last role word waits for its names takes the names on the line under it.
   */
  const readCreditLines = (lines: readonly PageLine[], index: number): { credit: ParsedCredit; marked: boolean; count: number } | null => {
    let count = 0;
    let marked = false;
    const parts: string[] = [];
    while (index + count < lines.length) {
      const line = lines[index + count]!;
      const read = readCreditLine(line.text);
      if (read === null) break;
      if (read.awaiting || read.broken) {
        const next = lines[index + count + 1];
        if (next === undefined) break;
        // Names alone complete a role word; the rest of a broken name is glued to its start.
        const joined = read.awaiting ? `${stripCreditMarker(line.text).text} ${next.text.trim()}` : `${stripCreditMarker(line.text).text.trimEnd()}${next.text.trim()}`;
        const completes = read.awaiting ? readNamesLine(next.text) : (readCreditLine(joined)?.awaiting ?? true) === false;
        if (!completes) break;
        parts.push(joined);
        count += 2;
      } else {
        parts.push(stripCreditMarker(line.text).text);
        count += 1;
      }
      marked ||= read.marked;
    }
    if (count === 0) return null;
    return {
      credit: parseCredit(parts.join(' '), { strictNames: true }),
      marked,
      count,
    };
  };

  const readBlock = (lines: readonly PageLine[], next: readonly PageLine[]): void => {
    /** The lines after `index`, in this column or at the top of the next: a byline never spans a break. */
    const after = (index: number): PageLine[] =>
      index + 1 < lines.length ? lines.slice(index + 1, index + 1 + MAX_BYLINE_LINES) : next.slice(0, MAX_BYLINE_LINES);
    for (let index = 0; index < lines.length; ) {
      const line = lines[index]!;
      const endsColumn = index === lines.length - 1;
      if (isFurniture(line.text)) {
        emit({ kind: 'furniture', lines: [line] });
        index += 1;
        continue;
      }
      const continuation = parseContinuation(line.text);
      if (continuation !== null && continuation.remainder.trim() === '') {
        const jumpLength = line.text.length - continuation.following.length;
        emit({
          kind: 'jump',
          direction: continuation.direction,
          page: continuation.page,
          lines: [sliceLine(line, 0, jumpLength)],
        });
        if (continuation.following.trim() !== '') addText(lineEnd(line, continuation.following.length));
        index += 1;
        continue;
      }
      const run = lines.slice(index, index + MAX_BYLINE_LINES);
      const byline = text.length === 0 || endsSentence(previousText() ?? '。') ? parseByline(run.map((runLine) => runLine.text)) : null;
      if (byline !== null) {
        const bylineLines = run.slice(0, byline.lineCount);
        emit({
          kind: 'byline',
          sourceTag: byline.sourceTag,
          credit: byline.credit,
          lines: bylineLines,
        });
        if (byline.rest.trim() !== '') addText(lineEnd(bylineLines[bylineLines.length - 1]!, byline.rest.length));
        index += byline.lineCount;
        continue;
      }
      const tag = text.length === 0 || endsSentence(previousText() ?? '。') ? parseSourceTag(run.map((runLine) => runLine.text)) : null;
      if (tag !== null) {
        const tagLines = run.slice(0, tag.lineCount);
        if (tag.credit !== null)
          emit({
            kind: 'byline',
            sourceTag: tag.sourceTag,
            credit: tag.credit,
            lines: tagLines,
          });
        else emit({ kind: 'source', sourceTag: tag.sourceTag, lines: tagLines });
        if (tag.rest.trim() !== '') addText(lineEnd(tagLines.at(-1)!, tag.rest.length));
        index += tag.lineCount;
        continue;
      }
      const inColumn = endsColumn ? [] : after(index);
      if (readTrailingEndCredit(line, inColumn, endsColumn)) {
        index += 1;
        continue;
      }
      const creditLines = insideBracket() ? null : readCreditLines(lines, index);
      if (creditLines !== null) {
        const last = index + creditLines.count - 1;
        // A tag under a credit line opens the same article only in the same column.
        const underIt = last === lines.length - 1 ? [] : after(last);
        const position = creditLinePosition(underIt, last === lines.length - 1, creditLines.marked);
        emit({
          kind: 'credit',
          credit: creditLines.credit,
          position,
          lines: lines.slice(index, last + 1),
        });
        index += creditLines.count;
        continue;
      }
      if (continuation !== null) {
        addText(sliceLine(line, 0, continuation.remainder.length));
        emit({
          kind: 'jump',
          direction: continuation.direction,
          page: continuation.page,
          lines: [line],
        });
        index += 1;
        continue;
      }
      if (!readBracketedEndCredit(line)) addText(line);
      index += 1;
    }
  };

  /** A whole short block ending in a photo credit is a caption (`……基地 本报记者 甲 摄`). */
  /**
   * The block finishes a sentence the column above left open: the text above is running text (it
   * holds punctuation, which a headline does not) and stops mid-sentence.
   */
  const continuesRunningText = (): boolean => {
    const last = units.at(-1);
    if (last?.kind !== 'text') return false;
    const above = last.lines.map((line) => line.text).join('');
    return /[，、；：。！？]/u.test(above) && !endsSentence(above);
  };

  const readCaption = (lines: readonly PageLine[]): boolean => {
    if (lines.length > MAX_CAPTION_LINES) return false;
    const joined = lines.map((line) => line.text).join('');
    const photo = trailingPhotoCredit(joined);
    if (photo === null || continuesRunningText()) return false;
    // A caption labels its picture in one sentence at most; text of several sentences with a
    // photographer's credit is a picture story, an article of its own.
    const caption = joined.slice(0, photo.start).trimEnd();
    const sentenceEnds = [...caption.matchAll(SENTENCE_END_CHARACTERS)];
    const lastEnd = sentenceEnds.at(-1);
    if (sentenceEnds.length > 1 || (lastEnd !== undefined && lastEnd.index + lastEnd[0].length < caption.length)) return false;
    emit({ kind: 'caption', credit: photo.credit, lines: [...lines] });
    return true;
  };

  blocks.forEach((block, blockIndex) => {
    flushText();
    gap = true;
    if (readCaption(block.lines)) return;
    readBlock(block.lines, blocks[blockIndex + 1]?.lines ?? []);
  });
  flushText();
  return units;
}
