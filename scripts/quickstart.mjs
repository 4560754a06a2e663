#!/usr/bin/env node
// `npm start`: everything a newcomer needs after `npm ci` — secrets, admin build (cached),
// the sample page imported and published, then the server, with the URLs to open.
// SIGTERM and SIGINT go to whichever step is running, and this process exits with the server,
// so a supervisor (or Ctrl-C) never leaves an orphaned Strapi behind. package.json `exec`s it,
// so npm's own signal forwarding reaches this process and not an intermediate shell.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnv } from './ensure-env.mjs';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const strapiBin = path.join(appRoot, 'node_modules', '.bin', 'strapi');
const tsxCli = path.join(appRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const buildDir = path.join(appRoot, 'dist', 'build');
const buildStamp = path.join(buildDir, '.newsroom-build-stamp');

let current = null;
let stopping = null;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = signal;
    if (current && current.exitCode === null) current.kill(signal);
    else process.exit(0);
  });
}

/** Starts a child with this process's terminal; signals received meanwhile are passed on to it. */
function start(command, args) {
  current = spawn(command, args, { cwd: appRoot, stdio: 'inherit', env: process.env });
  return current;
}

function exited(child) {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function run(command, args) {
  const { code, signal } = await exited(start(command, args));
  if (stopping) process.exit(0);
  if (code !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed (exit ${code ?? signal}).`);
    process.exit(code || 1);
  }
}

function filesUnder(target) {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target).flatMap((name) => filesUnder(path.join(target, name)));
}

/** The admin bundle depends on the installed packages, the admin customisations and admin config. */
function adminInputsHash() {
  const inputs = ['package-lock.json', 'src/admin', 'config/admin.ts', 'config/plugins.ts']
    .flatMap((entry) => filesUnder(path.join(appRoot, entry)))
    .sort();
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

async function buildAdminIfStale() {
  const wanted = adminInputsHash();
  const builtIndex = path.join(buildDir, 'index.html');
  if (existsSync(builtIndex) && existsSync(buildStamp) && readFileSync(buildStamp, 'utf8') === wanted) {
    console.log('Admin panel: up to date, not rebuilding.');
    return;
  }
  console.log('Building the admin panel (about a minute, once)…');
  await run(strapiBin, ['build']);
  writeFileSync(buildStamp, wanted);
}

async function waitForHealth(url, child) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Secrets already in the environment (a supervisor's, CI's) leave no .env to read. */
function loadDotEnv() {
  const file = path.join(appRoot, '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)$/);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

function modeBanner() {
  if (process.env.NODE_ENV === 'production') return 'Mode: production (NODE_ENV=production).';
  return [
    'Mode: development (GraphQL landing page, introspection and error details are on).',
    'For production: NODE_ENV=production npm run build, then NODE_ENV=production npm run serve',
    'under a supervisor; see docs/operations.md.',
  ].join('\n');
}

async function main() {
  const generated = ensureEnv();
  if (generated.length > 0) console.log(`.env: generated ${generated.join(', ')}`);
  loadDotEnv();

  await buildAdminIfStale();
  console.log('Importing and publishing the pages in seeds/…');
  await run(process.execPath, [tsxCli, 'src/cli/seed.ts', '--publish']);

  const port = process.env.PORT ?? '1337';
  const base = `http://localhost:${port}`;
  const server = start(strapiBin, ['start']);
  exited(server).then(({ code }) => process.exit(stopping ? 0 : code || 1));

  if (await waitForHealth(`http://127.0.0.1:${port}/_health`, server)) {
    console.log(
      [
        '',
        'Newsroom is running:',
        `  Admin panel  ${base}/admin`,
        `  REST         ${base}/api/articles`,
        `  GraphQL      ${base}/graphql`,
        '',
        modeBanner(),
        '',
      ].join('\n'),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
