import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import type { ImportOptions, ImportReport, Importer } from '../../src/importer/service';
import { storageLayout } from '../../src/strapi-rows';

/**
 * The importer writes rows itself (src/importer/load/versions.ts) instead of calling the
 * Document Service per document. What it writes must read back, and keep working, exactly as if
 * the Document Service had written it: versions, components, links ordered on both sides, the
 * admin's modified state; and a re-published entity must stay linked from what was published.
 */
const CITY_TEXT = readFileSync(path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt'), 'utf8');
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: '2023-02-07' };
const DRAFTS: ImportOptions = { dryRun: false, publish: false, issueDate: '2023-02-09' };
const LATER_TEXT = CITY_TEXT.replaceAll('2月6日', '3月1日').replace('常务副市长周立新', '市长周立新');

let app: TestApp;
let importer: Importer;
let workDir: string;
let official: { id: number; documentId: string };
let statementsPerDocument: number;

function page(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

function written(report: ImportReport): number {
  return Object.values(report.totals).reduce((sum, counts) => sum + counts.create + counts.update, 0);
}

async function rowsOf(uid: string, documentId: string) {
  return (await app.strapi.db.query(uid).findMany({ where: { documentId }, select: ['id', 'publishedAt', 'updatedAt'] })) as Array<{
    id: number;
    publishedAt: string | null;
    updatedAt: string;
  }>;
}

async function officialRow(status: 'draft' | 'published') {
  const rows = await app.strapi.db.query(OFFICIAL).findMany({ where: { name: '周立新', publishedAt: status === 'draft' ? null : { $notNull: true } } });
  expect(rows).toHaveLength(1);
  return rows[0] as { id: number; documentId: string };
}

async function importCounting(file: string, options: ImportOptions): Promise<{ report: ImportReport; statements: number }> {
  let statements = 0;
  const count = () => { statements += 1; };
  app.strapi.db.connection.on('query', count);
  try {
    return { report: await importer.importFiles([file], options), statements };
  } finally {
    app.strapi.db.connection.off('query', count);
  }
}

beforeAll(async () => {
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-writer-'));
  const first = await importCounting(page('city-page.txt', CITY_TEXT), PUBLISH);
  expect(first.report.failed).toBe(0);
  statementsPerDocument = first.statements / written(first.report);
  official = await officialRow('published');
  const later = await importer.importFiles([page('later-page.txt', LATER_TEXT)], { ...PUBLISH, issueDate: '2023-03-02' });
  expect(later.failed).toBe(0);
});

afterAll(async () => {
  await app?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('an entity published again by a later page', () => {
  it('is updated in place: the published row keeps its id and gets the new post', async () => {
    const published = await officialRow('published');
    expect(published.id).toBe(official.id);
    const read = (await app.strapi.documents(OFFICIAL).findOne({ documentId: official.documentId, status: 'published', populate: { posts: true } })) as any;
    expect(read.posts.map((post: { title: string }) => post.title)).toEqual(['市委常委', '常务副市长', '市长']);
  });

  it('stays linked from the articles published before, in the order they were imported', async () => {
    const read = (await app.strapi.documents(OFFICIAL).findOne({
      documentId: official.documentId,
      status: 'published',
      populate: { articles: { fields: ['title'], populate: { source: { fields: ['fileName'] } } } },
    })) as any;
    expect(read.articles.map((article: any) => article.source.fileName)).toEqual(['city-page.txt', 'later-page.txt']);
  });
});

describe('the articles list of each linked entity', () => {
  const ENTITY_UIDS = [OFFICIAL, 'api::project.project', 'api::research-platform.research-platform'];

  async function articleLists(uid: string, documentId: string) {
    const read = async (status: 'draft' | 'published') => {
      const entity = (await app.strapi.documents(uid as never).findOne({ documentId, status, populate: { articles: { fields: ['documentId'] } } as never })) as any;
      return (entity?.articles ?? []).map((article: { documentId: string }) => article.documentId) as string[];
    };
    return { draft: await read('draft'), published: await read('published') };
  }

  it('is in the same order on the draft as on the published version, articles in the order they were imported', async () => {
    let compared = 0;
    for (const uid of ENTITY_UIDS) {
      const entities = await app.strapi.documents(uid as never).findMany({ status: 'published', fields: ['documentId'] });
      for (const { documentId } of entities as Array<{ documentId: string }>) {
        const { draft, published } = await articleLists(uid, documentId);
        expect({ uid, documentId, draft }).toEqual({ uid, documentId, draft: published });
        if (draft.length > 1) compared += 1;
      }
    }
    // Entities named on both pages have two articles: their order is what a wrong link order breaks.
    expect(compared).toBeGreaterThan(0);
  });

  it('has distinct orders on the draft side: a new article goes after the last one', async () => {
    for (const relation of ['officials', 'projects', 'researchPlatforms']) {
      const link = storageLayout(app.strapi).link(ARTICLE, relation);
      const orderColumns = [link.targetColumn, link.targetOrderColumn as string];
      const duplicates = await app.strapi.db.connection(link.name).select(orderColumns).groupBy(orderColumns).havingRaw('count(*) > 1');
      expect({ relation, duplicates }).toEqual({ relation, duplicates: [] });
    }
  });
});

describe('published documents', () => {
  it('link to published versions only, in the order the draft lists them', async () => {
    const articles = (await app.strapi.documents(ARTICLE).findMany({ status: 'published', populate: { officials: { fields: ['name'] } } })) as any[];
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const draft = (await app.strapi.documents(ARTICLE).findOne({ documentId: article.documentId, status: 'draft', populate: { officials: { fields: ['name'] } } })) as any;
      expect(article.officials.map((o: any) => o.name)).toEqual(draft.officials.map((o: any) => o.name));
      const publishedRowIds = new Set((await app.strapi.db.query(OFFICIAL).findMany({ where: { publishedAt: { $notNull: true } }, select: ['id'] })).map((row: any) => row.id));
      for (const linked of article.officials) expect(publishedRowIds.has(linked.id)).toBe(true);
    }
  });

  it('are not shown as modified: draft and published version were written at the same time', async () => {
    const articles = await app.strapi.documents(ARTICLE).findMany({ status: 'published', fields: ['documentId'] });
    for (const { documentId } of articles) {
      const [a, b] = await rowsOf(ARTICLE, documentId);
      expect(new Date(a.updatedAt).getTime()).toBe(new Date(b.updatedAt).getTime());
    }
  });

  it('cost a bounded number of SQL statements each, not a Document Service round per version', () => {
    // The Document Service path cost ~60 statements per document on this page.
    expect(statementsPerDocument).toBeLessThan(30);
  });
});

describe('drafts the importer wrote', () => {
  let documentId: string;

  beforeAll(async () => {
    const report = await importer.importFiles([page('draft-page.txt', CITY_TEXT.replaceAll('高新区', '经开区'))], DRAFTS);
    expect(report.failed).toBe(0);
    const [article] = await app.strapi.documents(ARTICLE).findMany({ filters: { title: '经开区重点项目集中签约' }, status: 'draft', fields: ['documentId'] });
    documentId = article.documentId;
  });

  it('have no published version', async () => {
    expect((await rowsOf(ARTICLE, documentId)).map((row) => row.publishedAt)).toEqual([null]);
  });

  it('are published by the Document Service with their components and links, as an editor would', async () => {
    await app.strapi.documents(ARTICLE).publish({ documentId });
    const draft = (await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'draft', populate: ['officials', 'credits', 'figures', 'source'] })) as any;
    const published = (await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'published', populate: ['officials', 'credits', 'figures', 'source'] })) as any;
    const plain = (doc: any) => ({
      title: doc.title,
      officials: doc.officials.map((o: any) => o.name),
      credits: doc.credits.map(({ name, role }: any) => ({ name, role })),
      figures: doc.figures.map(({ label, value, unit }: any) => ({ label, value, unit })),
      source: doc.source?.fileName,
    });
    expect(plain(published)).toEqual(plain(draft));
    expect(draft.officials.length).toBeGreaterThan(0);
  });

  it('are edited and deleted by the Document Service like any other document', async () => {
    await app.strapi.documents(ARTICLE).update({ documentId, data: { title: '编辑改过的标题' } as never });
    expect(((await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'draft' })) as any).title).toBe('编辑改过的标题');
    await app.strapi.documents(ARTICLE).delete({ documentId });
    expect(await rowsOf(ARTICLE, documentId)).toEqual([]);
  });
});
