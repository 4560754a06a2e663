import type { Block } from '../layout/blocks';
import type { PageLine } from '../layout/lines';
import { parseByline, type Byline } from './byline';

/** The lines from one byline up to the next: the article's body, plus possibly stray headlines. */
export interface ArticleRegion {
  byline: Byline;
  /** Line the byline starts on. */
  bylineLine: number;
  /** Body blocks; the byline itself is cut away, the text after its closing bracket kept. */
  blocks: Block[];
}

export interface PageSegments {
  /** Blocks before the first byline. */
  prelude: Block[];
  regions: ArticleRegion[];
}

/**
 * Cuts the page at every byline. A byline need not follow a blank line, so blocks are split
 * wherever one starts.
 */
export function segmentByBylines(blocks: readonly Block[]): PageSegments {
  const prelude: Block[] = [];
  const regions: ArticleRegion[] = [];
  const currentBlocks = (): Block[] => (regions.length > 0 ? regions[regions.length - 1].blocks : prelude);

  for (const block of blocks) {
    let pending: PageLine[] = [];
    const flush = (): void => {
      if (pending.length > 0) currentBlocks().push({ lines: pending });
      pending = [];
    };
    let index = 0;
    while (index < block.lines.length) {
      const byline = parseByline(block.lines.slice(index).map((line) => line.text));
      if (byline === null) {
        pending.push(block.lines[index]);
        index += 1;
        continue;
      }
      flush();
      regions.push({ byline, bylineLine: block.lines[index].number, blocks: [] });
      const lastBylineLine = block.lines[index + byline.lineCount - 1];
      if (byline.rest.trim() !== '') pending.push({ ...lastBylineLine, text: byline.rest });
      index += byline.lineCount;
    }
    flush();
  }
  return { prelude, regions };
}
