import type { Block } from './blocks';

/**
 * Narrow columns break lines anywhere, even inside a word or a name, so lines are joined with
 * nothing in between, and whitespace inside the text is layout (OCR spacing around digits) except
 * where it separates two ASCII words or numbers.
 */

const ASCII_ALPHANUMERIC = /[0-9A-Za-z]/;

export function removeLayoutWhitespace(text: string): string {
  return text.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return ASCII_ALPHANUMERIC.test(before) && ASCII_ALPHANUMERIC.test(after) ? ' ' : '';
  });
}

// A sentence end, optionally followed by closing quotes or brackets: `…。”` still ends it.
const SENTENCE_END = /[。！？!?][”’」』）)】》]*$/;

/** Enough of a text's end to see whether it ends a sentence, with trailing spaces and quotes. */
const SENTENCE_END_WINDOW = 16;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim());
}

/**
 * Blocks to paragraphs: a column break ends a paragraph only where a sentence ends; otherwise
 * the sentence simply continues in the next column. A subheading is a paragraph of its own.
 */
export function buildParagraphs(blocks: readonly Block[]): string[] {
  const paragraphs: string[] = [];
  let pending = '';
  for (const block of blocks) {
    const text = block.lines.map((line) => line.text).join('');
    if (block.ownParagraph) {
      paragraphs.push(removeLayoutWhitespace(pending), removeLayoutWhitespace(text));
      pending = '';
      continue;
    }
    pending += text;
    // Only the end matters; testing the whole growing text would make a long article quadratic.
    if (endsSentence(pending.slice(-SENTENCE_END_WINDOW))) {
      paragraphs.push(removeLayoutWhitespace(pending));
      pending = '';
    }
  }
  paragraphs.push(removeLayoutWhitespace(pending));
  return paragraphs.filter((paragraph) => paragraph !== '');
}
