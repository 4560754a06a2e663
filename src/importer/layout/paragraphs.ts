import type { Block } from './blocks';
import type { PageLine } from './lines';

/**
 * Narrow columns break lines anywhere, even inside a word or a name, so lines are joined with
 * nothing in between, and whitespace inside the text is layout (OCR spacing around digits, a name
 * padded to three characters) except where it separates two ASCII words or numbers.
 */

const ASCII_ALPHANUMERIC = /[0-9A-Za-z]/;
const WHITESPACE = /\s/u;

/**
 * Text as the rules read it (`text`) beside the same text as printed (`printed`), of the same
 * length: the rules find a stretch in one and the extraction prints it from the other.
 */
export interface PrintedText {
  text: string;
  printed: string;
}

export function linesText(lines: readonly PageLine[]): PrintedText {
  return { text: lines.map((line) => line.text).join(''), printed: lines.map((line) => line.raw).join('') };
}

/** Whether the whitespace run at `offset` of `length` in `text` is layout, read on the matching copy. */
function isLayoutSpace(text: string, offset: number, length: number): boolean {
  const before = text[offset - 1] ?? '';
  const after = text[offset + length] ?? '';
  return !(ASCII_ALPHANUMERIC.test(before) && ASCII_ALPHANUMERIC.test(after));
}

/**
 * Removes layout whitespace from both copies at the same places, decided on the matching copy
 * (full-width digits read as digits there). `keepSpaceBetweenHan` keeps one space where it separates
 * Chinese words, as the two parts of a headline are printed (`老人迷路 民警护送回家`).
 */
export function compactPrinted(value: PrintedText, keepSpaceBetweenHan = false): PrintedText {
  let text = '';
  let printed = '';
  for (let offset = 0; offset < value.text.length; ) {
    if (!WHITESPACE.test(value.text[offset]!)) {
      text += value.text[offset];
      printed += value.printed[offset] ?? value.text[offset];
      offset += 1;
      continue;
    }
    let end = offset;
    while (end < value.text.length && WHITESPACE.test(value.text[end]!)) end += 1;
    const betweenHan = /\p{Script=Han}/u.test(value.text[offset - 1] ?? '') && /\p{Script=Han}/u.test(value.text[end] ?? '');
    const inner = offset > 0 && end < value.text.length;
    if (!isLayoutSpace(value.text, offset, end - offset) || (keepSpaceBetweenHan && betweenHan && inner)) {
      text += ' ';
      printed += ' ';
    }
    offset = end;
  }
  return { text, printed };
}

export function removeLayoutWhitespace(text: string): string {
  return compactPrinted({ text, printed: text }).text;
}

// A sentence end, optionally followed by closing quotes or brackets: `…。”` still ends it.
// An ellipsis (……) ends a sentence too.
const SENTENCE_END = /(?:[。！？]|…)[”’」』）】》]*$/;

/** Enough of a text's end to see whether it ends a sentence, with trailing spaces and quotes. */
const SENTENCE_END_WINDOW = 16;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim());
}

function concat(parts: readonly PrintedText[]): PrintedText {
  return { text: parts.map((part) => part.text).join(''), printed: parts.map((part) => part.printed).join('') };
}

/**
 * Blocks to paragraphs: a column break ends a paragraph only where a sentence ends; otherwise
 * the sentence simply continues in the next column. A subheading is a paragraph of its own.
 */
export function buildParagraphs(blocks: readonly Block[]): PrintedText[] {
  const paragraphs: PrintedText[] = [];
  let pending: PrintedText[] = [];
  let pendingEnd = '';
  const flush = (): void => {
    if (pending.length > 0) paragraphs.push(compactPrinted(concat(pending)));
    pending = [];
    pendingEnd = '';
  };
  for (const block of blocks) {
    const text = linesText(block.lines);
    if (block.ownParagraph) {
      flush();
      pending = [text];
      flush();
      continue;
    }
    pending.push(text);
    // Only the end matters; testing the whole growing text would make a long article quadratic.
    pendingEnd = (pendingEnd + text.text).slice(-SENTENCE_END_WINDOW);
    if (endsSentence(pendingEnd)) flush();
  }
  flush();
  return paragraphs.filter((paragraph) => paragraph.text !== '');
}
