import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import { createAdminFromEnv } from '../../src/access/admin-user';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { importKeepingFiles, type ImportWithFiles } from '../helpers/import';

const SAMPLE = path.join(APP_ROOT, 'seeds', '000_c63cc6bb5a561820.txt');
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const STRAY_TEXT_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'stray-text.txt');
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const PROJECT = 'api::project.project';
const PLATFORM = 'api::research-platform.research-platform';
const PAGE = 'api::page.page';
const NOTHING = { Page: 0, Official: 0, Project: 0, ResearchPlatform: 0, Article: 0 };

let app: TestApp;
let importer: Importer;
let workDir: string;
let adminToken: string;

const DRAFTS: ImportOptions = { dryRun: false, publish: false, issueDate: null };

async function documentCounts() {
  const count = (uid: string) => app.strapi.documents(uid as typeof ARTICLE).count({});
  return { articles: await count(ARTICLE), officials: await count(OFFICIAL), projects: await count(PROJECT), platforms: await count(PLATFORM) };
}

function totals(report: ImportWithFiles, action: 'create' | 'update' | 'unchanged' | 'keptForEditor') {
  return Object.fromEntries(Object.entries(report.totals).map(([type, counts]) => [type, counts[action]]));
}

async function articleByTitle(title: string) {
  const [article] = await app.strapi.documents(ARTICLE).findMany({
    filters: { title }, status: 'draft',
    populate: { officials: true, projects: true, researchPlatforms: true, figures: true, source: true, credits: true, reviewFlags: true },
  });
  return article as any;
}

async function officialByName(name: string) {
  const [official] = await app.strapi.documents(OFFICIAL).findMany({
    filters: { name }, status: 'draft', populate: { articles: true, posts: true },
  });
  return official as any;
}

function titlesOf(official: { posts: Array<{ title: string }> }): string[] {
  return official.posts.map((post) => post.title);
}

async function pageByFileName(fileName: string) {
  const [page] = await app.strapi.documents(PAGE).findMany({ filters: { fileName }, populate: { unassigned: true, articles: true } });
  return page as any;
}

const contentManager = (uid: string, documentId: string) =>
  `/content-manager/collection-types/${uid}/${documentId}`;

beforeAll(async () => {
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'));
  const credentials = { ADMIN_EMAIL: 'editor@example.com', ADMIN_PASSWORD: 'Editor-Pass-2023' };
  await createAdminFromEnv(app.strapi, credentials);
  const login = await request(app.http)
    .post('/admin/login')
    .send({ email: credentials.ADMIN_EMAIL, password: credentials.ADMIN_PASSWORD })
    .expect(200);
  adminToken = login.body.data.token;
});

