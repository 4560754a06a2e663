import { datedContributions, legacyCredits, legacyPosts, snapshotWithoutContributions, upgradeSnapshot } from '../../../../src/importer/plan/legacy';
import { ARTICLE_SPEC, OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC } from '../../../../src/importer/plan/records';

const ISSUES: Record<string, string> = { 'a-1': '2023-01-28', 'a-2': '2023-02-06' };
const issueDateOf = (articleKey: string) => ISSUES[articleKey] ?? null;

describe('legacyCredits', () => {
  it('credits everyone v1 listed as a reporter, with no printed role', () => {
    expect(legacyCredits(['陈锋', '孙亚文'])).toEqual([
      { name: '陈锋', role: 'reporter', printedRole: null },
      { name: '孙亚文', role: 'reporter', printedRole: null },
    ]);
  });

  it('keeps nothing of a JSON value that is not a list of names', () => {
    expect(legacyCredits(null)).toEqual([]);
    expect(legacyCredits({ name: '陈锋' })).toEqual([]);
    expect(legacyCredits(['陈锋', 7, ' '])).toEqual([{ name: '陈锋', role: 'reporter', printedRole: null }]);
  });
});

describe('legacyPosts', () => {
  const contributions = datedContributions({ 'a-1': { titles: ['市长'] }, 'a-2': { titles: ['市长', '市委副书记'] } }, issueDateOf);

  it('dates each title by the issues of the articles that printed it', () => {
    expect(legacyPosts(['市委副书记', '市长'], contributions)).toEqual([
      { title: '市委副书记', firstSeen: '2023-02-06', lastSeen: '2023-02-06' },
      { title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-02-06' },
    ]);
  });

  it('leaves a title no article printed (an editor’s) undated, in the editor’s order', () => {
    expect(legacyPosts(['郑州市市长', '市长'], contributions)).toEqual([
      { title: '郑州市市长', firstSeen: null, lastSeen: null },
      { title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-02-06' },
    ]);
  });
});

describe('upgradeSnapshot', () => {
  it('turns an article’s written reporters into the credits the stored list converts to', () => {
    const v1 = { version: 1, written: { title: 'T', reporters: ['陈锋'] } };
    expect(upgradeSnapshot(ARTICLE_SPEC, v1, issueDateOf)).toEqual({
      version: 2,
      written: { title: 'T', credits: legacyCredits(['陈锋']) },
    });
  });

  it('dates an official’s contributions and turns the written titles into posts', () => {
    const v1 = { version: 1, written: { name: '何雄', titles: ['市长'] }, contributions: { 'a-1': { titles: ['市长'] }, 'a-9': { titles: [] } } };
    expect(upgradeSnapshot(OFFICIAL_SPEC, v1, issueDateOf)).toEqual({
      version: 2,
      written: { name: '何雄', posts: [{ title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-01-28' }] },
      contributions: { 'a-1': { titles: ['市长'], issueDate: '2023-01-28' }, 'a-9': { titles: [], issueDate: null } },
    });
  });

  it('only bumps the version of a project’s snapshot', () => {
    const v1 = { version: 1, written: { name: '项目', stage: 'signed' }, contributions: { 'a-1': { stage: 'signed' } } };
    expect(upgradeSnapshot(PROJECT_SPEC, v1, issueDateOf)).toEqual({ ...v1, version: 2 });
  });

  it('leaves a version 2 snapshot and a missing one alone', () => {
    const v2 = { version: 2, written: { title: 'T' } };
    expect(upgradeSnapshot(ARTICLE_SPEC, v2, issueDateOf)).toBe(v2);
    expect(upgradeSnapshot(ARTICLE_SPEC, null, issueDateOf)).toBeNull();
  });
});

describe('snapshotWithoutContributions', () => {
  it('takes an entity’s contributions out of its v2 snapshot and keeps their summary instead', () => {
    const contributions = {
      'a-1': { kind: 'lab', host: '郑州大学', nameGenerated: true },
      'a-2': { kind: 'field_station', host: null, nameGenerated: true },
    };
    const v2 = { version: 2, written: { name: '野外站', kind: 'field_station' }, contributions };
    expect(snapshotWithoutContributions(RESEARCH_PLATFORM_SPEC, v2)).toEqual({
      snapshot: {
        version: 3,
        written: v2.written,
        // Says of version 2 carry no confidence: the entity's stays unknown until its pages are read again.
        summary: { confidence: null, nameGenerated: true, kind: 'field_station', kindFrom: 'a-2', host: '郑州大学', hostFrom: 'a-1' },
      },
      contributions,
    });
  });

  it('only bumps the version of a snapshot without contributions', () => {
    expect(snapshotWithoutContributions(ARTICLE_SPEC, { version: 2, written: { title: 'T' } })).toEqual({
      snapshot: { version: 3, written: { title: 'T' } },
      contributions: {},
    });
  });

  it('leaves a v3 snapshot and a missing one alone', () => {
    const v3 = { version: 3, written: { title: 'T' } };
    expect(snapshotWithoutContributions(ARTICLE_SPEC, v3).snapshot).toBe(v3);
    expect(snapshotWithoutContributions(ARTICLE_SPEC, null)).toEqual({ snapshot: null, contributions: {} });
  });
});
