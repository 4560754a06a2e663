import { entityVocab, titleCores } from '../../../../src/importer/vocab/entity-vocab';

describe('entity vocabulary', () => {
  it('expands the ends of titles: organs × deputies × posts, and a deputy before the level for heads of government', () => {
    const cores = titleCores({
      levels: ['市'],
      placeSuffixes: ['市'],
      deputyPrefixes: ['副', '代'],
      formerMarkers: ['原'],
      postsWithoutDeputy: ['常委'],
      headPost: '长',
      organPosts: [{ organs: ['委'], posts: ['书记', '常委'], kind: 'department' }],
      standalone: ['秘书长'],
      prefixStops: [],
      prefixStopCharacters: [],
      conjunctions: [],
      maxPrefixLength: 16,
    });
    expect(new Set(cores.map(({ text, kind }) => `${text}:${kind}`))).toEqual(
      new Set([
        '市长:head',
        '副市长:head',
        '代市长:head',
        '委书记:department',
        '委副书记:department',
        '委代书记:department',
        '委常委:department',
        '秘书长:standalone',
        '副秘书长:standalone',
        '代秘书长:standalone',
        // A post printed bare counts only after another title and a 、 (`某某局党委书记、局长`).
        '书记:associated',
        '副书记:associated',
        '代书记:associated',
        '常委:associated',
      ]),
    );
    expect(cores[0]!.text.length).toBe(Math.max(...cores.map(({ text }) => text.length)));
  });

  it('loads the shipped files: title ends at every level without any place, several hundred surnames, kinds longest first', () => {
    const cores = entityVocab.titles.cores.map(({ text }) => text);
    for (const core of [
      '委常委',
      '人大常委会主任',
      '政协副主席',
      '常务副市长',
      '代县长',
      '厅副厅长',
      '管委会主任',
      '党工委书记',
      '中央政治局委员',
      '国务院副总理',
      '人大常委会副委员长',
      '政协原副主席',
      '处处长',
    ]) {
      expect(cores).toContain(core);
    }
    expect(cores.some((core) => core.includes('郑州') || core.includes('河南'))).toBe(false);
    expect(entityVocab.surnames.single.size).toBeGreaterThan(300);
    expect(entityVocab.surnames.compound.has('欧阳')).toBe(true);
    for (const rare of entityVocab.surnames.rare) expect(entityVocab.surnames.single.has(rare)).toBe(false);
    expect(entityVocab.platforms.kinds.indexOf('重点实验室')).toBeLessThan(entityVocab.platforms.kinds.indexOf('实验室'));
  });
});
