import type { Block } from '../layout/blocks';
import { continuationVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * `更多报道请继续阅读A04版`, `（下转A04版）`: the article goes on on another page. `上接A01版`
 * says where it came from. Either way the pointer is page furniture, not body text.
 */
export interface Continuation {
  direction: 'continuedOn' | 'continuedFrom';
  /** Page code such as `A04`. */
  page: string;
  /** Body text printed before a pointer that closes a line; empty for a pointer on its own line. */
  remainder: string;
}

const verbs = alternation([...continuationVocab.continuedOnVerbs, ...continuationVocab.continuedFromVerbs]);
const pointer = `(${verbs})\\s*第?\\s*([A-Z]{0,2}\\s*\\d{1,3})\\s*版`;
const WHOLE_LINE = new RegExp(`^\\s*[（(]?\\s*${pointer}\\s*[）)]?\\s*$`, 'u');
// Only a bracketed pointer may share a line with body text; unbracketed, `转…版` could be prose.
const LINE_ENDING = new RegExp(`[（(]\\s*${pointer}\\s*[）)]\\s*$`, 'u');

function toContinuation(match: RegExpExecArray, remainder: string): Continuation {
  const [, verb, page] = match;
  return {
    direction: continuationVocab.continuedFromVerbs.includes(verb) ? 'continuedFrom' : 'continuedOn',
    page: page.replace(/\s+/g, ''),
    remainder,
  };
}

/** Reads a continuation pointer from a normalized line, or returns null. */
export function parseContinuation(text: string): Continuation | null {
  const whole = WHOLE_LINE.exec(text);
  if (whole) return toContinuation(whole, '');
  const ending = LINE_ENDING.exec(text);
  if (ending) return toContinuation(ending, text.slice(0, ending.index));
  return null;
}

export function isContinuationLine(text: string): boolean {
  return WHOLE_LINE.test(text);
}

/**
 * Removes continuation pointers from body blocks. Only where the article continues matters to
 * the reader; a `上接` marker is dropped without a trace.
 */
export function stripContinuations(blocks: readonly Block[]): { blocks: Block[]; continuedOn: string | null } {
  let continuedOn: string | null = null;
  const stripped = blocks
    .map((block) => ({
      lines: block.lines.flatMap((line) => {
        const continuation = parseContinuation(line.text);
        if (continuation === null) return [line];
        if (continuation.direction === 'continuedOn') continuedOn ??= continuation.page;
        return continuation.remainder.trim() === '' ? [] : [{ ...line, text: continuation.remainder }];
      }),
    }))
    .filter((block) => block.lines.length > 0);
  return { blocks: stripped, continuedOn };
}

/**
 * A `上接A01版` line after some body text opens the rest of an article printed on another page:
 * it ends the article before it, and the text after it (up to the next byline) is not part of
 * that article. Returns the article's own blocks and the carried-over text, pointer removed.
 */
export function splitAtContinuedFrom(blocks: readonly Block[]): { own: Block[]; carriedOver: Block[] } {
  let seenBody = false;
  for (const [blockIndex, block] of blocks.entries()) {
    for (const [lineIndex, line] of block.lines.entries()) {
      const continuation = WHOLE_LINE.exec(line.text) ? parseContinuation(line.text) : null;
      if (continuation?.direction === 'continuedFrom' && seenBody) {
        const before = block.lines.slice(0, lineIndex);
        const after = block.lines.slice(lineIndex + 1);
        return {
          own: [...blocks.slice(0, blockIndex), ...(before.length > 0 ? [{ lines: before }] : [])],
          carriedOver: [...(after.length > 0 ? [{ lines: after }] : []), ...blocks.slice(blockIndex + 1)],
        };
      }
      if (continuation === null && line.text.trim() !== '') seenBody = true;
    }
  }
  return { own: [...blocks], carriedOver: [] };
}
