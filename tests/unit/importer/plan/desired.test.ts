import type { ArticleExtraction, Extraction } from '../../../../src/importer/extraction-schema';
import {
  desiredArticle,
  desiredEntity,
  desiredPage,
  contributionRows,
  needsEveryContribution,
  pageEntityMentions,
  type EntityHistory,
  type EntityMentions,
  type PageSource,
} from '../../../../src/importer/plan/desired';
import { creditOf, officialMention, platformMention, projectMention, extractedArticle, extractionOf } from '../../../helpers/extraction';
import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  PROJECT_SPEC,
  RESEARCH_PLATFORM_SPEC,
  type Contribution,
  type OfficialContribution,
} from '../../../../src/importer/plan/records';
import { summarize } from '../../../../src/importer/plan/summary';

const SHA256 = 'a'.repeat(64);

function article(overrides: Partial<ArticleExtraction>): ArticleExtraction {
  return extractedArticle({
    outlet: '正观新闻',
    reporters: ['陈锋'],
    credits: [creditOf('陈锋', 'reporter', '记者')],
    dateline: '1月28日',
    ...overrides,
  });
}

const pageOf = (...articles: ArticleExtraction[]): Extraction => extractionOf(articles, { sha256: SHA256 });

/** An official's say as stored before the importer gave confidences. */
function said(titles: string[], issueDate: string | null = null): OfficialContribution {
  return { titles, issueDate };
}

/** The same say from a mention the extraction is sure of. */
const surely = (contribution: OfficialContribution): OfficialContribution => ({
  ...contribution,
  confidence: 1,
  titleConfidences: contribution.titles.map(() => 1),
});

function mentionsOf(spec: EntityMentions['spec'], key: string, contributions: Record<string, Contribution>): EntityMentions {
  return { spec, key, contributions };
}

describe('desiredArticle', () => {
  const extracted = article({
    paragraphs: ['第一段。', '第二段。'],
    figures: [{ label: '项目', value: 138, unit: '个' }],
    officials: [officialMention('安伟', ['市委书记']), officialMention('安伟', [])],
    projects: [projectMention('安图生物体外诊断产业园', 'in_production')],
    researchPlatforms: [platformMention('野外站', { nameGenerated: false, kind: 'field_station', host: null })],
  });
  const source: PageSource = {
    extraction: pageOf(extracted),
    rawText: { 'a-1': '本报讯（…）\n第一段。' },
    meta: { issueDate: '2023-01-28', page: 'A01' },
  };
  const record = desiredArticle(extracted, source);

  it('builds one paragraph block per paragraph', () => {
    expect(record.fields.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '第一段。' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第二段。' }] },
    ]);
  });

  it('records the figures and where in which file the article was printed', () => {
    expect(record.fields.figures).toEqual([{ label: '项目', value: 138, unit: '个' }]);
    expect(record.fields.source).toEqual({
      fileName: 'page.txt',
      sha256: SHA256,
      firstLine: 1,
      lastLine: 10,
      rawText: '本报讯（…）\n第一段。',
    });
  });

  it('takes issue date and page from the page meta', () => {
    expect(record.fields).toMatchObject({ issueDate: '2023-01-28', page: 'A01' });
  });

  it('carries the credits with their roles, the event date, review flags and the page it came from', () => {
    const flagged = desiredArticle(
      article({
        credits: [creditOf('陈锋', 'reporter', '记者'), creditOf('李四', 'correspondent', '通讯员')],
        eventDate: '2023-01-27',
        continuedFrom: 'A01',
        reviewFlags: [{ code: 'unknown-credit', message: '署名无法识别', line: 3 }],
      }),
      source,
    );
    expect(flagged.fields).toMatchObject({
      credits: [
        { name: '陈锋', role: 'reporter', printedRole: '记者' },
        { name: '李四', role: 'correspondent', printedRole: '通讯员' },
      ],
      eventDate: '2023-01-27',
      continuedFrom: 'A01',
      reviewFlags: [{ code: 'unknown-credit', message: '署名无法识别', line: 3 }],
      sourcePage: 'page.txt',
    });
    expect(flagged.fields).not.toHaveProperty('reporters');
  });

  it('links each entity once by name', () => {
    expect(record.fields).toMatchObject({
      officials: ['安伟'],
      projects: ['安图生物体外诊断产业园'],
      researchPlatforms: ['野外站'],
    });
  });

  it('is keyed by the article key and created as needing review', () => {
    expect(record.spec).toBe(ARTICLE_SPEC);
    expect(record.key).toBe('a-1');
    expect(record.createOnly).toEqual({ sourceKey: 'a-1', reviewStatus: 'needs_review' });
  });

  it('stores null raw text when the page has none for the article', () => {
    const withoutRawText = desiredArticle(extracted, { ...source, rawText: {} });
    expect(withoutRawText.fields.source).toMatchObject({ rawText: null });
  });
});

