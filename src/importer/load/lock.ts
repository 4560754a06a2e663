import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { runCommittedHooks } from '../hooks';
import { publishedDocumentsOf, recordingUnitEvents } from './entry-events';

const LOCK_TABLE = 'newsroom_import_locks';
const LOCK_NAME = 'import';
const MAX_ATTEMPTS = 8;

type Knex = Core.Strapi['db']['connection'];

/**
 * Creates the one-row lock table and its row on first use; racing creators are fine, one of them
 * wins. Runs outside any transaction, under the server's statement timeout: the row is read
 * first, since an insert of an existing row waits for whichever unit holds the archive (which
 * updates the row) and was cancelled after 10 s, failing an import that waited for a merge.
 */
async function ensureLockRow(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable(LOCK_TABLE))) {
    try {
      await knex.schema.createTable(LOCK_TABLE, (table) => {
        table.string('name', 32).primary();
        table.string('holder', 128);
        table.timestamp('acquired_at');
      });
    } catch (error) {
      if (!(await knex.schema.hasTable(LOCK_TABLE))) throw error;
    }
  }
  if (await knex(LOCK_TABLE).where({ name: LOCK_NAME }).first('name')) return;
  await knex(LOCK_TABLE).insert({ name: LOCK_NAME, holder: null, acquired_at: null }).onConflict('name').ignore();
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  // SQLite gives up waiting for another writer; PostgreSQL/MySQL report a deadlock victim.
  return code.startsWith('SQLITE_BUSY') || code === '40P01' || code === 'ER_LOCK_DEADLOCK';
}

/** The importer's statement budget (config/importer.ts) for the rest of this transaction only. */
async function useImportStatementTimeout(strapi: Core.Strapi, trx: Knex): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  const timeoutMs = strapi.config.get<number>('importer.statementTimeoutMs', 600000);
  await trx.raw(`select set_config('statement_timeout', ?, true)`, [String(timeoutMs)]);
}

/**
 * PostgreSQL advisory locks of the importer: two 32-bit keys, this namespace first. Key 0 of it
 * stands for the whole archive, which page imports share and everything else takes alone.
 */
const ADVISORY_NAMESPACE = 0x6e777372;
const WHOLE_ARCHIVE = 0;

/** A natural key's lock number; two keys that share one merely wait for each other. */
function lockNumber(key: string): number {
  // Never WHOLE_ARCHIVE's number, which would make a key the whole archive.
  return createHash('sha256').update(key).digest().readInt32BE(0) || 1;
}

/** What a unit of work locks besides the archive, once it knows which documents it touches. */
export interface ImportLocks {
  /**
   * Holds these natural keys until the transaction ends, taken in one global order so that two
   * imports never wait for each other in a circle; a circle among later calls is a deadlock the
   * database breaks, and the unit is retried.
   */
  lockKeys(keys: Iterable<string>): Promise<void>;
}

/**
 * `archive`: nothing else imports or curates while `work` runs (un-merges, which change what
 * every page's spellings mean).
 * `keys`: on PostgreSQL, units that share no document run at once (imports, merges, runs'
 * bookkeeping), each locking the natural keys it reads and writes; elsewhere it is `archive`,
 * as SQLite writes one at a time.
 */
export type LockScope = 'archive' | 'keys';

function keyLocks(trx: Knex): ImportLocks {
  const held = new Set<number>();
  return {
    async lockKeys(keys) {
      const numbers = [...new Set([...keys].map(lockNumber))].filter((number) => !held.has(number)).sort((a, b) => a - b);
      if (numbers.length === 0) return;
      // One statement; unnest yields the array in its order, so the locks are taken in that order.
      await trx.raw('select pg_advisory_xact_lock(?, number) from unnest(?::int[]) as number', [ADVISORY_NAMESPACE, numbers]);
      for (const number of numbers) held.add(number);
    },
  };
}

/** For work that holds the whole archive, or reads without writing (a dry run). */
export const NO_KEY_LOCKS: ImportLocks = { lockKeys: async () => undefined };

/** Takes the lock `scope` asks for as the transaction's first statement, held until it ends. */
async function lockFor(strapi: Core.Strapi, trx: Knex, holder: string, scope: LockScope): Promise<ImportLocks> {
  const postgres = strapi.db.dialect.client === 'postgres';
  if (postgres && scope === 'keys') {
    await trx.raw('select pg_advisory_xact_lock_shared(?, ?)', [ADVISORY_NAMESPACE, WHOLE_ARCHIVE]);
    return keyLocks(trx);
  }
  // SQLite's first statement writes, so the lock is held from the start until commit/rollback.
  await trx(LOCK_TABLE).where({ name: LOCK_NAME }).update({ holder, acquired_at: new Date() });
  if (postgres) await trx.raw('select pg_advisory_xact_lock(?, ?)', [ADVISORY_NAMESPACE, WHOLE_ARCHIVE]);
  return NO_KEY_LOCKS;
}

/**
 * Runs `work` in one database transaction that first takes the import lock: imports from two
 * processes that touch the same documents run one after the other, each seeing the other's
 * committed documents, so neither can create a duplicate; any error rolls the whole unit back.
 * Document Service calls inside `work` join the transaction; raw queries use the `trx` it is
 * given. Once it commits, the `committed` import hooks run (src/importer/hooks.ts) with the
 * published documents it changed, as the entry events it recorded (load/entry-events.ts) tell: a
 * unit that writes published rows through the query engine must record their events.
 */
export async function inImportTransaction<T>(
  strapi: Core.Strapi,
  holder: string,
  work: (trx: Knex, locks: ImportLocks) => Promise<T>,
  scope: LockScope = 'archive',
): Promise<T> {
  await ensureLockRow(strapi.db.connection);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { result, events } = await recordingUnitEvents(() =>
        strapi.db.transaction(async ({ trx }) => {
          // Waiting for another import's locks is part of the import, not a reader's statement.
          await useImportStatementTimeout(strapi, trx);
          const locks = await lockFor(strapi, trx, holder, scope);
          return work(trx, locks);
        }),
      );
      // What the unit wrote through the query engine, which no Document Service middleware sees, is
      // known from the entry events it recorded (its Document Service calls were seen as they ran).
      await runCommittedHooks(strapi, publishedDocumentsOf(strapi, events));
      return result;
    } catch (error) {
      if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.random() * 200));
    }
  }
}
