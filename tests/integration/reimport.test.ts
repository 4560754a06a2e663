import path from 'node:path';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import { createImporter, type ImportOptions, type Importer } from '../../src/importer/service';
import { importKeepingFiles, type ImportWithFiles } from '../helpers/import';

// The rules' fingerprint, as a test controls it: a change of code or vocabulary is a new value.
let mockRules = 'rules-1';
jest.mock('../../src/importer/rules-fingerprint', () => ({ rulesFingerprint: () => mockRules }));

const PAGES = ['city-page.txt', 'projects-a05.txt', 'zzwb-mixed-a02.txt'].map((name) => path.join(APP_ROOT, 'tests', 'fixtures', 'pages', name));
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const DRAFTS: ImportOptions = { dryRun: false, publish: false, issueDate: '2023-03-02' };

let app: TestApp;
let importer: Importer;
let firstImport: ImportWithFiles;

function statuses(report: ImportWithFiles): string[] {
  return report.files.map((file) => file.status);
}

function written(report: ImportWithFiles): number {
  return Object.values(report.totals).reduce((sum, counts) => sum + counts.create + counts.update, 0);
}

/** Every row of the newsroom types with when it was last written: a skipped page changes none. */
async function rowsWithTimes() {
  const rows = async (uid: string) => app.strapi.db.query(uid).findMany({ select: ['id', 'documentId', 'updatedAt', 'publishedAt'], orderBy: { id: 'asc' } });
  return { articles: await rows(ARTICLE), officials: await rows(OFFICIAL), pages: await rows('api::page.page') };
}

async function firstArticleOf(fileName: string) {
  const [article] = await app.strapi.documents(ARTICLE).findMany({
    filters: { source: { fileName } }, status: 'draft', sort: 'id:asc', populate: { officials: true },
  });
  return article as any;
}

beforeAll(async () => {
  app = await startTestApp();
  // Built from the sources, so that the mocked fingerprint is the one it uses.
  importer = createImporter(app.strapi);
  firstImport = await importKeepingFiles(importer, PAGES, DRAFTS);
  expect(firstImport.failed).toBe(0);
});

afterAll(async () => {
  await app?.stop();
});

describe('re-importing unchanged pages', () => {
  it('skips every page and writes nothing, reporting the documents as unchanged', async () => {
    expect(statuses(firstImport)).toEqual(['imported', 'imported', 'imported']);
    const before = await rowsWithTimes();

    const again = await importKeepingFiles(importer, PAGES, DRAFTS);

    expect(statuses(again)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(again).toMatchObject({ fileCount: 3, skipped: 3, failed: 0 });
    expect(written(again)).toBe(0);
    const createdFirst = Object.fromEntries(Object.entries(firstImport.totals).map(([type, counts]) => [type, counts.create]));
    const unchangedNow = Object.fromEntries(Object.entries(again.totals).map(([type, counts]) => [type, counts.unchanged]));
    expect(unchangedNow).toEqual(createdFirst);
    expect(again.files.map((file) => file.articles)).toEqual(firstImport.files.map((file) => file.articles));
    expect(again.files.map((file) => file.unassigned)).toEqual(firstImport.files.map((file) => file.unassigned));
    expect(await rowsWithTimes()).toEqual(before);
  });

  it('plans every page again when the rules change, then skips them under the new rules', async () => {
    mockRules = 'rules-2';
    const replanned = await importKeepingFiles(importer, PAGES, DRAFTS);
    expect(statuses(replanned)).toEqual(['imported', 'imported', 'imported']);
    expect(written(replanned)).toBe(0);

    expect(statuses(await importKeepingFiles(importer, PAGES, DRAFTS))).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('plans a page again when its issue date changes or it is to be published', async () => {
    const redated = await importKeepingFiles(importer, [PAGES[0]], { ...DRAFTS, issueDate: '2023-03-03' });
    expect(statuses(redated)).toEqual(['imported']);
    expect(written(redated)).toBeGreaterThan(0);

    const published = await importKeepingFiles(importer, [PAGES[0]], { ...DRAFTS, issueDate: '2023-03-03', publish: true });
    expect(statuses(published)).toEqual(['imported']);
    const article = await firstArticleOf(path.basename(PAGES[0]));
    expect(await app.strapi.documents(ARTICLE).findOne({ documentId: article.documentId, status: 'published' })).not.toBeNull();
    expect(statuses(await importKeepingFiles(importer, [PAGES[0]], { ...DRAFTS, issueDate: '2023-03-03', publish: true }))).toEqual(['skipped']);
  });

  it('plans a page again after an editor edited, unlinked or deleted its documents, and keeps the editor’s work', async () => {
    const file = path.basename(PAGES[1]);
    const article = await firstArticleOf(file);
    await app.strapi.documents(ARTICLE).update({ documentId: article.documentId, data: { title: '编辑改过的标题' } as never });
    const edited = await importKeepingFiles(importer, [PAGES[1]], DRAFTS);
    expect(statuses(edited)).toEqual(['imported']);
    expect(edited.files[0].changes).toContainEqual(expect.objectContaining({ type: 'Article', keptForEditor: ['title'] }));
    expect((await firstArticleOf(file)).title).toBe('编辑改过的标题');
    expect(statuses(await importKeepingFiles(importer, [PAGES[1]], DRAFTS))).toEqual(['skipped']);

    const withOfficial = (await app.strapi.documents(ARTICLE).findMany({
      filters: { source: { fileName: file }, officials: { id: { $notNull: true } } }, status: 'draft', populate: { officials: true },
    })) as any[];
    expect(withOfficial.length).toBeGreaterThan(0);
    const [removed] = withOfficial[0].officials;
    await app.strapi.documents(ARTICLE).update({
      documentId: withOfficial[0].documentId,
      data: { officials: { disconnect: [removed.documentId] } } as never,
    });
    const unlinked = await importKeepingFiles(importer, [PAGES[1]], DRAFTS);
    expect(statuses(unlinked)).toEqual(['imported']);
    expect(unlinked.files[0].changes).toContainEqual(expect.objectContaining({ type: 'Article', keptForEditor: expect.arrayContaining(['officials']) }));

    await app.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
    expect(statuses(await importKeepingFiles(importer, [PAGES[1]], DRAFTS))).toEqual(['imported']);
  });

  it('plans a page again when its file changes', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-reimport-'));
    try {
      const copy = path.join(dir, path.basename(PAGES[2]));
      writeFileSync(copy, `${readFileSync(PAGES[2], 'utf8')}\n`);
      const changed = await importKeepingFiles(importer, [copy], DRAFTS);
      expect(statuses(changed)).toEqual(['imported']);
      expect(changed.files[0].changes).toContainEqual(expect.objectContaining({ type: 'Page', action: 'update', fields: ['sha256'] }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never skips a dry run', async () => {
    const planned = await importKeepingFiles(importer, [PAGES[2]], { ...DRAFTS, dryRun: true });
    expect(statuses(planned)).toEqual(['planned']);
  });
});
