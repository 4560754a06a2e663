import type { Core } from '@strapi/strapi';

/**
 * Puts SQLite in write-ahead-log mode, with commits synced at checkpoints rather than on every
 * transaction (`synchronous = NORMAL`, SQLite's advice for WAL): the API's readers are no longer
 * blocked by an import's page transactions, and each page commits without syncing the file
 * several times. A crash of the process loses nothing; a power cut may lose the last commits,
 * never the file's consistency. The journal mode is stored in the file; `synchronous` belongs to
 * the connection, which Strapi keeps open for the app's lifetime. DATABASE_SQLITE_WAL=false
 * leaves SQLite's defaults alone (e.g. for a database file on a network share, where WAL does not work).
 */
export async function useSqliteWriteAheadLog(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite' || !strapi.config.get<boolean>('database.sqliteWriteAheadLog', true)) return;
  await strapi.db.connection.raw('pragma journal_mode = WAL');
  await strapi.db.connection.raw('pragma synchronous = NORMAL');
}