afterAll(async () => {
  await app?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('importing the sample page', () => {
  let first: ImportWithFiles;

  beforeAll(async () => {
    first = await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, issueDate: '2023-01-28' });
  });

  it('creates the expected documents, all drafts awaiting review', async () => {
    expect(first.failed).toBe(0);
    expect(totals(first, 'create')).toEqual({ Page: 1, Official: 17, Project: 6, ResearchPlatform: 4, Article: 3 });
    expect(await documentCounts()).toEqual({ articles: 3, officials: 17, projects: 6, platforms: 4 });
    const published = await app.strapi.documents(ARTICLE).count({ status: 'published' });
    expect(published).toBe(0);
    const articles = await app.strapi.documents(ARTICLE).findMany({ status: 'draft' });
    expect(articles.map((a: any) => a.reviewStatus)).toEqual(['needs_review', 'needs_review', 'needs_review']);
  });

  it('fills the article fields and links the entities it mentions', async () => {
    const lead = await articleByTitle('全省第七期“三个一批”项目建设郑州分会场活动举行');
    expect(lead).toMatchObject({
      subtitle: '务必确保实现“开门红”“全年红”', titleGenerated: false, outlet: '正观新闻·郑州晚报',
      dateline: '1月28日', eventDate: '2023-01-28', issueDate: '2023-01-28', continuedOn: 'A04', continuedFrom: null,
      reviewFlags: [],
    });
    expect(lead.credits.map(({ name, role, printedRole }: any) => ({ name, role, printedRole }))).toEqual([
      { name: '陈锋', role: 'reporter', printedRole: '记者' },
      { name: '孙亚文', role: 'reporter', printedRole: '记者' },
    ]);
    expect(lead.source).toMatchObject({ fileName: '000_c63cc6bb5a561820.txt', firstLine: 1, lastLine: 117 });
    expect(lead.source.rawText.split('\n')[0]).toBe(' 本报讯（正观新闻·郑州');
    expect(lead.body[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: expect.stringMatching(/^开局即决战/) }] });
    expect(lead.officials).toHaveLength(13);
    expect(lead.projects.map((p: any) => [p.name, p.stage])).toContainEqual(['一汽解放新能源商用车项目', 'groundbreaking']);
    expect(lead.figures.map((f: any) => Number(f.value))).toEqual([138, 131, 34, 15]);

    const mayor = await officialByName('何雄');
    expect(mayor.posts.map(({ title, firstSeen, lastSeen }: any) => ({ title, firstSeen, lastSeen }))).toEqual([
      { title: '市委副书记', firstSeen: '2023-01-28', lastSeen: '2023-01-28' },
      { title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-01-28' },
    ]);
    expect(mayor.articles).toHaveLength(2);

    const [platform] = await app.strapi.documents(PLATFORM).findMany({ filters: { name: '河南师范大学应用数学中心' } });
    expect(platform).toMatchObject({ nameGenerated: true, kind: '应用数学中心', hostInstitution: '河南师范大学' });
  });

  it('changes nothing when the same page is imported again', async () => {
    const before = await app.strapi.db.query(ARTICLE).findMany({ select: ['documentId', 'updatedAt'] });
    const officialsBefore = await app.strapi.db.query(OFFICIAL).findMany({ select: ['documentId', 'updatedAt'] });
    const pageBefore = await app.strapi.db.query(PAGE).findMany({ select: ['documentId', 'updatedAt'] });
    const again = await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, issueDate: '2023-01-28' });
    expect(totals(again, 'create')).toEqual(NOTHING);
    expect(totals(again, 'update')).toEqual(NOTHING);
    expect(totals(again, 'unchanged')).toEqual({ Page: 1, Official: 17, Project: 6, ResearchPlatform: 4, Article: 3 });
    expect(await documentCounts()).toEqual({ articles: 3, officials: 17, projects: 6, platforms: 4 });
    expect(await app.strapi.db.query(ARTICLE).findMany({ select: ['documentId', 'updatedAt'] })).toEqual(before);
    expect(await app.strapi.db.query(OFFICIAL).findMany({ select: ['documentId', 'updatedAt'] })).toEqual(officialsBefore);
    expect(await app.strapi.db.query(PAGE).findMany({ select: ['documentId', 'updatedAt'] })).toEqual(pageBefore);
  });

  it('imports a GB18030 copy exactly like the UTF-8 page: only the file checksum differs', async () => {
    const gbFile = path.join(workDir, '000_c63cc6bb5a561820.txt');
    writeFileSync(gbFile, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', SAMPLE]));
    const report = await importKeepingFiles(importer, [gbFile], { ...DRAFTS, issueDate: '2023-01-28' });
    expect(report.failed).toBe(0);
    expect(totals(report, 'create')).toEqual(NOTHING);
    const updates = report.files[0].changes.filter((change) => change.action === 'update');
    expect(updates.map((change) => [change.type, change.fields])).toEqual([
      ['Page', ['sha256']],
      ['Article', ['source']],
      ['Article', ['source']],
      ['Article', ['source']],
    ]);
    // Back to the UTF-8 original for the tests that follow.
    await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, issueDate: '2023-01-28' });
  });
});

