import { readFileSync } from 'node:fs';
import { extractPage } from '../../../../src/importer/extract';
import { articleKey, disambiguateKeys } from '../../../../src/importer/articles/key';
import { SAMPLE_PATH } from '../pages';

describe('articleKey', () => {
  it('is a short hex key', () => {
    expect(articleKey('本报讯（记者 高山）正文。')).toMatch(/^a-[0-9a-f]{16}$/);
  });

  it('ignores whitespace, line endings and full-width digits', () => {
    const printed = '本报讯（记者 高山）1月 28\n日，正文。';
    expect(articleKey('本报讯（记者　高山）１月２８\r\n日，正文。')).toBe(articleKey(printed));
  });

  it('depends only on the first 120 characters', () => {
    const start = '甲'.repeat(120);
    expect(articleKey(`${start}乙`)).toBe(articleKey(`${start}丙`));
    expect(articleKey(`乙${start}`)).not.toBe(articleKey(`丙${start}`));
  });
});

describe('disambiguateKeys', () => {
  it('suffixes repeated keys in page order', () => {
    expect(disambiguateKeys(['a-1', 'a-2', 'a-1', 'a-1'])).toEqual(['a-1', 'a-2', 'a-1-2', 'a-1-3']);
  });
});

describe('keys of the sample page', () => {
  // Databases and other engineers' tests hold these keys: changing one orphans an imported article.
  it('stay what they have always been', () => {
    const { extraction } = extractPage({ file: SAMPLE_PATH, bytes: readFileSync(SAMPLE_PATH) });
    expect(extraction.articles.map((article) => article.key)).toEqual([
      'a-13ea0aec8ee546ca',
      'a-641e267ab7a16f42',
      'a-ee10ede6e143870b',
    ]);
  });
});
