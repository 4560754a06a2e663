import { startTestApp, type TestApp } from '../helpers/strapi';
import { mergeEntity } from '../../src/importer/load/curation';
import { inImportTransaction, type ImportLocks } from '../../src/importer/load/lock';
import { OFFICIAL_SPEC } from '../../src/importer/plan/records';

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

  it('lets imports that lock different keys run at once, and makes one with the same key, or the whole archive, wait', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let markLocked!: () => void;
    const locked = new Promise<void>((resolve) => (markLocked = resolve));

    const first = inImportTransaction(app.strapi, 'first', async (_trx, locks) => {
      await locks.lockKeys(['Official\u0000甲', 'page\u0000a.txt']);
      markLocked();
      await released;
      events.push('first');
    }, 'keys');
    await locked;

    await inImportTransaction(app.strapi, 'other keys', async (_trx, locks) => {
      await locks.lockKeys(['Official\u0000乙', 'page\u0000b.txt']);
      events.push('other keys');
    }, 'keys');
    const sameKey = inImportTransaction(app.strapi, 'same key', async (_trx, locks) => {
      await locks.lockKeys(['page\u0000c.txt', 'Official\u0000甲']);
      events.push('same key');
    }, 'keys');
    const wholeArchive = inImportTransaction(app.strapi, 'merge', async () => {
      events.push('whole archive');
    });
    // Long enough for either of them to finish, were it not waiting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    events.push('released');
    release();
    await Promise.all([first, sameKey, wholeArchive]);

    expect(events.slice(0, 3)).toEqual(['other keys', 'released', 'first']);
    expect(events.slice(3).sort()).toEqual(['same key', 'whole archive']);
  });

  /** A unit holding `keys` until `release` is called: an import in the middle of its page. */
  async function holding(keys: string[], scope: 'keys' | 'archive' = 'keys') {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let markLocked!: () => void;
    const locked = new Promise<void>((resolve) => (markLocked = resolve));
    const done = inImportTransaction(app.strapi, 'holding', async (_trx, locks: ImportLocks) => {
      await locks.lockKeys(keys);
      markLocked();
      await released;
    }, scope);
    await locked;
    return { release, done };
  }

  const official = async (name: string) =>
    (await app.strapi.documents('api::official.official').create({ data: { name } as never, status: 'published' })).documentId;

  it('merges while imports of pages naming neither entry are under way, and waits for one that names the merged entry', async () => {
    const [merged, kept, other] = [await official('合并甲'), await official('保留乙'), await official('无关丙')];
    const unrelated = await holding(['Official\u0000无关丙', 'page\u0000unrelated.txt']);
    const merging = mergeEntity(app.strapi, OFFICIAL_SPEC, merged, kept);
    try {
      // A merge holding the whole archive would wait for the unrelated import.
      const first = await Promise.race([merging.then(() => 'merged'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000))]);
      expect(first).toBe('merged');
    } finally {
      unrelated.release();
      await Promise.all([unrelated.done, merging]);
    }

    const events: string[] = [];
    const naming = await holding(['Official\u0000无关丙']);
    const waitingMerge = mergeEntity(app.strapi, OFFICIAL_SPEC, other, kept).then(() => events.push('merged'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    events.push('released');
    naming.release();
    await Promise.all([naming.done, waitingMerge]);
    expect(events).toEqual(['released', 'merged']);
  });

  it('waits for the archive inside the transaction, under the import timeout, never on the lock row outside it', async () => {
    const archive = await holding([], 'archive');
    const waiting = inImportTransaction(app.strapi, 'waiting', async () => undefined, 'keys');
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const waits = await app.strapi.db.connection.raw(
        `select wait_event from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      expect(waits.rows).toEqual([{ wait_event: 'advisory' }]);
    } finally {
      archive.release();
      await Promise.all([archive.done, waiting]);
    }
  });
});