describe('curation survives re-imports', () => {
  it('keeps an editor’s title, an official’s posts and a removed relation, and reports them', async () => {
    const article = await articleByTitle('市政府召开第一次全体（扩大）会议');
    const removed = article.officials.find((o: any) => o.name === '李凤芝');
    await request(app.http)
      .put(contentManager(ARTICLE, article.documentId))
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ title: '郑州市政府召开2023年第一次全体（扩大）会议' })
      .expect(200);
    await app.strapi.documents(ARTICLE).update({
      documentId: article.documentId,
      data: { officials: { disconnect: [removed.documentId] } } as never,
    });
    const mayor = await officialByName('何雄');
    await request(app.http)
      .put(contentManager(OFFICIAL, mayor.documentId))
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ posts: [{ title: '中共郑州市委副书记' }, { title: '郑州市市长', firstSeen: '2022-12-30' }] })
      .expect(200);

    const report = await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, issueDate: '2023-01-28' });

    const kept = report.files[0].changes.filter((change) => change.keptForEditor.length > 0);
    expect(kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Article', keptForEditor: ['title', 'officials'] }),
        expect.objectContaining({ type: 'Official', key: '何雄', keptForEditor: ['posts'] }),
      ]),
    );
    const after = await articleByTitle('郑州市政府召开2023年第一次全体（扩大）会议');
    expect(after).toBeDefined();
    expect(after.officials.map((o: any) => o.name)).not.toContain('李凤芝');
    expect(after.officials).toHaveLength(12);
    expect((await officialByName('何雄')).posts).toEqual([
      expect.objectContaining({ title: '中共郑州市委副书记', firstSeen: null, lastSeen: null }),
      expect.objectContaining({ title: '郑州市市长', firstSeen: '2022-12-30', lastSeen: null }),
    ]);
    expect(await documentCounts()).toEqual({ articles: 3, officials: 17, projects: 6, platforms: 4 });
  });

  it('refreshes an untouched field when the extraction improves, and leaves published entries published', async () => {
    const article = await articleByTitle('我省新批准建设了5家省野外科学观测研究站和4家省应用数学中心');
    await app.strapi.documents(ARTICLE).publish({ documentId: article.documentId });

    const report = await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, issueDate: '2023-02-01' });
    const articleUpdates = report.files[0].changes.filter((c) => c.type === 'Article' && c.action === 'update');
    expect(articleUpdates).toHaveLength(3);
    expect(articleUpdates.every((c) => c.fields.join() === 'issueDate')).toBe(true);

    const draft = await app.strapi.documents(ARTICLE).findOne({ documentId: article.documentId, status: 'draft' });
    const published = await app.strapi.documents(ARTICLE).findOne({ documentId: article.documentId, status: 'published' });
    expect(draft?.issueDate).toBe('2023-02-01');
    expect(published).not.toBeNull();
    expect(published?.issueDate).toBe('2023-01-28');
  });
});

