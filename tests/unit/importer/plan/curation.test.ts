import { mentionedNames, NO_ALIASES, withAliases, withoutDeleted } from '../../../../src/importer/plan/curation';
import type { ArticleExtraction, Extraction } from '../../../../src/importer/contract';

function article(key: string, officials: ArticleExtraction['officials'], projects: ArticleExtraction['projects'] = []): ArticleExtraction {
  return {
    key, title: key, subtitle: null, titleGenerated: false, sourceTag: null, outlet: null, reporters: [], credits: [],
    dateline: null, eventDate: null, continuedOn: null, continuedFrom: null, paragraphs: ['正文。'],
    lines: { first: 1, last: 2 }, reviewFlags: [], officials, projects, researchPlatforms: [], figures: [],
  };
}

const page: Extraction = {
  source: { file: 'page.txt', sha256: '0'.repeat(64) },
  issueDate: null,
  articles: [
    article('a', [{ name: '周立新', titles: ['市长'] }, { name: '周立兴', titles: ['市委副书记'] }], [{ name: '甲项目', stage: null }, { name: '甲项目二期', stage: 'signed' }]),
    article('b', [{ name: '周立兴', titles: [] }]),
  ],
  unassigned: [],
};

describe('withAliases', () => {
  const aliases = { ...NO_ALIASES, officials: new Map([['周立兴', '周立新']]), projects: new Map([['甲项目二期', '甲项目']]) };

  it('reads a merged spelling as the kept entry, once per article, with what both mentions said', () => {
    const [first, second] = withAliases(page, aliases).articles;
    expect(first.officials).toEqual([{ name: '周立新', titles: ['市长', '市委副书记'] }]);
    expect(first.projects).toEqual([{ name: '甲项目', stage: 'signed' }]);
    expect(second.officials).toEqual([{ name: '周立新', titles: [] }]);
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
