import { isBlank, type PageLine } from './lines';

/**
 * A block is a run of non-blank lines. In this OCR output a blank line marks a column break,
 * which may or may not coincide with a paragraph break (see paragraphs.ts).
 */
export interface Block {
  lines: PageLine[];
  /** A subheading: a paragraph of its own, never the start or end of the sentence around it. */
  ownParagraph?: boolean;
}

export function splitBlocks(lines: readonly PageLine[]): Block[] {
  const blocks: Block[] = [];
  let current: PageLine[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}
