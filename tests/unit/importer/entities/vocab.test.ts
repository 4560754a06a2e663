import { entityVocab, expandTitles } from '../../../../src/importer/vocab/entity-vocab';

describe('entity vocabulary', () => {
  it('expands organs × posts × deputies, with the deputy before the organ for heads of government', () => {
    const titles = expandTitles({
      places: ['某省'],
      deputyPrefixes: ['副', '常务副'],
      postsWithoutDeputy: ['常委'],
      organPosts: [
        { organs: ['市委'], posts: ['书记', '常委'], deputyBeforeOrgan: false },
        { organs: ['市'], posts: ['长'], deputyBeforeOrgan: true },
      ],
      standalone: ['秘书长'],
    });
    expect(new Set(titles)).toEqual(
      new Set(
        ['市委书记', '市委副书记', '市委常务副书记', '市委常委', '市长', '副市长', '常务副市长', '秘书长'].flatMap(
          (title) => [title, `某省${title}`],
        ),
      ),
    );
    expect(titles[0]!.length).toBe(Math.max(...titles.map((title) => title.length)));
  });

  it('loads the shipped files: titles at every level, several hundred surnames, kinds longest first', () => {
    for (const title of ['省委常委', '市人大常委会主任', '市政协副主席', '常务副市长', '区委书记', '河南省副省长']) {
      expect(entityVocab.titles).toContain(title);
    }
    expect(entityVocab.surnames.single.size).toBeGreaterThan(300);
    expect(entityVocab.surnames.compound.has('欧阳')).toBe(true);
    expect(entityVocab.platforms.kinds.indexOf('重点实验室')).toBeLessThan(entityVocab.platforms.kinds.indexOf('实验室'));
  });
});
