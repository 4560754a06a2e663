import { mentionedNames, NO_ALIASES, withAliases, withoutDeleted } from '../../../../src/importer/plan/curation';
import { officialMention, projectMention, extractedArticle, extractionOf } from '../../../helpers/extraction';

const page = extractionOf([
  extractedArticle({
    key: 'a',
    officials: [officialMention('周立新', ['市长']), officialMention('周立兴', ['市委副书记'])],
    projects: [projectMention('甲项目', null), projectMention('甲项目二期', 'signed')],
  }),
  extractedArticle({ key: 'b', officials: [officialMention('周立兴', [])] }),
]);

describe('withAliases', () => {
  const aliases = { ...NO_ALIASES, officials: new Map([['周立兴', '周立新']]), projects: new Map([['甲项目二期', '甲项目']]) };

  it('reads a merged spelling as the kept entry, once per article, with what both mentions said', () => {
    const [first, second] = withAliases(page, aliases).articles;
    expect(first.officials).toEqual([officialMention('周立新', ['市长', '市委副书记'])]);
    expect(first.projects).toEqual([projectMention('甲项目', 'signed')]);
    expect(second.officials).toEqual([officialMention('周立新', [])]);
  });

  it('leaves pages without aliases as they are', () => {
    expect(withAliases(page, NO_ALIASES)).toEqual(page);
  });
});

describe('withoutDeleted', () => {
  it('drops the articles editors deleted and keeps the rest', () => {
    expect(withoutDeleted(page, new Set(['a'])).articles.map((a) => a.key)).toEqual(['b']);
    expect(withoutDeleted(page, new Set())).toBe(page);
  });
});

describe('mentionedNames', () => {
  it('lists each name once per type', () => {
    expect(mentionedNames(page)).toEqual({ officials: ['周立新', '周立兴'], projects: ['甲项目', '甲项目二期'], researchPlatforms: [] });
  });
});
