import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { importKeepingFiles, type ImportWithFiles } from '../helpers/import';
import { loadStrapi, provisionDatabase } from '../helpers/strapi';
import { fillV1Database, V1 } from '../helpers/v1-database';

/**
 * A database filled by content model v1 (JSON lists), with editors' work in it, opened by the
 * current app: database/migrations/ and the bootstrap convert it, and imports carry on from it.
 */
const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: V1.meta.issueDate };
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const UIDS = [ARTICLE, OFFICIAL, 'api::project.project', 'api::research-platform.research-platform', 'api::page.page'];
const LEAD_TITLE = V1.leadTitle;
const OTHER_TITLE = '市政府召开第一次全体（扩大）会议';

let dropDatabase: () => Promise<void>;
let strapi: Core.Strapi;

type Status = 'draft' | 'published';

async function article(title: string, status: Status) {
  const [found] = await strapi.documents(ARTICLE).findMany({ filters: { title }, status, populate: { credits: true } });
  return found as any;
}

async function official(name: string, status: Status) {
  const [found] = await strapi.documents(OFFICIAL).findMany({ filters: { name }, status, populate: { posts: true } });
  return found as any;
}

const credits = (entry: any) => entry.credits.map(({ name, role, printedRole }: any) => ({ name, role, printedRole }));
const posts = (entry: any) => entry.posts.map(({ title, firstSeen, lastSeen }: any) => ({ title, firstSeen, lastSeen }));
const reporter = (name: string, printedRole: string | null = null) => ({ name, role: 'reporter', printedRole });
const post = (title: string, firstSeen: string | null = null, lastSeen = firstSeen) => ({ title, firstSeen, lastSeen });

/** The admin's "modified": the draft was saved after the published version. */
async function isModified(uid: string, documentId: string): Promise<boolean> {
  const rows = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['publishedAt', 'updatedAt'] });
  const time = (published: boolean) =>
    new Date(rows.find((row: { publishedAt: unknown }) => (row.publishedAt !== null) === published).updatedAt).getTime();
  return time(false) > time(true);
}

async function allVersions() {
  const versions: Record<string, unknown> = {};
  for (const uid of UIDS) {
    versions[uid] = await strapi.db.query(uid).findMany({ select: ['id', 'publishedAt', 'updatedAt'], orderBy: { id: 'asc' } });
  }
  return versions;
}

function keptForEditor(report: ImportWithFiles) {
  return report.files[0].changes
    .filter((change) => change.keptForEditor.length > 0)
    .map(({ type, key, keptForEditor: fields }) => [type, key, fields]);
}

beforeAll(async () => {
  dropDatabase = await provisionDatabase();
  await fillV1Database();
  strapi = await loadStrapi();
}, 300_000);

afterAll(async () => {
  if (strapi) await closeApp(strapi);
  await dropDatabase?.();
});

describe('opening a v1 database', () => {
  it('turns reporters into credits, each version its own', async () => {
    expect(credits(await article(LEAD_TITLE, 'published'))).toEqual([reporter('陈锋'), reporter('孙亚文')]);
    expect(credits(await article(LEAD_TITLE, 'draft'))).toEqual(V1.leadDraftReporters.map((name) => reporter(name)));
    expect(credits(await article(OTHER_TITLE, 'published'))).toEqual(credits(await article(OTHER_TITLE, 'draft')));
  });

  it('turns titles into posts dated by the issue that printed them, and keeps editors’ titles undated', async () => {
    expect(posts(await official('安伟', 'published'))).toEqual([post('省委常委', '2023-01-28'), post('市委书记', '2023-01-28')]);
    expect(posts(await official('安伟', 'draft'))).toEqual([post('中共河南省委常委'), post('市委书记', '2023-01-28')]);
    for (const status of ['draft', 'published'] as const) {
      expect(posts(await official('何雄', status))).toEqual(V1.mayor.titles.map((title) => post(title)));
    }
  });

  it('keeps which drafts have unpublished changes', async () => {
    expect(await isModified(ARTICLE, (await article(LEAD_TITLE, 'draft')).documentId)).toBe(true);
    expect(await isModified(ARTICLE, (await article(OTHER_TITLE, 'draft')).documentId)).toBe(false);
    expect(await isModified(OFFICIAL, (await official('安伟', 'draft')).documentId)).toBe(true);
    expect(await isModified(OFFICIAL, (await official('何雄', 'draft')).documentId)).toBe(false);
  });

  it('drops the JSON columns and the holding table', async () => {
    const knex = strapi.db.connection;
    expect(Object.keys(await knex('articles').columnInfo())).not.toContain('reporters');
    expect(Object.keys(await knex('officials').columnInfo())).not.toContain('titles');
    expect(await knex.schema.hasTable('newsroom_held_json_lists')).toBe(false);
  });

  it('keeps what each article said about an official apart from the official, as snapshot version 3 does', async () => {
    const draft = await strapi.db.query(OFFICIAL).findOne({ where: { name: '安伟', publishedAt: null }, select: ['importSnapshot'] });
    expect(draft.importSnapshot).toMatchObject({ version: 3, summary: { posts: [post('市委书记', '2023-01-28'), post('省委常委', '2023-01-28')] } });
    expect(draft.importSnapshot).not.toHaveProperty('contributions');
    const said = await strapi.db.query('api::entity-contribution.entity-contribution').findMany({ where: { entityType: 'Official', entityKey: '安伟' } });
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((row: { said: { issueDate: string } }) => row.said.issueDate === '2023-01-28')).toBe(true);
  });

  it('shows the new fields in the admin views laid out by v1, keeping an editor’s label', async () => {
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const configuration = await contentTypes.findConfiguration(contentTypes.findContentType(ARTICLE));
    expect(configuration.layouts.list).toEqual(['title', 'issueDate', 'reviewStatus', 'confidence', 'officials', 'projects', 'researchPlatforms']);
    expect(configuration.settings).toMatchObject({ defaultSortBy: 'confidence', defaultSortOrder: 'ASC' });
    expect((await strapi.plugin('content-manager').service('components').findConfiguration({ uid: 'article.source' })).metadatas.rawText.edit.visible).toBe(false);
    expect(configuration.metadatas.credits.edit.label).toBe('Credits 署名');
    expect(configuration.metadatas.eventDate.edit.label).toBe('Event date 事件日期');
    expect(configuration.metadatas.title.edit.label).toBe(V1.titleLabel);
  });
});

