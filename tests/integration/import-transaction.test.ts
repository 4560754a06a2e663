import { startTestApp, type TestApp } from '../helpers/strapi';
import { inImportTransaction } from '../../src/importer/load/lock';

/**
 * An import's statements run under the importer's own timeout on PostgreSQL (a large archive's
 * publish statements outgrow the 10 s guard of the content API), and only inside the import.
 */
const onPostgres = (process.env.DATABASE_CLIENT ?? 'sqlite') === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('the import transaction on PostgreSQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    process.env.IMPORT_STATEMENT_TIMEOUT_MS = '90000';
    app = await startTestApp();
  });

  afterAll(async () => {
    delete process.env.IMPORT_STATEMENT_TIMEOUT_MS;
    await app?.stop();
  });

  const statementTimeout = async (run: (sql: string) => Promise<{ rows: Array<{ statement_timeout: string }> }>) =>
    (await run('show statement_timeout')).rows[0].statement_timeout;

  it('gives the import its own statement timeout', async () => {
    const inside = await inImportTransaction(app.strapi, 'test', (trx) => statementTimeout((sql) => trx.raw(sql)));
    expect(inside).toBe('90s');
  });

  it('leaves every other statement under the server guard', async () => {
    await inImportTransaction(app.strapi, 'test', async () => undefined);
    const connection = app.strapi.db.connection;
    const outside = await Promise.all(Array.from({ length: 4 }, () => statementTimeout((sql) => connection.raw(sql))));
    expect(outside).toEqual(['10s', '10s', '10s', '10s']);
  });
});