describe('desiredPage', () => {
  const extraction: Extraction = {
    ...pageOf(article({ lines: { first: 3, last: 40 } })),
    issueDate: '2023-01-29',
    unassigned: [{ lines: { first: 1, last: 1 }, text: 'A03 要闻', reason: 'come before the first byline' }],
  };
  const page = desiredPage({ extraction, rawText: {}, meta: { issueDate: '2023-01-29', page: 'A03' } });

  it('is keyed by file name and records the file, issue and page', () => {
    expect(page.key).toBe('page.txt');
    expect(page.fields).toMatchObject({ fileName: 'page.txt', sha256: SHA256, issueDate: '2023-01-29', page: 'A03', lineCount: 40 });
  });

  it('keeps the text no article took, with its lines and why', () => {
    expect(page.fields.unassigned).toEqual([{ firstLine: 1, lastLine: 1, text: 'A03 要闻', reason: 'come before the first byline' }]);
  });

  it('describes a page of page furniture only, with no article', () => {
    const furniture = desiredPage({ extraction: { ...extraction, articles: [] }, rawText: {}, meta: { issueDate: null, page: null } });
    expect(furniture.fields).toMatchObject({ lineCount: 1, unassigned: [expect.objectContaining({ text: 'A03 要闻' })] });
  });
});

describe('pageEntityMentions', () => {
  it('groups an official mentioned by two articles into one entity with a contribution per article', () => {
    const mentions = pageEntityMentions({
      ...pageOf(
        article({ key: 'a-1', officials: [officialMention('安伟', ['市委书记'])] }),
        article({ key: 'a-2', officials: [officialMention('安伟', ['省委常委']), officialMention('何雄', ['市长'])] }),
      ),
      issueDate: '2023-01-28',
    });
    expect(mentions).toEqual([
      {
        spec: OFFICIAL_SPEC,
        key: '安伟',
        contributions: { 'a-1': surely(said(['市委书记'], '2023-01-28')), 'a-2': surely(said(['省委常委'], '2023-01-28')) },
      },
      { spec: OFFICIAL_SPEC, key: '何雄', contributions: { 'a-2': surely(said(['市长'], '2023-01-28')) } },
    ]);
  });

  it('keeps entities of different types with the same name apart', () => {
    const mentions = pageEntityMentions(
      pageOf(
        article({
          projects: [projectMention('郑州', 'signed')],
          researchPlatforms: [platformMention('郑州', { nameGenerated: true, kind: 'lab', host: '郑州大学' })],
        }),
      ),
    );
    expect(mentions).toEqual([
      { spec: PROJECT_SPEC, key: '郑州', contributions: { 'a-1': { stage: 'signed', confidence: 1, stageConfidence: 1 } } },
      {
        spec: RESEARCH_PLATFORM_SPEC,
        key: '郑州',
        contributions: { 'a-1': { kind: 'lab', host: '郑州大学', nameGenerated: true, confidence: 1, hostConfidence: 1 } },
      },
    ]);
  });
});

/** desiredEntity for a mention that must produce a record. */
function desiredEntityOf(...args: Parameters<typeof desiredEntity>) {
  const record = desiredEntity(...args);
  if (!record) throw new Error('expected a desired record');
  return record;
}

