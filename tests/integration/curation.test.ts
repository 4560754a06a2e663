import path from 'node:path';
import request from 'supertest';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import { createAdminFromEnv } from '../../src/access/admin-user';
import { mergeEntity, removeAlias, aliasesOf, restoreDeletedArticle } from '../../src/importer/load/curation';
import { OFFICIAL_SPEC } from '../../src/importer/plan/records';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { importKeepingFiles, type ImportWithFiles } from '../helpers/import';

/** Two pages of the same week: the second misprints the vice mayor's name (周立兴 for 周立新). */
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const VARIANT_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'desk', 'variant-spelling.txt');
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const TOMBSTONE = 'api::tombstone.tombstone';
const CONTRIBUTION = 'api::entity-contribution.entity-contribution';
const VISIT = '经开区调研重点项目';
const STREETS = '老城区完成街巷改造';

let app: TestApp;
let importer: Importer;
let adminToken: string;

const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: '2023-03-03' };

function created(report: ImportWithFiles, type: string): number {
  return report.totals[type].create;
}

async function officialNamed(name: string) {
  const [official] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name }, status: 'draft' });
  return official ?? null;
}

async function articleTitled(title: string, status: 'draft' | 'published' = 'draft') {
  const [article] = await app.strapi.documents(ARTICLE).findMany({ filters: { title }, status, populate: { officials: true } });
  return (article ?? null) as { documentId: string; officials: Array<{ name: string }> } | null;
}

const officialNames = (article: { officials: Array<{ name: string }> } | null) => article?.officials.map((o) => o.name).sort();

beforeAll(async () => {
  app = await startTestApp();
  importer = app.strapi.service('api::importer.importer') as unknown as Importer;
  const credentials = { ADMIN_EMAIL: 'desk@example.com', ADMIN_PASSWORD: 'Desk-Pass-2023' };
  await createAdminFromEnv(app.strapi, credentials);
  const login = await request(app.http).post('/admin/login').send({ email: credentials.ADMIN_EMAIL, password: credentials.ADMIN_PASSWORD }).expect(200);
  adminToken = login.body.data.token;
  const first = await importKeepingFiles(importer, [CITY_PAGE, VARIANT_PAGE], PUBLISH);
  expect(first.failed).toBe(0);
});

afterAll(async () => {
  await app?.stop();
});

