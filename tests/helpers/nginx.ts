import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT } from '../../src/cli/app';
import { freePort } from './instances';

export interface Proxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * nginx with the deployed configuration (deploy/nginx/newsroom.conf), round-robin over
 * `upstreams`, in a runtime directory of its own (never the system's nginx service); resolves
 * once it answers /_health through an upstream.
 */
export async function startNginx(upstreams: string[]): Promise<Proxy> {
  const runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  for (const dir of ['client-body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(runtimeDir, dir));
  const port = await freePort();
  const config = readFileSync(path.join(APP_ROOT, 'deploy', 'nginx', 'newsroom.conf'), 'utf8')
    .replaceAll('{{LISTEN}}', `127.0.0.1:${port}`)
    .replaceAll('{{UPSTREAMS}}', upstreams.map((upstream) => `server ${upstream};`).join(' '))
    .replaceAll('{{RUNTIME_DIR}}', runtimeDir);
  const configFile = path.join(runtimeDir, 'nginx.conf');
  writeFileSync(configFile, config);
  const nginx = spawn('nginx', ['-p', runtimeDir, '-c', configFile, '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const proxy: Proxy = {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGTERM');
      await exited;
      rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${proxy.url}/_health`)).status === 204) return proxy;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const log = readFileSync(path.join(runtimeDir, 'error.log'), 'utf8');
      await proxy.stop();
      throw new Error(`nginx did not answer:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
