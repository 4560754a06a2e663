import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * The one way scripts, tests and benchmarks get a Strapi instance without a server: compile the
 * app into dist/ (incremental, so a no-op when nothing changed), then load it from there.
 */
export const APP_ROOT = path.resolve(__dirname, '..', '..');

export function compileApp(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: APP_ROOT,
    stdio: 'inherit',
  });
}

/**
 * Loads the compiled app with the configuration the environment names; call compileApp first.
 * `beforeLoad` sees the instance before any register runs (a test watching what the app hooks in).
 */
export async function loadApp(beforeLoad?: (strapi: Core.Strapi) => void): Promise<Core.Strapi> {
  // require, not import(): Strapi's ESM build cannot be resolved by Node's ESM loader, and the
  // environment (secrets, database) must be in place before Strapi reads its config.
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({
    appDir: APP_ROOT,
    distDir: path.join(APP_ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  beforeLoad?.(strapi);
  return strapi.load();
}

interface PoolStats {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Strapi emits its document events after a transaction commits, each loading the entry with
 * every relation and component; destroying the connection pool under those queries aborts them
 * with an unhandled error. Let them finish first. Events start a tick after the write that caused
 * them, so the pool must be idle for a few checks in a row.
 */
export async function closeApp(strapi: Core.Strapi): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: PoolStats }).pool;
  const deadline = Date.now() + 15_000;
  for (let quiet = 0; pool && quiet < 4 && Date.now() < deadline; ) {
    quiet = pool.numUsed() + pool.numPendingAcquires() > 0 ? 0 : quiet + 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await strapi.destroy();
}