describe('merging two spellings of one official', () => {
  /** The merged entry as the merge found it: what un-merging must give back. */
  const beforeMerge: Record<string, unknown> = {};
  const versionOf = async (documentId: string, status: 'draft' | 'published') => {
    const entry = await app.strapi.documents(OFFICIAL).findOne({ documentId, status, populate: ['posts'] });
    if (!entry) return null;
    const { name, confidence, posts } = entry as unknown as { name: string; confidence: number; posts: Array<Record<string, unknown>> };
    return { name, confidence, posts: posts.map(({ id: _id, ...post }) => post) };
  };
  const saidAbout = async (entityKey: string) =>
    (await app.strapi.db.query(CONTRIBUTION).findMany({ where: { entityType: 'Official', entityKey }, select: ['articleKey', 'said'] }))
      .map((row: { articleKey: string; said: unknown }) => JSON.stringify(row))
      .sort();

  it('moves every link to the kept entry, deletes the other and remembers its spelling', async () => {
    const kept = await officialNamed('周立新');
    const merged = await officialNamed('周立兴');
    expect(kept).not.toBeNull();
    expect(merged).not.toBeNull();
    beforeMerge.draft = await versionOf(merged!.documentId, 'draft');
    beforeMerge.published = await versionOf(merged!.documentId, 'published');
    beforeMerge.said = await saidAbout('周立兴');
    expect(beforeMerge.said).not.toEqual([]);

    const result = await mergeEntity(app.strapi, OFFICIAL_SPEC, merged!.documentId, kept!.documentId);
    expect(result).toEqual({ kept: { documentId: kept!.documentId, name: '周立新' }, aliases: ['周立兴'], articlesRelinked: 1 });

    expect(await officialNamed('周立兴')).toBeNull();
    expect(await app.strapi.documents(OFFICIAL).count({ status: 'published', filters: { name: '周立兴' } })).toBe(0);
    expect(officialNames(await articleTitled(VISIT))).toEqual(['周立新']);
    expect(officialNames(await articleTitled(VISIT, 'published'))).toEqual(['周立新']);
    expect((await aliasesOf(app.strapi, OFFICIAL_SPEC, kept!.documentId)).map((alias) => alias.name)).toEqual(['周立兴']);

    // What the misprinting article said is said about the kept entry now, and the kept entry's
    // summary is rebuilt with it by the next import that names it.
    const visit = await app.strapi.db.query(ARTICLE).findOne({ where: { title: VISIT, publishedAt: null }, select: ['sourceKey'] });
    const said = await app.strapi.db.query(CONTRIBUTION).findMany({
      where: { entityType: 'Official', entityKey: { $in: ['周立新', '周立兴'] } },
      select: ['entityKey', 'articleKey'],
    });
    expect(said.filter((row: { entityKey: string }) => row.entityKey === '周立兴')).toEqual([]);
    expect(said.map((row: { articleKey: string }) => row.articleKey)).toContain(visit.sourceKey);
    const keptDraft = await app.strapi.db.query(OFFICIAL).findOne({ where: { documentId: kept!.documentId, publishedAt: null }, select: ['importSnapshot'] });
    expect(keptDraft.importSnapshot).not.toHaveProperty('summary');
  });

  it('links the merged spelling to the kept entry on every later import, writing nothing new', async () => {
    const officialsBefore = await app.strapi.documents(OFFICIAL).count({ status: 'draft' });
    const dryRun = await importKeepingFiles(importer, [VARIANT_PAGE], { ...PUBLISH, dryRun: true, publish: false });
    expect(dryRun.files[0].changes.filter((change) => change.action !== 'unchanged').map((change) => change.type)).toEqual([]);

    const again = await importKeepingFiles(importer, [VARIANT_PAGE], PUBLISH);
    expect(again.failed).toBe(0);
    expect(again.totals.Official).toMatchObject({ create: 0, update: 0 });
    expect(again.totals.Article).toMatchObject({ create: 0, update: 0, keptForEditor: 0 });
    expect(await app.strapi.documents(OFFICIAL).count({ status: 'draft' })).toBe(officialsBefore);
    expect(officialNames(await articleTitled(VISIT))).toEqual(['周立新']);
    expect(officialNames(await articleTitled(VISIT, 'published'))).toEqual(['周立新']);
  });

  it('refuses to merge an entry into itself or into one that does not exist', async () => {
    const kept = await officialNamed('周立新');
    await expect(mergeEntity(app.strapi, OFFICIAL_SPEC, kept!.documentId, kept!.documentId)).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(mergeEntity(app.strapi, OFFICIAL_SPEC, 'nonexistentdocument000', kept!.documentId)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('un-merging restores the merged entry with its links and what was said of it, and the next import changes nothing', async () => {
    const kept = await officialNamed('周立新');
    const [alias] = await aliasesOf(app.strapi, OFFICIAL_SPEC, kept!.documentId);
    const result = await removeAlias(app.strapi, alias.documentId);
    expect(await aliasesOf(app.strapi, OFFICIAL_SPEC, kept!.documentId)).toEqual([]);

    // Right away, not at the next import: both versions as they were, the article linking it again.
    expect(result.restored).toMatchObject({ name: '周立兴', articlesRelinked: 1 });
    const restored = result.restored!.documentId;
    expect(await versionOf(restored, 'draft')).toEqual(beforeMerge.draft);
    expect(await versionOf(restored, 'published')).toEqual(beforeMerge.published);
    expect(officialNames(await articleTitled(VISIT))).toEqual(['周立兴']);
    expect(officialNames(await articleTitled(VISIT, 'published'))).toEqual(['周立兴']);
    expect(await saidAbout('周立兴')).toEqual(beforeMerge.said);
    // The kept entry is still there for the other page.
    expect(officialNames(await articleTitled('高新区重点项目集中签约'))).toContain('周立新');

    // The importer finds everything as it left it: nothing to create, and no article kept as an editor's.
    const again = await importKeepingFiles(importer, [VARIANT_PAGE], PUBLISH);
    expect(again.failed).toBe(0);
    expect(created(again, 'Official')).toBe(0);
    expect(again.totals.Article).toMatchObject({ create: 0, keptForEditor: 0 });
    expect(officialNames(await articleTitled(VISIT))).toEqual(['周立兴']);
    expect(officialNames(await articleTitled(VISIT, 'published'))).toEqual(['周立兴']);
  });

  it('refuses to un-merge into a spelling that exists again, and answers 404 for an alias that does not exist', async () => {
    const kept = await officialNamed('周立新');
    const merged = await officialNamed('周立兴');
    await mergeEntity(app.strapi, OFFICIAL_SPEC, merged!.documentId, kept!.documentId);
    const [alias] = await aliasesOf(app.strapi, OFFICIAL_SPEC, kept!.documentId);
    const lookalike = await app.strapi.documents(OFFICIAL).create({ data: { name: '周立兴' } });
    await expect(removeAlias(app.strapi, alias.documentId)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await aliasesOf(app.strapi, OFFICIAL_SPEC, kept!.documentId)).toHaveLength(1);
    await app.strapi.documents(OFFICIAL).delete({ documentId: lookalike.documentId });
    expect((await removeAlias(app.strapi, alias.documentId)).restored).toMatchObject({ name: '周立兴' });
    await expect(removeAlias(app.strapi, alias.documentId)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('deleting an imported article', () => {
  it('leaves a tombstone when an editor deletes it in the content manager', async () => {
    const article = await articleTitled(STREETS);
    await request(app.http)
      .delete(`/content-manager/collection-types/${ARTICLE}/${article!.documentId}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(await articleTitled(STREETS)).toBeNull();
    const tombstones = await app.strapi.documents(TOMBSTONE).findMany({});
    expect(tombstones).toEqual([expect.objectContaining({ title: STREETS, fileName: 'variant-spelling.txt' })]);
  });

  it('is not re-created by the next import of its page, which says so', async () => {
    const dryRun = await importKeepingFiles(importer, [VARIANT_PAGE], { ...PUBLISH, dryRun: true, publish: false });
    expect(dryRun.files[0].deleted).toEqual([expect.objectContaining({ title: STREETS })]);
    expect(created(dryRun, 'Article')).toBe(0);

    const again = await importKeepingFiles(importer, [VARIANT_PAGE], PUBLISH);
    expect(again.files[0].deleted.map((article) => article.title)).toEqual([STREETS]);
    expect(created(again, 'Article')).toBe(0);
    expect(await articleTitled(STREETS)).toBeNull();
    expect(await app.strapi.documents(ARTICLE).count({ status: 'published', filters: { title: STREETS } })).toBe(0);
  });

  it('comes back when the import restores deleted articles, and the tombstone goes', async () => {
    const restored = await importKeepingFiles(importer, [VARIANT_PAGE], { ...PUBLISH, restoreDeleted: true });
    expect(restored.files[0].deleted).toEqual([]);
    expect(created(restored, 'Article')).toBe(1);
    expect(await articleTitled(STREETS, 'published')).not.toBeNull();
    expect(await app.strapi.documents(TOMBSTONE).count({})).toBe(0);

    const again = await importKeepingFiles(importer, [VARIANT_PAGE], PUBLISH);
    expect(again.totals.Article).toMatchObject({ create: 0, update: 0 });
  });

  it('is restored at once from its tombstone, both versions with their links, and the next import changes nothing', async () => {
    const shape = (article: any) => article && { title: article.title, body: article.body, officials: officialNames(article), credits: article.credits.length };
    const versions = async () => {
      const [draft, published] = await Promise.all(
        (['draft', 'published'] as const).map(
          async (status) =>
            (await app.strapi.documents(ARTICLE).findMany({ filters: { title: STREETS }, status, populate: { officials: true, credits: true } }))[0] ?? null,
        ),
      );
      return { draft: shape(draft), published: shape(published) };
    };
    const before = await versions();
    expect(before.published).not.toBeNull();
    const article = await articleTitled(STREETS);
    await request(app.http).delete(`/content-manager/collection-types/${ARTICLE}/${article!.documentId}`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    const [tombstone] = await app.strapi.documents(TOMBSTONE).findMany({});

    const restored = await restoreDeletedArticle(app.strapi, tombstone.documentId);
    expect(restored).toMatchObject({ title: STREETS });
    expect(await versions()).toEqual(before);
    expect(await app.strapi.documents(TOMBSTONE).count({})).toBe(0);
    await expect(restoreDeletedArticle(app.strapi, tombstone.documentId)).rejects.toMatchObject({ name: 'NotFoundError' });

    const again = await importKeepingFiles(importer, [VARIANT_PAGE], PUBLISH);
    expect(again.totals.Article).toMatchObject({ create: 0, update: 0, keptForEditor: 0 });
  });
});
