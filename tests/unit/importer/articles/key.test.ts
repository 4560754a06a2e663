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

describe('keys of articles found without a byline', () => {
  it('come from the article’s own lines, so where its headline is printed does not change them', () => {
    const body = '3月24日，全市老旧小区已加装电梯126部，居民申请更加便捷。（记者 祁思远）';
    const keyOf = (page: string) =>
      extractPage({ file: 'page.txt', bytes: Buffer.from(page, 'utf8') }).extraction.articles[0].key;
    const headlineBefore = keyOf(`老旧小区加装电梯提速\n\n${body}`);
    expect(keyOf(`${body}\n\n老旧小区加装电梯提速`)).toBe(headlineBefore);
    expect(keyOf(`${body}\n\n老旧小区加装电梯提速`)).toBe(articleKey(body));
  });
});