/** An existing entity whose summary holds `said`, and what this page said before. */
function historyOf(
  spec: EntityMentions['spec'],
  said: Record<string, Contribution>,
  pageSaid: Record<string, Contribution> = {},
): EntityHistory {
  return { summary: summarize(spec, { ...said, ...pageSaid }), pageSaid };
}

describe('desiredEntity', () => {
  it("adds this page's say to what other pages said, without reading their say", () => {
    const mention = mentionsOf(OFFICIAL_SPEC, '安伟', { 'this-page': said(['市委书记'], '2023-01-28') });
    const history = historyOf(OFFICIAL_SPEC, { 'other-page': said(['省委常委'], '2023-01-20') });
    expect(needsEveryContribution(mention, history)).toBe(false);
    const record = desiredEntityOf(mention, history, null);
    expect(record.fields).toEqual({
      name: '安伟',
      posts: [
        { title: '省委常委', firstSeen: '2023-01-20', lastSeen: '2023-01-20' },
        { title: '市委书记', firstSeen: '2023-01-28', lastSeen: '2023-01-28' },
      ],
      confidence: null,
    });
    expect(record.summary).toEqual({ posts: record.fields.posts, confidence: null });
    expect(record.createOnly).toEqual({ importKey: '安伟' });
  });

  it('keeps the summary as it is when the page says what it said before', () => {
    const mention = mentionsOf(OFFICIAL_SPEC, '安伟', { 'this-page': said(['市委书记'], '2023-01-28') });
    const history = historyOf(OFFICIAL_SPEC, { 'other-page': said(['省委常委']) }, { 'this-page': said(['市委书记'], '2023-01-28') });
    expect(needsEveryContribution(mention, history)).toBe(false);
    expect(desiredEntityOf(mention, history, null).summary).toEqual(history.summary);
  });

  it("replaces what this page's articles said before with what they say now, from every other article's say", () => {
    const mention = mentionsOf(OFFICIAL_SPEC, '安伟', { 'this-page-1': said(['市委书记']) });
    const history = historyOf(
      OFFICIAL_SPEC,
      { 'other-page': said(['省委常委']) },
      { 'this-page-1': said(['旧头衔']), 'this-page-2': said(['旧头衔']) },
    );
    expect(needsEveryContribution(mention, history)).toBe(true);
    expect(() => desiredEntity(mention, history, null)).toThrow(/needs every article's say/);
    const record = desiredEntityOf(mention, history, { 'other-page': said(['省委常委']) });
    expect((record.fields.posts as Array<{ title: string }>).map((post) => post.title)).toEqual(['市委书记', '省委常委']);
  });

  it('rebuilds an entity that has no summary to build on from every contribution', () => {
    const mention = mentionsOf(PROJECT_SPEC, '项目', { 'this-page': { stage: 'signed' } });
    const history: EntityHistory = { summary: null, pageSaid: {} };
    expect(needsEveryContribution(mention, history)).toBe(true);
    expect(desiredEntityOf(mention, history, { earlier: { stage: 'groundbreaking' } }).fields.stage).toBe('groundbreaking');
  });

  it('starts a new entity, or one an editor deleted, from this page alone', () => {
    const mention = mentionsOf(PROJECT_SPEC, '项目', { 'this-page': { stage: 'signed' } });
    expect(needsEveryContribution(mention, null)).toBe(false);
    expect(desiredEntityOf(mention, null, null).fields).toEqual({ name: '项目', stage: 'signed', confidence: null });
  });

  it('gives a project the furthest stage any article reports, whichever is read last', () => {
    const stageFrom = (previous: Contribution, latest: Contribution) =>
      desiredEntityOf(mentionsOf(PROJECT_SPEC, '项目', { latest }), historyOf(PROJECT_SPEC, { previous }), null).fields.stage;
    expect(stageFrom({ stage: 'in_production' }, { stage: 'signed' })).toBe('in_production');
    expect(stageFrom({ stage: 'signed' }, { stage: 'groundbreaking' })).toBe('groundbreaking');
    expect(stageFrom({ stage: 'groundbreaking' }, { stage: null })).toBe('groundbreaking');
    expect(stageFrom({ stage: null }, { stage: null })).toBeNull();
  });

  it('takes the platform kind from the latest article, the host from the latest that names one, and prefers a printed name', () => {
    const record = desiredEntityOf(
      mentionsOf(RESEARCH_PLATFORM_SPEC, '野外站', { latest: { kind: 'field_station', host: null, nameGenerated: true } }),
      historyOf(RESEARCH_PLATFORM_SPEC, { earlier: { kind: 'lab', host: '郑州大学', nameGenerated: false } }),
      null,
    );
    expect(record.fields).toEqual({
      name: '野外站',
      nameGenerated: false,
      kind: 'field_station',
      hostInstitution: '郑州大学',
      confidence: null,
    });
  });

  it('is as sure of an entity as the surest article that names it, page by page or all at once', () => {
    const official = (confidence: number) => ({ ...said(['市长']), confidence, titleConfidences: [1] });
    const pageByPage = desiredEntityOf(
      mentionsOf(OFFICIAL_SPEC, '安伟', { late: official(0.4) }),
      historyOf(OFFICIAL_SPEC, { early: official(0.9) }),
      null,
    );
    const atOnce = desiredEntityOf(mentionsOf(OFFICIAL_SPEC, '安伟', { early: official(0.9), late: official(0.4) }), null, null);
    expect(pageByPage.fields.confidence).toBe(0.9);
    expect(atOnce.fields.confidence).toBe(0.9);
    // A say stored before confidences existed neither raises nor lowers it.
    expect(
      desiredEntityOf(mentionsOf(OFFICIAL_SPEC, '安伟', { late: official(0.4) }), historyOf(OFFICIAL_SPEC, { early: said(['市长']) }), null)
        .fields.confidence,
    ).toBe(0.4);
  });

  it('leaves an entity alone once no article mentions it any more', () => {
    const mention = mentionsOf(OFFICIAL_SPEC, '安伟', {});
    const history = historyOf(OFFICIAL_SPEC, {}, { 'this-page': said(['市长']) });
    expect(needsEveryContribution(mention, history)).toBe(true);
    expect(desiredEntity(mention, history, {})).toBeNull();
  });
});

describe('contributionRows', () => {
  it("lists the page's say as one row per entity and article", () => {
    const rows = contributionRows([
      mentionsOf(OFFICIAL_SPEC, '安伟', { 'a-1': said(['市委书记']), 'a-2': said([]) }),
      mentionsOf(PROJECT_SPEC, '项目', { 'a-2': { stage: null } }),
    ]);
    expect(rows).toEqual([
      { entityType: 'Official', entityKey: '安伟', articleKey: 'a-1', said: said(['市委书记']), confidence: null },
      { entityType: 'Official', entityKey: '安伟', articleKey: 'a-2', said: said([]), confidence: null },
      { entityType: 'Project', entityKey: '项目', articleKey: 'a-2', said: { stage: null }, confidence: null },
    ]);
  });

  it('gives each link the confidence of its least sure part: the name, a title, the stage or the host', () => {
    const rows = contributionRows([
      mentionsOf(OFFICIAL_SPEC, '安伟', { 'a-1': { ...said(['市委书记', '市长']), confidence: 0.9, titleConfidences: [0.8, 0.5] } }),
      mentionsOf(PROJECT_SPEC, '项目', { 'a-1': { stage: 'signed', confidence: 0.7, stageConfidence: 0.95 } }),
      mentionsOf(RESEARCH_PLATFORM_SPEC, '实验室', {
        'a-1': { kind: 'lab', host: null, nameGenerated: false, confidence: 0.85, hostConfidence: 1 },
      }),
    ]);
    expect(rows.map((row) => row.confidence)).toEqual([0.5, 0.7, 0.85]);
  });
});
