import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT, closeApp, compileApp, loadApp } from './app';
import { CONTRACT_FILES, contractTexts } from '../contract/files';
import { runAppScriptWithoutArguments } from './run-script';

/**
 * `npm run contract:write`: boots the app on a throwaway SQLite file (the contract does not depend
 * on content) and writes docs/openapi.json and docs/schema.graphql; commit them with the change
 * that altered them (tests/integration/contract.test.ts fails until then).
 */
async function main(): Promise<number> {
  process.env.DATABASE_CLIENT = 'sqlite';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-contract-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'data.db');
  compileApp();
  const strapi = await loadApp();
  try {
    const texts = contractTexts(strapi);
    for (const [kind, file] of Object.entries(CONTRACT_FILES)) {
      mkdirSync(path.dirname(path.join(APP_ROOT, file)), { recursive: true });
      writeFileSync(path.join(APP_ROOT, file), texts[kind as keyof typeof texts]);
      process.stdout.write(`wrote ${file}\n`);
    }
    return 0;
  } finally {
    await closeApp(strapi);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runAppScriptWithoutArguments('contract:write', main, { withStack: true });
