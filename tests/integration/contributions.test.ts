import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import { importKeepingFiles } from '../helpers/import';
import { moveContributionsOutOfSnapshots } from '../../src/importer/startup/contributions-out-of-snapshots';
import { ARTICLE_UID, ENTITY_CONTRIBUTION_UID, OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, PAGE_UID } from '../../src/content-types';
import type { ImportOptions, Importer } from '../../src/importer/service';

/**
 * What each article says about each entity is kept apart from the entity (snapshot version 3):
 * a page adds its say to the entity's summary, a page that changes its say has the summary rebuilt
 * from every article's say, and a database of version 2 moves the say out of its snapshots.
 */
const SAMPLE = path.join(APP_ROOT, 'seeds', '000_c63cc6bb5a561820.txt');
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const ENTITY_TYPES = { Official: OFFICIAL_UID, Project: PROJECT_UID, ResearchPlatform: RESEARCH_PLATFORM_UID } as const;
const DRAFTS: ImportOptions = { dryRun: false, publish: false, issueDate: null };

let app: TestApp;
let importer: Importer;
let workDir: string;
let february: string;
let march: string;

interface Row {
  entityType: string;
  entityKey: string;
  articleKey: string;
  said: unknown;
}

async function contributionRows(): Promise<Row[]> {
  const rows = (await app.strapi.db.query(ENTITY_CONTRIBUTION_UID).findMany({
    select: ['entityType', 'entityKey', 'articleKey', 'said'],
  })) as Row[];
  return rows.sort((a, b) => JSON.stringify([a.entityType, a.entityKey, a.articleKey]).localeCompare(JSON.stringify([b.entityType, b.entityKey, b.articleKey])));
}

async function officialPosts(name: string) {
  const [official] = (await app.strapi.documents(OFFICIAL_UID).findMany({ filters: { name }, status: 'draft', populate: { posts: true } })) as any[];
  return official.posts.map(({ title, firstSeen, lastSeen }: any) => ({ title, firstSeen, lastSeen }));
}

async function rowsOf(uid: string) {
  return (await app.strapi.db.query(uid).findMany({
    select: ['id', 'documentId', 'publishedAt', 'updatedAt', 'importSnapshot', ...(uid === ARTICLE_UID || uid === PAGE_UID ? [] : ['name', 'importKey'])],
    orderBy: { id: 'asc' },
  })) as Array<{ id: number; publishedAt: unknown; updatedAt: unknown; importSnapshot: any; name?: string; importKey?: string }>;
}

