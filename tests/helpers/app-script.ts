import { spawn, type ChildProcess } from 'node:child_process';
import { closeApp } from '../../src/cli/app';
import { typescriptProcessArgs } from './instances';
import { dropRedisKeys } from './redis';
import { APP_ROOT, loadStrapi, provisionDatabase } from './strapi';

/** A command of the app (`src/cli/*.ts`) running in its own process; `output` grows as it prints. */
export interface AppScript {
  child: ChildProcess;
  output: string;
  /** Its exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
}

/**
 * Starts `file` with this process's environment (DATABASE_*, REDIS_URL…), as `npm run` would,
 * and adds it to `started` so that a failing test's cleanup can kill what is left.
 */
export function appScript(file: string, args: string[], started: ChildProcess[]): AppScript {
  const child = spawn(process.execPath, typescriptProcessArgs(file, args), {
    cwd: APP_ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  started.push(child);
  const script: AppScript = { child, output: '', exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stdout.on('data', (chunk) => (script.output += chunk));
  child.stderr.on('data', (chunk) => (script.output += chunk));
  return script;
}

/** Lines a worker (`src/cli/worker.ts`) printed for pages it is done with. */
export const pagesDoneBy = (worker: AppScript) =>
  worker.output.split('\n').filter((line) => /^(imported|skipped|failed) /.test(line)).length;

/** Reads until `done` accepts what it read, every 250 ms, failing with the last value after `timeoutMs`. */
export async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Tests of several processes sharing a queue run on PostgreSQL only, as a deployment that queues
 * imports for workers does; CI's SQLite phase keeps to what one process needs, and boots nothing
 * for them.
 */
export const ON_POSTGRES = process.env.DATABASE_CLIENT === 'postgres';
export const postgresOnlyIt = ON_POSTGRES ? it : it.skip;

/**
 * The shared start and end of such a test file: a database of its own, migrated once (with the
 * admin from `env`) before any worker or instance starts, as a deployment migrates first; at the
 * end every process it started is killed, `tearDown` runs (stop instances, remove files), then the
 * database and the test's Redis keys go. Returns the list `appScript` adds its processes to.
 */
export function processesSharingAQueue(
  env: Record<string, string> & { REDIS_URL: string; REDIS_KEY_PREFIX: string },
  hooks: { setUp?: () => Promise<void>; tearDown?: () => Promise<void> } = {},
): ChildProcess[] {
  const children: ChildProcess[] = [];
  if (!ON_POSTGRES) return children;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    await hooks.setUp?.();
    dropDatabase = await provisionDatabase();
    Object.assign(process.env, env);
    await closeApp(await loadStrapi());
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await hooks.tearDown?.();
    await dropDatabase?.();
    await dropRedisKeys(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  }, 60_000);
  return children;
}
