import path from 'node:path';
import { deskRunRecorder } from '../desk/import-runs';
import { parseQueueSettings, startImportWorker } from '../import-queue';
import type { Importer } from '../importer';
import { closeApp, compileApp, loadApp } from './app';
import { runAppScriptWithoutArguments } from './run-script';

/**
 * `npm run worker`: imports pages queued in Redis (`npm run seed -- --queue`, and the desk's
 * imports when the instances have REDIS_URL; src/import-queue/), writing the desk's outcomes into
 * their import runs, until stopped with Ctrl-C or SIGTERM, which lets the page at hand finish. Run
 * any number, on any host that reaches the database and Redis; each prints a line per page.
 */
async function main(): Promise<number> {
  process.stderr.write('Compiling the app…\n');
  compileApp();
  const strapi = await loadApp();
  // Strapi has read .env by now: REDIS_URL may be set there.
  const settings = parseQueueSettings(strapi.config.get('redis'));
  const importer = strapi.service('api::importer.importer') as unknown as Importer;
  const worker = startImportWorker(settings, importer, {
    deskRuns: deskRunRecorder(strapi),
    onPage: (file, outcome, error) => process.stdout.write(`${outcome} ${path.basename(file)}${error ? `: ${error}` : ''}\n`),
  });
  process.stdout.write(`worker ${process.pid} waiting for pages\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.close();
  await closeApp(strapi);
  return 0;
}

runAppScriptWithoutArguments('worker', main);