beforeAll(async () => {
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-contributions-'));
  // The same official on two pages of different issues, with a new post on the later one.
  const text = readFileSync(CITY_PAGE, 'utf8').replaceAll('周立新', '林志远');
  february = path.join(workDir, 'posts-february.txt');
  march = path.join(workDir, 'posts-march.txt');
  writeFileSync(february, text.replaceAll('2月6日', '2月5日'));
  writeFileSync(march, text.replaceAll('2月6日', '2月4日').replace('常务副市长林志远', '市长林志远'));
  await importKeepingFiles(importer, [SAMPLE], { ...DRAFTS, publish: true, issueDate: '2023-01-28' });
  await importKeepingFiles(importer, [february], { ...DRAFTS, issueDate: '2023-02-07' });
  await importKeepingFiles(importer, [march], { ...DRAFTS, issueDate: '2023-03-02' });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('entity contributions', () => {
  it('keep one row per article and entity it names, and the entity’s snapshot only their summary', async () => {
    const rows = await contributionRows();
    for (const [entityType, uid] of Object.entries(ENTITY_TYPES)) {
      const entities = (await app.strapi.documents(uid as typeof OFFICIAL_UID).findMany({
        status: 'draft',
        populate: { articles: { fields: ['sourceKey'] } },
      })) as any[];
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities) {
        const articleKeys = rows.filter((row) => row.entityType === entityType && row.entityKey === entity.name).map((row) => row.articleKey);
        expect(articleKeys.sort()).toEqual(entity.articles.map((article: { sourceKey: string }) => article.sourceKey).sort());
      }
    }
    for (const official of await rowsOf(OFFICIAL_UID)) {
      expect(Object.keys(official.importSnapshot).sort()).toEqual(['summary', 'version', 'written']);
      expect(official.importSnapshot.version).toBe(3);
      const { posts, confidence } = official.importSnapshot.written;
      expect(official.importSnapshot.summary).toEqual({ posts, confidence });
    }
  });

  it('rebuild an official’s posts from every page’s say when a page changes what it said', async () => {
    expect(await officialPosts('林志远')).toEqual([
      { title: '市委常委', firstSeen: '2023-02-07', lastSeen: '2023-03-02' },
      { title: '常务副市长', firstSeen: '2023-02-07', lastSeen: '2023-02-07' },
      { title: '市长', firstSeen: '2023-03-02', lastSeen: '2023-03-02' },
    ]);
    const again = await importKeepingFiles(importer, [february], { ...DRAFTS, issueDate: '2023-02-09' });
    expect(again.failed).toBe(0);
    expect(await officialPosts('林志远')).toEqual([
      { title: '市委常委', firstSeen: '2023-02-09', lastSeen: '2023-03-02' },
      { title: '常务副市长', firstSeen: '2023-02-09', lastSeen: '2023-02-09' },
      { title: '市长', firstSeen: '2023-03-02', lastSeen: '2023-03-02' },
    ]);
  });

  it('are moved out of version 2 snapshots on start, leaving what imports read as it was', async () => {
    const rowsBefore = await contributionRows();
    const before = new Map<string, Awaited<ReturnType<typeof rowsOf>>>();
    for (const uid of [PAGE_UID, ARTICLE_UID, ...Object.values(ENTITY_TYPES)]) before.set(uid, await rowsOf(uid));

    // The database as version 2 left it: every article's say inside the entity's snapshot.
    for (const [entityType, uid] of Object.entries(ENTITY_TYPES)) {
      for (const row of before.get(uid)!) {
        const said = rowsBefore.filter((c) => c.entityType === entityType && c.entityKey === (row.importKey || row.name));
        const contributions = Object.fromEntries(said.map((c) => [c.articleKey, c.said]));
        const { written } = row.importSnapshot;
        await app.strapi.db.query(uid).updateMany({ where: { id: row.id }, data: { importSnapshot: { version: 2, written, contributions } } });
      }
    }
    for (const uid of [PAGE_UID, ARTICLE_UID]) {
      for (const row of before.get(uid)!) {
        await app.strapi.db.query(uid).updateMany({ where: { id: row.id }, data: { importSnapshot: { ...row.importSnapshot, version: 2 } } });
      }
    }
    await app.strapi.db.query(ENTITY_CONTRIBUTION_UID).deleteMany({ where: {} });
    await app.strapi.store({ type: 'plugin', name: 'newsroom' }).set({ key: 'import-snapshot-version', value: 2 });

    await moveContributionsOutOfSnapshots(app.strapi);

    expect(await contributionRows()).toEqual(rowsBefore);
    for (const [uid, rows] of before) {
      const after = await rowsOf(uid);
      // Drafts keep their summary and stay unmodified; published versions get the current one.
      const drafts = (list: typeof rows) => list.filter((row) => row.publishedAt === null);
      expect(drafts(after)).toEqual(drafts(rows));
      expect(after.map((row) => row.updatedAt)).toEqual(rows.map((row) => row.updatedAt));
    }

    // Nothing is left to convert, and imports read the converted database as they read their own.
    await moveContributionsOutOfSnapshots(app.strapi);
    expect(await contributionRows()).toEqual(rowsBefore);
    for (const [file, issueDate] of [[SAMPLE, '2023-01-28'], [february, '2023-02-09'], [march, '2023-03-02']]) {
      const dryRun = await importKeepingFiles(importer, [file], { ...DRAFTS, dryRun: true, issueDate });
      expect(dryRun.files[0].changes.filter((change) => change.action !== 'unchanged')).toEqual([]);
    }
  });
});
