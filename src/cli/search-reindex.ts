import { closeApp, compileApp, loadApp } from './app';
import { reindex } from '../search/service';
import { runAppScriptWithoutArguments } from './run-script';

/** `npm run search:reindex`: rebuilds the search index from the published content. No arguments. */
async function main(): Promise<number> {
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

if (require.main === module) runAppScriptWithoutArguments('search:reindex', main);
