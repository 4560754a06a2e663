#!/usr/bin/env node
// Writes a git-ignored .env with freshly generated secrets the first time the app runs,
// and adds any secret that a later version needs to an existing .env. Never overwrites a value.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const envFile = path.join(appRoot, '.env');

const secret = () => randomBytes(16).toString('base64');
const GENERATED = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
};

export function ensureEnv() {
  const current = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const defined = new Set(
    current.split(/\r?\n/).map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=/)?.[1]).filter(Boolean),
  );
  const missing = Object.keys(GENERATED).filter((name) => !defined.has(name) && !process.env[name]);
  if (missing.length === 0) return [];

  const lines = missing.map((name) => `${name}=${GENERATED[name]()}`);
  if (current) {
    appendFileSync(envFile, `${current.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
  } else {
    writeFileSync(envFile, `# Generated on first run; keep it out of git.\nHOST=0.0.0.0\nPORT=1337\n${lines.join('\n')}\n`, { mode: 0o600 });
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const added = ensureEnv();
  if (added.length > 0) console.log(`.env: generated ${added.join(', ')}`);
}
