import path from 'node:path';
import { APP_ROOT, closeApp, compileApp, loadApp } from './app';
import { reindex } from '../search/service';
import { runScript } from './run-script';

/** `npm run search:reindex`: rebuilds the search index from the published content. No arguments. */
async function main(): Promise<number> {
  if (process.argv.length > 2) {
    process.stderr.write('usage: npm run search:reindex   (takes no arguments)\n');
    return 2;
  }
  const { ensureEnv } = await import(path.join(APP_ROOT, 'scripts', 'ensure-env.mjs'));
  ensureEnv();
  process.env.LOG_LEVEL ??= 'warn';
  compileApp();
  const strapi = await loadApp();
  try {
    const written = await reindex(strapi);
    process.stdout.write(`Search index rebuilt: ${written} published documents.\n`);
    return 0;
  } finally {
    await closeApp(strapi);
  }
}

if (require.main === module) runScript('search:reindex', main);
