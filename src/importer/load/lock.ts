import type { Core } from '@strapi/strapi';
import { invalidateResponseCache } from '../../response-cache';

const LOCK_TABLE = 'newsroom_import_locks';
const LOCK_NAME = 'import';
const MAX_ATTEMPTS = 8;

type Knex = Core.Strapi['db']['connection'];

/** Creates the one-row lock table on first use; racing creators are fine, one of them wins. */
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
 * Runs `work` in one database transaction that first takes the import lock: imports from two
 * processes run one after the other, each seeing the other's committed documents, so neither can
 * create a duplicate; any error rolls the whole unit back. Document Service calls inside `work`
 * join the transaction; raw queries use the `trx` it is given. Once it commits, cached API
 * answers are dropped (src/response-cache/).
 */
export async function inImportTransaction<T>(strapi: Core.Strapi, holder: string, work: (trx: Knex) => Promise<T>): Promise<T> {
  await ensureLockRow(strapi.db.connection);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await strapi.db.transaction(async ({ trx }) => {
        // The first statement writes, so the lock is held from the start until commit/rollback.
        await trx(LOCK_TABLE).where({ name: LOCK_NAME }).update({ holder, acquired_at: new Date() });
        await useImportStatementTimeout(strapi, trx);
        return work(trx);
      });
      // Part of the unit was written through the query engine, which no Document Service hook sees.
      await invalidateResponseCache(strapi);
      return result;
    } catch (error) {
      if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.random() * 200));
    }
  }
}
