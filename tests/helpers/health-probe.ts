import { spawn } from 'node:child_process';

/**
 * Health checks sent from a process of their own, one after another with `gapMs` between them,
 * each over a new connection: a server that stops its event loop cannot also stop the clock
 * that measures it, as a client in the same process would.
 */
const PROBE = `
const http = require('node:http');
const [port, gapMs] = process.argv.slice(1).map(Number);
let stopping = false;
process.stdin.on('data', () => { stopping = true; });
const check = () => new Promise((resolve, reject) => {
  const started = performance.now();
  http.get({ host: '127.0.0.1', port, path: '/_health', agent: false }, (res) => {
    res.resume();
    res.on('end', () => resolve(performance.now() - started));
  }).on('error', reject);
});
(async () => {
  const latencies = [];
  process.stdout.write('started\\n');
  while (!stopping) {
    latencies.push(await check());
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  process.stdout.write(JSON.stringify(latencies));
  process.exit(0);
})();
`;

export interface HealthProbe {
  /** Ends the checks; resolves with the latency of each, in milliseconds. */
  stop(): Promise<number[]>;
}

export async function startHealthProbe(port: number, gapMs = 5): Promise<HealthProbe> {
  const child = spawn(process.execPath, ['-e', PROBE, String(port), String(gapMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  const finished = new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.slice(output.indexOf('\n') + 1))) : reject(new Error(`health probe exited with ${code}`))));
  });
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.startsWith('started\n')) resolve();
    });
  });
  return {
    stop() {
      child.stdin.end('stop\n');
      return finished;
    },
  };
}
