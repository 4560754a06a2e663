import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ROOT } from './strapi';

/** A Strapi instance in its own process (tests/helpers/serve-instance.ts), as a deployment runs several. */
export interface Instance {
  url: string;
  port: number;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Node's arguments to run a TypeScript file of the app in one process, with tsx's loader. Not
 * tsx's command line: it runs the script in a child process, which a SIGKILL sent to it would
 * leave running.
 */
export function typescriptProcessArgs(file: string, args: string[] = []): string[] {
  const tsx = path.join(APP_ROOT, 'node_modules', 'tsx', 'dist');
  return ['--require', path.join(tsx, 'preflight.cjs'), '--import', pathToFileURL(path.join(tsx, 'loader.mjs')).href, file, ...args];
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts an instance on the database the DATABASE_* variables name (provisionDatabase set them) and
 * resolves once it listens. `env` adds to this process's environment (REDIS_URL, limits).
 */
export async function startInstance(env: Record<string, string>, startTimeoutMs = 120_000): Promise<Instance> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tests/helpers/serve-instance.ts'],
    {
      cwd: APP_ROOT,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Instance on port ${port} did not start within ${startTimeoutMs} ms:\n${output}`)),
      startTimeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Instance on port ${port} exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
