import { spawn, type ChildProcess } from 'node:child_process';
import { typescriptProcessArgs } from './instances';
import { APP_ROOT } from './strapi';

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
