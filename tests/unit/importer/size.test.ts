import { readFileSync } from 'node:fs';
import { PageError } from '../../../src/importer/errors';
import { extractPage } from '../../../src/importer/extract';
import { MAX_PAGE_BYTES, MAX_PAGE_LINES } from '../../../src/importer/layout/decode';
import { SAMPLE_PATH } from './pages';

/**
 * Time must grow with the page, not with its square. No timing is asserted (the machine is shared);
 * pages near the limit simply have to finish, and larger ones are refused before any parsing.
 */
const sampleLines = readFileSync(SAMPLE_PATH, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

function pageOf(lineCount: number, makeLine: (index: number) => string): Buffer {
  return Buffer.from(Array.from({ length: lineCount }, (_, index) => makeLine(index)).join('\n'), 'utf8');
}

describe('page size', () => {
  jest.setTimeout(120_000);

  it('refuses a 200,000-line page without blank lines with a clear error', () => {
    const bytes = pageOf(200_000, (index) => sampleLines[index % sampleLines.length]);
    expect(() => extractPage({ file: 'huge.txt', bytes })).toThrow(PageError);
    expect(() => extractPage({ file: 'huge.txt', bytes })).toThrow(
      `page too large (${bytes.length} bytes > ${MAX_PAGE_BYTES} bytes)`,
    );
  });

  it('extracts a page just under the line limit, without blank lines, to the end', () => {
    const lineCount = MAX_PAGE_LINES - 1000;
    const bytes = pageOf(lineCount, (index) => sampleLines[index % sampleLines.length]);
    expect(bytes.length).toBeLessThan(MAX_PAGE_BYTES);
    const { extraction } = extractPage({ file: 'big.txt', bytes });
    expect(extraction.articles.length).toBeGreaterThan(100);
    expect(extraction.articles.at(-1)!.lines.last).toBeGreaterThan(lineCount - sampleLines.length);
  });

  it('gets through one long article of chained titles and one of numbers', () => {
    const titles = pageOf(20_000, (index) => (index === 0 ? '本报讯（记者 高山）' : '市委副书记市长代市长'));
    expect(extractPage({ file: 'titles.txt', bytes: titles }).extraction.articles).toHaveLength(1);
    const numbers = pageOf(20_000, (index) => (index === 0 ? '本报讯（记者 高山）' : '新增12个项目30家'));
    expect(extractPage({ file: 'numbers.txt', bytes: numbers }).extraction.articles).toHaveLength(1);
  });
});