describe('dry runs and failures', () => {
  it('plans a new page without writing anything', async () => {
    const before = await documentCounts();
    const report = await importKeepingFiles(importer, [CITY_PAGE], { ...DRAFTS, dryRun: true });
    expect(report.files[0].status).toBe('planned');
    expect(totals(report, 'create')).toEqual({ Page: 1, Official: 3, Project: 2, ResearchPlatform: 1, Article: 2 });
    expect(await documentCounts()).toEqual(before);
  });

  it('rolls a page back completely when writing it fails half-way, and still imports the other files', async () => {
    const doomed = path.join(workDir, 'doomed.txt');
    writeFileSync(doomed, readFileSync(CITY_PAGE, 'utf8').replace('高新区重点项目集中签约', '高新区重点项目集中签约测试故障'));
    const empty = path.join(workDir, 'empty.txt');
    writeFileSync(empty, '');
    const before = await documentCounts();

    // A database lifecycle that fails the insert of one article: the officials, projects and
    // platforms of that page have already been written in the same transaction by then.
    app.strapi.db.lifecycles.subscribe({
      models: [ARTICLE],
      beforeCreateMany(event: { params: { data?: Array<{ title?: string }> } }) {
        if (event.params.data?.some((row) => row.title?.includes('测试故障'))) throw new Error('simulated storage failure');
      },
    } as never);

    const report = await importer.importFiles([doomed, empty, path.join(workDir, 'missing.txt')], DRAFTS);
    expect(report).toMatchObject({ fileCount: 3, failed: 3, skipped: 0 });
    expect(report.firstErrors).toEqual([
      expect.stringMatching(/doomed\.txt: simulated storage failure/),
      expect.stringMatching(/empty\.txt.*empty/),
      expect.stringMatching(/missing\.txt: file not found/),
    ]);
    expect(await documentCounts()).toEqual(before);
    expect(await officialByName('周立新')).toBeUndefined();

    const good = path.join(workDir, 'city-page.txt');
    copyFileSync(CITY_PAGE, good);
    const mixed = await importKeepingFiles(importer, [empty, good], DRAFTS);
    expect(mixed.files.map((file) => file.status)).toEqual(['failed', 'imported']);
    expect(mixed.failed).toBe(1);
    expect(titlesOf(await officialByName('周立新'))).toEqual(['市委常委', '常务副市长']);
    expect(await pageByFileName('doomed.txt')).toBeUndefined();
  });

  it('publishes what it creates with publish: true, entities before the articles that link them', async () => {
    const page = path.join(workDir, 'published-page.txt');
    writeFileSync(page, readFileSync(CITY_PAGE, 'utf8').replaceAll('2月6日', '2月9日').replace('刘晓\n东', '刘晓\n明'));
    const report = await importKeepingFiles(importer, [page], { ...DRAFTS, publish: true });
    expect(report.failed).toBe(0);
    const res = await request(app.http)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent('高新区重点项目集中签约')}`)
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].officials.map((o: any) => o.name).sort()).toEqual(['周立新', '孔庆伟', '欧阳明远'].sort());
  });
});

describe('improved extractions', () => {
  it('withdraws what a re-imported page no longer says, from fields and relations nobody edited', async () => {
    const page = path.join(workDir, 'revised-page.txt');
    // Changes go after the opening text, which is what the article key is made of.
    const opening = readFileSync(CITY_PAGE, 'utf8')
      .replaceAll('2月6日', '3月1日')
      .replace('周立新强调', '据介绍，这批项目涉及智能装备、数字经济等领域，建成后将进一步壮大产业集群。\n\n周立新强调');
    writeFileSync(
      page,
      opening.replace('周立新强调，', '副市长孔庆伟强调，').replace('早投产。', '早投产。\n\n市委常委钱文博指出，要做好服务保障。'),
    );
    await importKeepingFiles(importer, [page], DRAFTS);
    expect(titlesOf(await officialByName('孔庆伟'))).toEqual(['副市长']);
    expect(titlesOf(await officialByName('钱文博'))).toEqual(['市委常委']);

    writeFileSync(page, opening.replace('周立新强调，', '孔庆伟强调，'));
    const report = await importKeepingFiles(importer, [page], DRAFTS);

    expect(report.files[0].changes).toContainEqual(
      // Named now only by his verb, not his title: the page is less sure he is an official.
      expect.objectContaining({ type: 'Official', key: '孔庆伟', action: 'update', fields: ['posts', 'confidence'] }),
    );
    expect((await officialByName('孔庆伟')).posts).toEqual([]);
    const revised: any[] = await app.strapi.documents(ARTICLE).findMany({
      filters: { source: { fileName: 'revised-page.txt' } }, status: 'draft', populate: { officials: true },
    });
    expect(revised[0].officials.map((o: any) => o.name).sort()).toEqual(['周立新', '孔庆伟', '欧阳明远'].sort());
    // The entity itself stays for an editor to judge; only the link and this page's say went.
    expect(await officialByName('钱文博')).toBeDefined();
  });
});

describe('posts across pages', () => {
  it('dates each post of an official by the first and last issue that printed it', async () => {
    const text = readFileSync(CITY_PAGE, 'utf8').replaceAll('周立新', '林志远');
    const february = path.join(workDir, 'posts-february.txt');
    const march = path.join(workDir, 'posts-march.txt');
    writeFileSync(february, text.replaceAll('2月6日', '2月5日'));
    writeFileSync(march, text.replaceAll('2月6日', '2月4日').replace('常务副市长林志远', '市长林志远'));

    await importKeepingFiles(importer, [february], { ...DRAFTS, issueDate: '2023-02-07' });
    await importKeepingFiles(importer, [march], { ...DRAFTS, issueDate: '2023-03-02' });

    const official = await officialByName('林志远');
    expect(official.posts.map(({ title, firstSeen, lastSeen }: any) => ({ title, firstSeen, lastSeen }))).toEqual([
      { title: '市委常委', firstSeen: '2023-02-07', lastSeen: '2023-03-02' },
      { title: '常务副市长', firstSeen: '2023-02-07', lastSeen: '2023-02-07' },
      { title: '市长', firstSeen: '2023-03-02', lastSeen: '2023-03-02' },
    ]);

    const again = await importKeepingFiles(importer, [february], { ...DRAFTS, issueDate: '2023-02-07' });
    expect(totals(again, 'update')).toEqual(NOTHING);
    expect(totals(again, 'create')).toEqual(NOTHING);
  });
});

describe('pages and the text no article took', () => {
  it('keeps the unassigned text with its lines on the page’s record and in the report', async () => {
    const report = await importKeepingFiles(importer, [STRAY_TEXT_PAGE], { ...DRAFTS, issueDate: '2023-01-29' });
    expect(report.files[0].unassigned).toEqual([
      { lines: { first: 1, last: 1 }, text: 'A03 要闻 2023年1月29日', reason: expect.any(String) },
    ]);

    const page = await pageByFileName('stray-text.txt');
    expect(page).toMatchObject({ issueDate: '2023-01-29', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(page.unassigned).toEqual([
      expect.objectContaining({ firstLine: 1, lastLine: 1, text: 'A03 要闻 2023年1月29日', reason: report.files[0].unassigned[0].reason }),
    ]);
    expect(page.articles.map((article: any) => article.title)).toEqual(['市图书馆新馆开放，首日接待读者5000人次']);
  });

  it('writes nothing, not even the page, when the page is imported again', async () => {
    const before = await app.strapi.db.query(PAGE).findMany({ select: ['documentId', 'updatedAt'] });
    const report = await importKeepingFiles(importer, [STRAY_TEXT_PAGE], { ...DRAFTS, issueDate: '2023-01-29' });
    expect(totals(report, 'update')).toEqual(NOTHING);
    expect(await app.strapi.db.query(PAGE).findMany({ select: ['documentId', 'updatedAt'] })).toEqual(before);
  });

  it('imports a page with no article, only furniture, as the page and its text and nothing else', async () => {
    const before = await documentCounts();
    const furniture = '本页为广告版，\n没有新闻稿件。';
    const report = await importer.importExtraction(
      'advertising.txt',
      {
        extraction: {
          source: { file: 'advertising.txt', sha256: 'b'.repeat(64) },
          issueDate: '2023-01-29',
          articles: [],
          unassigned: [{ lines: { first: 1, last: 2 }, text: furniture, reason: 'belongs to no article' }],
        },
        rawText: {},
      },
      { issueDate: '2023-01-29', page: 'A08' },
      DRAFTS,
    );

    expect(report).toMatchObject({ status: 'imported', articles: 0 });
    expect(report.changes).toEqual([expect.objectContaining({ type: 'Page', key: 'advertising.txt', action: 'create' })]);
    expect(await documentCounts()).toEqual(before);
    const page = await pageByFileName('advertising.txt');
    expect(page).toMatchObject({ page: 'A08', lineCount: 2, articles: [] });
    expect(page.unassigned).toEqual([expect.objectContaining({ firstLine: 1, lastLine: 2, text: furniture })]);
  });
});
