import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitBlocks, type Block } from '../../../src/importer/layout/blocks';
import { splitLines } from '../../../src/importer/layout/lines';

export const ROOT = join(__dirname, '..', '..', '..');
export const SAMPLE_PATH = join(ROOT, 'seeds', '000_c63cc6bb5a561820.txt');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pages');

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function readFixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** Blocks of a page written inline; `\n` separated, blank lines are column breaks. */
export function blocksOf(text: string): Block[] {
  return splitBlocks(splitLines(text));
}
