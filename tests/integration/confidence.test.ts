import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import { ARTICLE_UID, ENTITY_CONTRIBUTION_UID, OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID } from '../../src/content-types';
import type { ImportOptions, Importer } from '../../src/importer/service';
import { importKeepingFiles } from '../helpers/import';
import { APP_ROOT, loadStrapi, provisionDatabase } from '../helpers/strapi';

/**
 * The importer's confidences are stored on the records and links: on each article and credit, on
 * each official, project and platform (the surest article that names it), and on each entity
 * contribution (the link of one article to one entity, as sure as its least sure part). A
 * database imported before confidences existed is upgraded by Strapi's schema sync (nullable
 * columns) and filled by the next import, which keeps what editors changed.
 */
const SAMPLE = path.join(APP_ROOT, 'seeds', '000_c63cc6bb5a561820.txt');
const PUBLISH: ImportOptions = { dryRun: false, publish: true, issueDate: '2023-01-28' };
const ENTITY_UIDS = [OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID];
const EDITED_TITLE = '编辑改过的标题';

/** What the content model before confidences did not have, table by table. */
const COLUMNS_ADDED = [
  { table: 'articles', columns: ['confidence', 'kicker'] },
  { table: 'components_article_credits', columns: ['confidence'] },
  { table: 'officials', columns: ['confidence'] },
  { table: 'projects', columns: ['confidence'] },
  { table: 'research_platforms', columns: ['confidence'] },
  { table: 'entity_contributions', columns: ['confidence'] },
];
const CONFIDENCE_KEYS = new Set(['confidence', 'titleConfidences', 'stageConfidence', 'hostConfidence', 'kicker']);

let strapi: Core.Strapi;
let dropDatabase: () => Promise<void>;

const importer = () => strapi.service('api::importer.importer') as unknown as Importer;
const isProbability = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;

function withoutConfidences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutConfidences);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !CONFIDENCE_KEYS.has(key)).map(([key, inner]) => [key, withoutConfidences(inner)]));
}

const parsedJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * Turns the database into one written by the content model before confidences: the columns go,
 * the snapshots and the entity contributions lose what they said about confidence, Strapi forgets
 * the schema it synced last (so it compares the model with the tables as they are), and the
 * import stamps name other rules, as the previous release's would.
 */
async function asBeforeConfidences(knex: Core.Strapi['db']['connection']): Promise<void> {
  for (const { table, columns } of COLUMNS_ADDED) {
    await knex.schema.alterTable(table, (alter) => {
      for (const column of columns) alter.dropColumn(column);
    });
  }
  for (const table of ['articles', 'officials', 'projects', 'research_platforms']) {
    for (const row of await knex(table).select('id', 'import_snapshot')) {
      const snapshot = withoutConfidences(parsedJson(row.import_snapshot));
      await knex(table).where({ id: row.id }).update({ import_snapshot: JSON.stringify(snapshot) });
    }
  }
  for (const row of await knex('entity_contributions').select('id', 'said')) {
    await knex('entity_contributions').where({ id: row.id }).update({ said: JSON.stringify(withoutConfidences(parsedJson(row.said))) });
  }
  await knex('strapi_database_schema').delete();
  await knex('newsroom_import_stamps').update({ run_key: 'written-by-the-previous-rules' });
}

beforeAll(async () => {
  dropDatabase = await provisionDatabase();
  strapi = await loadStrapi();
});

afterAll(async () => {
  if (strapi) await closeApp(strapi);
  await dropDatabase?.();
});

describe('confidence on records and links', () => {
  it('is stored on every article, credit, entity and entity contribution an import writes, draft and published', async () => {
    await importKeepingFiles(importer(), [SAMPLE], PUBLISH);
    for (const status of ['draft', 'published'] as const) {
      const articles = (await strapi.documents(ARTICLE_UID).findMany({ status, populate: { credits: true } })) as any[];
      expect(articles.length).toBeGreaterThan(0);
      for (const article of articles) {
        expect(isProbability(article.confidence)).toBe(true);
        for (const credit of article.credits) expect(isProbability(credit.confidence)).toBe(true);
      }
      for (const uid of ENTITY_UIDS) {
        const entities = (await strapi.documents(uid as typeof OFFICIAL_UID).findMany({ status })) as any[];
        expect(entities.length).toBeGreaterThan(0);
        for (const entity of entities) expect(isProbability(entity.confidence)).toBe(true);
      }
    }
    const links = (await strapi.db.query(ENTITY_CONTRIBUTION_UID).findMany({ select: ['confidence', 'said'] })) as any[];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const said = parsedJson(link.said);
      expect(isProbability(link.confidence)).toBe(true);
      // A link is no surer than the name it links.
      expect(link.confidence).toBeLessThanOrEqual(said.confidence);
    }
  });

  it('is not shown to anonymous readers', async () => {
    const [article] = (await strapi.documents(ARTICLE_UID).findMany({ status: 'published', populate: { credits: true } })) as any[];
    const sanitized = (await strapi.contentAPI.sanitize.output(article, strapi.getModel(ARTICLE_UID), { auth: undefined })) as any;
    expect(sanitized.confidence).toBeUndefined();
    expect(sanitized.credits[0]).not.toHaveProperty('confidence');
    expect(sanitized).toHaveProperty('kicker');
  });

  it('fills a database imported before confidences existed at its next import, keeping what editors changed', async () => {
    const [first] = (await strapi.documents(ARTICLE_UID).findMany({ status: 'draft', sort: 'sourceKey' })) as any[];
    await strapi.documents(ARTICLE_UID).update({ documentId: first.documentId, data: { title: EDITED_TITLE } as never });
    const knex = strapi.db.connection;
    await asBeforeConfidences(knex);
    await closeApp(strapi);

    strapi = await loadStrapi();
    for (const { table, columns } of COLUMNS_ADDED) {
      for (const column of columns) expect([table, column, await strapi.db.connection.schema.hasColumn(table, column)]).toEqual([table, column, true]);
    }
    const before = (await strapi.documents(ARTICLE_UID).findMany({ status: 'draft' })) as any[];
    expect(before.every((article) => article.confidence === null)).toBe(true);

    const report = await importKeepingFiles(importer(), [SAMPLE], PUBLISH);
    expect(report.files[0].status).toBe('imported');
    const articles = (await strapi.documents(ARTICLE_UID).findMany({ status: 'draft', populate: { credits: true } })) as any[];
    expect(articles.every((article) => isProbability(article.confidence))).toBe(true);
    expect(articles.flatMap((article) => article.credits).every((credit: any) => isProbability(credit.confidence))).toBe(true);
    expect(articles.find((article) => article.documentId === first.documentId).title).toBe(EDITED_TITLE);
    for (const uid of ENTITY_UIDS) {
      const entities = (await strapi.documents(uid as typeof OFFICIAL_UID).findMany({ status: 'published' })) as any[];
      expect(entities.every((entity) => isProbability(entity.confidence))).toBe(true);
    }
    const links = (await strapi.db.query(ENTITY_CONTRIBUTION_UID).findMany({ select: ['confidence'] })) as any[];
    expect(links.every((link) => isProbability(link.confidence))).toBe(true);
  });
});
