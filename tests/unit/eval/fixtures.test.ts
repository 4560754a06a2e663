import { evaluate } from '../../../src/cli/eval';
import { FIELDS, isPerfect } from '../../../src/eval/score';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../importer/pages';

/**
 * Every fixture page with a gold file must score 100%: `npm run eval` shows where the rules stand,
 * this keeps them there. A failure lists what each page missed or added.
 */
describe('gold fixture pages', () => {
  const results = evaluate([FIXTURES]);

  it('include the sample page and the fixtures of every form', () => {
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(results.map((result) => result.name)).toContain('000_c63cc6bb5a561820.txt');
  });

  it.each(results.map((result) => [result.name, result] as const))('%s is extracted as its gold file says', (_, result) => {
    expect(result.error).toBeNull();
    expect(result.differences).toEqual([]);
    for (const field of FIELDS) expect(isPerfect(result.counts[field])).toBe(true);
  });
});

describe('held-out pages', () => {
  it('have valid gold files and pages the importer reads (their scores are reported, not enforced)', () => {
    const results = evaluate([join(ROOT, 'tests', 'fixtures', 'heldout')]);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.map((result) => result.error)).toEqual(results.map(() => null));
  });
});
