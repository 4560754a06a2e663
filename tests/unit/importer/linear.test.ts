import { readFileSync } from 'node:fs';
import { extractPage } from '../../../src/importer/extract';
import { SAMPLE_PATH } from './pages';

/**
 * Extraction is linear in the page: what one line costs on a page of 32,000 lines is what it costs
 * on a page of 2,000, whatever the page is made of. A cost growing with the page (one pass over the
 * page per article, per sentence or per line) shows as a per-line cost many times higher on the
 * larger page; the bound is loose because a busy machine times in-process runs unevenly.
 */

const SIZES = [2_000, 32_000] as const;
/** A quadratic step would multiply its share of the per-line cost by 16 between these sizes. */
const MAX_GROWTH = 3;
const RUNS = 3;

const sampleLines = readFileSync(SAMPLE_PATH, 'utf8').split('\n');

const shapes: Record<string, (index: number) => string> = {
  'the sample page, repeated': (index) => sampleLines[index % sampleLines.length]!,
  'short lines, some of them credits': (index) => ['甲乙', '丙丁。', '记者 高山', '市长王明主持'][index % 4]!,
  'one paragraph that never ends a sentence': (index) => (index === 0 ? '本报讯（记者 高山）' : '市委副书记、市长王明，副市长李强'),
  'short blocks between column breaks': (index) => (index % 2 === 1 ? '' : ['市长主持', '加快建设', '项目开工', '标题'][index % 4]!),
};

/** Microseconds per line, the fastest of a few runs: noise only ever adds time. */
function perLine(lines: number, line: (index: number) => string): number {
  const bytes = Buffer.from(Array.from({ length: lines }, (_, index) => line(index)).join('\n'));
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    extractPage({ file: 'generated.txt', bytes });
    fastest = Math.min(fastest, performance.now() - start);
  }
  return (fastest * 1000) / lines;
}

describe('extraction cost', () => {
  it.each(Object.entries(shapes))('grows linearly with the page: %s', (_, line) => {
    // The large page first: it also compiles and warms the rules, which the small one must not pay for.
    const large = perLine(SIZES[1], line);
    const small = perLine(SIZES[0], line);
    expect(large / small).toBeLessThan(MAX_GROWTH);
  });
});
