import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { APP_ROOT, closeApp, loadApp } from '../../src/cli/app';

export { APP_ROOT };

/**
 * A real Strapi instance on a throwaway database: a temp SQLite file by default, or a fresh
 * PostgreSQL database when DATABASE_CLIENT=postgres (CI runs the suite both ways). Nothing
 * listens on a port; supertest talks to `strapi.server.httpServer` directly.
 */
export interface TestApp {
  strapi: Core.Strapi;
  http: import('http').Server;
  stop(): Promise<void>;
}

const secret = () => randomBytes(16).toString('base64');

function ensureTestSecrets(): void {
  process.env.APP_KEYS ??= [secret(), secret()].join(',');
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) {
    process.env[name] ??= secret();
  }
  process.env.LOG_LEVEL ??= 'warn';
  process.env.NODE_ENV ??= 'test';
  // Suites send thousands of requests from one address; tests of the limits turn them on themselves.
  process.env.RATE_LIMIT_ENABLED ??= 'false';
}

function postgresAdminConfig() {
  return {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.PG_ADMIN_DATABASE ?? 'test',
  };
}

export async function withPostgresAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(postgresAdminConfig());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the throwaway database and points the DATABASE_* variables at it (child processes
 * inherit them); returns its cleanup. `copyOf` names a database to start from (a SQLite file
 * or a PostgreSQL database nobody is connected to), e.g. the security suite's archive.
 */
export async function provisionDatabase(copyOf?: string): Promise<() => Promise<void>> {
  ensureTestSecrets();
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'postgres') {
    const name = `newsroom_test_${process.pid}_${randomBytes(3).toString('hex')}`;
    await withPostgresAdmin((admin) => admin.query(`CREATE DATABASE ${name}${copyOf ? ` TEMPLATE ${copyOf}` : ''}`));
    process.env.DATABASE_NAME = name;
    delete process.env.DATABASE_URL;
    return () => withPostgresAdmin(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }
  if (client !== 'sqlite') throw new Error(`Tests support DATABASE_CLIENT sqlite or postgres, not ${client}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'data.db');
  if (copyOf) {
    copyFileSync(copyOf, process.env.DATABASE_FILENAME);
    // A file still open elsewhere keeps its latest commits in the write-ahead log beside it.
    for (const suffix of ['-wal', '-shm']) if (existsSync(copyOf + suffix)) copyFileSync(copyOf + suffix, process.env.DATABASE_FILENAME + suffix);
  }
  return async () => rmSync(dir, { recursive: true, force: true });
}

/** Boots Strapi on whatever database the DATABASE_* variables name. */
export async function loadStrapi(beforeLoad?: (strapi: Core.Strapi) => void): Promise<Core.Strapi> {
  ensureTestSecrets();
  return loadApp(beforeLoad);
}

export async function startTestApp(copyOf?: string): Promise<TestApp> {
  const dropDatabase = await provisionDatabase(copyOf);
  const strapi = await loadStrapi();
  await strapi.server.mount();
  return {
    strapi,
    http: strapi.server.httpServer,
    async stop() {
      await closeApp(strapi);
      await dropDatabase();
    },
  };
}