describe('importing the page again after the migration', () => {
  let first: ImportWithFiles;

  beforeAll(async () => {
    first = await importKeepingFiles(strapi.service('api::importer.importer') as unknown as Importer, [V1.page], PUBLISH);
  });

  it('recognises every editor’s edit as an edit and keeps it', async () => {
    expect(first.failed).toBe(0);
    expect(keptForEditor(first)).toEqual(
      expect.arrayContaining([
        ['Official', '安伟', ['posts']],
        ['Official', '何雄', ['posts']],
        ['Article', expect.any(String), ['credits']],
      ]),
    );
    expect(keptForEditor(first)).toHaveLength(3);
    expect(posts(await official('何雄', 'draft'))).toEqual(V1.mayor.titles.map((title) => post(title)));
    expect(posts(await official('安伟', 'draft'))).toEqual([post('中共河南省委常委'), post('市委书记', '2023-01-28')]);
  });

  it('changes no official but to give it the confidence v1 did not know: the converted posts are what the importer would write', () => {
    expect(first.totals.Official).toMatchObject({ create: 0 });
    const officialUpdates = first.files[0].changes.filter((change) => change.type === 'Official' && change.action === 'update');
    expect(officialUpdates.length).toBeGreaterThan(0);
    for (const change of officialUpdates) expect([change.key, change.fields]).toEqual([change.key, ['confidence']]);
  });

  it('fills in what v1 did not know (printed roles, event dates, the page) where nobody edited', async () => {
    expect(first.totals.Page.create).toBe(1);
    const other = await article(OTHER_TITLE, 'published');
    expect(credits(other).every((credit: { printedRole: string }) => credit.printedRole === '记者')).toBe(true);
    const lead = await article(LEAD_TITLE, 'published');
    expect(lead.eventDate).toBe('2023-01-28');
    expect(credits(lead)).toEqual([reporter('陈锋', '记者'), reporter('孙亚文', '记者')]);
  });

  it('publishes only the importer’s changes: the editor’s pending edits stay drafts', async () => {
    const lead = await article(LEAD_TITLE, 'draft');
    expect(credits(lead)).toEqual(V1.leadDraftReporters.map((name) => reporter(name)));
    expect(lead.eventDate).toBe('2023-01-28');
    expect(await isModified(ARTICLE, lead.documentId)).toBe(true);
    expect(posts(await official('安伟', 'published'))).toEqual([post('省委常委', '2023-01-28'), post('市委书记', '2023-01-28')]);
    expect(await isModified(OFFICIAL, (await official('安伟', 'draft')).documentId)).toBe(true);
  });

  it('writes nothing at all the time after', async () => {
    const before = await allVersions();
    const again = await importKeepingFiles(strapi.service('api::importer.importer') as unknown as Importer, [V1.page], PUBLISH);
    expect(again.files[0].changes.filter((change) => change.action !== 'unchanged')).toEqual([]);
    expect(await allVersions()).toEqual(before);
  });
});
