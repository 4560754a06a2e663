import { highlightAll, snippet } from '../../../src/search/highlight';
import { gramSet, gramText, normalizeText, requiredGrams, runsOf } from '../../../src/search/normalize';

describe('normalizing and grams', () => {
  it('folds full-width forms and case, and splits runs at punctuation and spaces', () => {
    expect(normalizeText('５Ｇ基站，Ａ04版')).toBe('5g基站,a04版');
    expect(runsOf(normalizeText('郑州市 “5G”基站（A04）'))).toEqual(['郑州市', '5g', '基站', 'a04']);
  });

  it('indexes the pairs of a run and its last character', () => {
    expect(gramText('郑州市。5G')).toBe('郑州 州市 市 5g g');
    expect(requiredGrams('郑州市')).toEqual(['郑州', '州市']);
    expect(requiredGrams('郑')).toEqual(['郑']);
    expect(gramSet('郑州').sort()).toEqual(['州', '郑', '郑州'].sort());
  });
});

describe('highlighting', () => {
  it('marks hits in the text as printed, found in its normalized form', () => {
    expect(highlightAll('新建５Ｇ基站', ['5g'])).toBe('新建<mark>５Ｇ</mark>基站');
    expect(highlightAll('郑州郑州', ['郑州'])).toBe('<mark>郑州</mark><mark>郑州</mark>');
  });

  it('merges overlapping hits and escapes everything else', () => {
    expect(highlightAll('<b>郑州市</b>', ['郑州', '州市'])).toBe('&lt;b&gt;<mark>郑州市</mark>&lt;/b&gt;');
    expect(highlightAll(`"'&`, ['x'])).toBe('&quot;&#39;&amp;');
  });

  it('cuts a snippet around the first hit with ellipses', () => {
    const text = `${'甲'.repeat(200)}郑州${'乙'.repeat(200)}`;
    const cut = snippet(text, ['郑州'], 40);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('<mark>郑州</mark>');
    expect(snippet('短文', ['无'], 40)).toBe('短文');
  });
});
