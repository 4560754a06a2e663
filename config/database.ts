import type { Core } from '@strapi/strapi';
import path from 'path';

/**
 * SQLite under .tmp/ by default; PostgreSQL or MySQL/MariaDB when DATABASE_CLIENT says so.
 * The SQLite file is resolved against the app root (this file runs from dist/config),
 * so relative and absolute DATABASE_FILENAME values both mean what they say.
 */
const appRoot = path.resolve(__dirname, '..', '..');

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite') as 'sqlite' | 'postgres' | 'mysql';

  const ssl = env.bool('DATABASE_SSL', false) && {
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };

  const connections = {
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'newsroom'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        ssl,
        schema: env('DATABASE_SCHEMA', 'public'),
        // A runaway query is cancelled by the server instead of holding a pooled connection.
        statement_timeout: env.int('DATABASE_STATEMENT_TIMEOUT_MS', 10000),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    mysql: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'newsroom'),
        user: env('DATABASE_USERNAME', 'root'),
        password: env('DATABASE_PASSWORD', ''),
        ssl,
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      connection: {
        filename: path.resolve(appRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
    /**
     * SQLite's write-ahead log (src/database/sqlite-journal.ts): readers keep reading while an
     * import writes, and a commit costs one sync of the log instead of several of the file.
     */
    sqliteWriteAheadLog: env.bool('DATABASE_SQLITE_WAL', true),
  };
};
