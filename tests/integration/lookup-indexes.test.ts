import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE_UID } from '../../src/content-types';
import { ensureLookupIndexes, hasIndex, lookupIndexes } from '../../src/importer/startup/lookup-indexes';

/** The importer's lookups by natural key and name must not scan whole tables as an archive grows. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

function indexOf(uid: string, attribute: string): { table: string; column: string; name: string } {
  const meta = app.strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { columnName: string }> };
  const column = meta.attributes[attribute].columnName;
  return { table: meta.tableName, column, name: `${meta.tableName}_${column}_lookup` };
}

it('exist on every looked-up column and appended link order once the app has started', async () => {
  const indexes = lookupIndexes(app.strapi);
  expect(indexes.map((index) => index.name)).toContain('articles_officials_lnk_official_id_article_ord_lookup');
  for (const { table, name } of indexes) expect(await hasIndex(app.strapi, table, name)).toBe(true);
});

it('are ensured again on the next start without failing', async () => {
  await expect(ensureLookupIndexes(app.strapi)).resolves.toBeUndefined();
});

it("serve the importer's article lookup by natural key", async () => {
  const { table, column, name } = indexOf(ARTICLE_UID, 'sourceKey');
  const knex = app.strapi.db.connection;
  const lookup = knex(table).whereIn(column, ['a-1', 'a-2']).toSQL().toNative();
  if (app.strapi.db.dialect.client === 'sqlite') {
    const plan = (await knex.raw(`explain query plan ${lookup.sql}`, lookup.bindings as never[])) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('\n')).toContain(name);
  } else {
    // PostgreSQL scans a near-empty table whatever its indexes; tell the planner not to.
    const plan = await knex.transaction(async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      return (await trx.raw(`explain ${lookup.sql.replace(/\$(\d+)/g, '?')}`, lookup.bindings as never[])).rows as Array<{ 'QUERY PLAN': string }>;
    });
    expect(plan.map((step) => step['QUERY PLAN']).join('\n')).toContain(name);
  }
});
