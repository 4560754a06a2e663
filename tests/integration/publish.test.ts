import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { importKeepingFiles } from '../helpers/import';

/**
 * Issue 6: `--publish` publishes the importer's own changes on top of what was last published;
 * an editor's pending draft edits stay a draft.
 */
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: null };
const CITY_TEXT = readFileSync(CITY_PAGE, 'utf8');
const SIGNING_TITLE = '高新区重点项目集中签约';

let app: TestApp;
let importer: Importer;
let workDir: string;

function page(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

type Status = 'draft' | 'published';

async function official(name: string, status: Status) {
  const [found] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name }, status, populate: { posts: true } });
  return found as any;
}

function posts(entry: { posts: Array<{ title: string; firstSeen: string | null; lastSeen: string | null }> }) {
  return entry.posts.map(({ title, firstSeen, lastSeen }) => ({ title, firstSeen, lastSeen }));
}

/** An article of the city page (the later page prints the same articles under other keys). */
async function cityPageArticle(title: string, status: Status) {
  const [found] = await app.strapi.documents(ARTICLE).findMany({
    filters: { title, source: { fileName: 'city-page.txt' } }, status, populate: { officials: true },
  });
  return found as any;
}

async function articleByDocumentId(documentId: string, status: Status) {
  return (await app.strapi.documents(ARTICLE).findOne({ documentId, status, populate: { officials: true } })) as any;
}

/** The admin's "modified": the draft was saved after the published version. */
async function isModified(uid: string, documentId: string): Promise<boolean> {
  const rows = await app.strapi.db.query(uid).findMany({ where: { documentId }, select: ['publishedAt', 'updatedAt'] });
  const draft = rows.find((row: { publishedAt: unknown }) => row.publishedAt === null);
  const published = rows.find((row: { publishedAt: unknown }) => row.publishedAt !== null);
  return new Date(draft.updatedAt).getTime() > new Date(published.updatedAt).getTime();
}

async function versionsOf(uid: string) {
  return app.strapi.db.query(uid).findMany({ select: ['id', 'documentId', 'publishedAt', 'updatedAt'], orderBy: { id: 'asc' } });
}

beforeAll(async () => {
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-publish-'));
  const report = await importKeepingFiles(importer, [page('city-page.txt', CITY_TEXT)], { ...PUBLISH, issueDate: '2023-02-07' });
  expect(report.failed).toBe(0);
});

afterAll(async () => {
  await app?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("an official's posts edited in a draft that is not published", () => {
  let documentId: string;

  beforeAll(async () => {
    const published = await official('周立新', 'published');
    documentId = published.documentId;
    expect(posts(published).map((post) => post.title)).toEqual(['市委常委', '常务副市长']);

    const draft = await official('周立新', 'draft');
    await app.strapi.documents(OFFICIAL).update({
      documentId,
      data: {
        posts: draft.posts.map(({ title, firstSeen, lastSeen }: any) => ({
          title: title === '常务副市长' ? '郑州市常务副市长' : title, firstSeen, lastSeen,
        })),
      } as never,
    });
    expect(await isModified(OFFICIAL, documentId)).toBe(true);

    // A later page prints him as mayor, too.
    const later = CITY_TEXT.replaceAll('2月6日', '3月1日').replace('常务副市长周立新', '市长周立新');
    const report = await importKeepingFiles(importer, [page('later-page.txt', later)], { ...PUBLISH, issueDate: '2023-03-02' });
    expect(report.failed).toBe(0);
  });

  it('publishes the last published posts plus the new one, not the editor’s edit', async () => {
    expect(posts(await official('周立新', 'published'))).toEqual([
      { title: '市委常委', firstSeen: '2023-02-07', lastSeen: '2023-03-02' },
      { title: '常务副市长', firstSeen: '2023-02-07', lastSeen: '2023-02-07' },
      { title: '市长', firstSeen: '2023-03-02', lastSeen: '2023-03-02' },
    ]);
  });

  it('keeps the editor’s posts in the draft with the new one, still waiting to be published', async () => {
    expect(posts(await official('周立新', 'draft'))).toEqual([
      { title: '市委常委', firstSeen: '2023-02-07', lastSeen: '2023-03-02' },
      { title: '郑州市常务副市长', firstSeen: '2023-02-07', lastSeen: '2023-02-07' },
      { title: '市长', firstSeen: '2023-03-02', lastSeen: '2023-03-02' },
    ]);
    expect(await isModified(OFFICIAL, documentId)).toBe(true);
  });

  it('writes nothing when the same page is imported and published again', async () => {
    const before = await versionsOf(OFFICIAL);
    const report = await importKeepingFiles(importer, [path.join(workDir, 'later-page.txt')], { ...PUBLISH, issueDate: '2023-03-02' });
    expect(report.files[0].changes.filter((change) => change.action !== 'unchanged')).toEqual([]);
    expect(await versionsOf(OFFICIAL)).toEqual(before);
  });
});

describe('an article edited in a draft that is not published', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = (await cityPageArticle(SIGNING_TITLE, 'published')).documentId;
    await app.strapi.documents(ARTICLE).update({
      documentId,
      data: { title: '高新区8个重点项目集中签约（编辑修改中）', reviewStatus: 'reviewed' } as never,
    });

    // The same article, re-read: a sentence further down now names another official.
    const revised = CITY_TEXT.replace('早投产。', '早投产。\n\n市委常委钱文博指出，要做好服务保障。');
    const report = await importKeepingFiles(importer, [page('city-page.txt', revised)], { ...PUBLISH, issueDate: '2023-02-07' });
    expect(report.failed).toBe(0);
    expect(report.files[0].changes).toContainEqual(
      expect.objectContaining({ type: 'Article', action: 'update', keptForEditor: ['title'] }),
    );
  });

  it('publishes the importer’s change on the last published version', async () => {
    const published = await articleByDocumentId(documentId, 'published');
    expect(published).toMatchObject({ title: SIGNING_TITLE, reviewStatus: 'needs_review' });
    expect(published.officials.map((o: { name: string }) => o.name)).toContain('钱文博');
    expect(await official('钱文博', 'published')).toBeDefined();
  });

  it('keeps the editor’s title and review status in the draft, with the importer’s change', async () => {
    const draft = await articleByDocumentId(documentId, 'draft');
    expect(draft).toMatchObject({ title: '高新区8个重点项目集中签约（编辑修改中）', reviewStatus: 'reviewed' });
    expect(draft.officials.map((o: { name: string }) => o.name)).toContain('钱文博');
    expect(await isModified(ARTICLE, documentId)).toBe(true);
  });
});

describe('documents without pending editor changes', () => {
  it('publishes the importer’s update as before, leaving nothing modified', async () => {
    const other = await cityPageArticle('依托郑州轻工业大学建设的“河南省食品安全检测重点实验室”通过验收', 'published');
    expect(other).toBeDefined();
    await importKeepingFiles(importer, [path.join(workDir, 'city-page.txt')], { ...PUBLISH, issueDate: '2023-02-08' });
    const published = await articleByDocumentId(other.documentId, 'published');
    expect(published.issueDate).toBe('2023-02-08');
    expect(await isModified(ARTICLE, other.documentId)).toBe(false);
  });
});
