import path from 'node:path';
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { enqueuePages, parseQueueSettings } from '../import-queue';
import { IssueDateSchema, deletedLines, fileLine, keptLines, planLines, resolvePages as resolvePagesIn, summaryTable, unassignedLines } from '../importer';
import type { FolderPages, Importer } from '../importer';
import { APP_ROOT, closeApp, compileApp, loadApp } from './app';
import { prepareAppEnvironment, runScript } from './run-script';

const SEEDS_DIR = path.join(APP_ROOT, 'seeds');

const USAGE = `Usage: npm run seed -- [options] [file-or-folder ...]

Imports newspaper pages (the .txt files of a folder; default: seeds/) into the configured
database as drafts; whatever else a folder holds is listed as skipped.

Options:
  --dry-run                 print what would be created, updated or left alone; write nothing
  --publish                 publish what this run creates or updates
  --issue-date YYYY-MM-DD   issue date for every file (otherwise from seeds/manifest.json)
  --restore-deleted         re-create articles of these pages that editors deleted
  --queue                   queue the pages in Redis (REDIS_URL) for \`npm run worker\` instead
  -h, --help                show this help`;

const ArgsSchema = z.object({
  paths: z.array(z.string().min(1)),
  dryRun: z.boolean(),
  publish: z.boolean(),
  issueDate: IssueDateSchema.nullable(),
  restoreDeleted: z.boolean(),
  queue: z.boolean(),
  help: z.boolean(),
});
type Args = z.infer<typeof ArgsSchema>;

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const raw = {
    paths: [] as string[],
    dryRun: false,
    publish: false,
    issueDate: null as string | null,
    restoreDeleted: false,
    queue: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') raw.dryRun = true;
    else if (arg === '--publish') raw.publish = true;
    else if (arg === '--restore-deleted') raw.restoreDeleted = true;
    else if (arg === '--queue') raw.queue = true;
    else if (arg === '-h' || arg === '--help') raw.help = true;
    else if (arg === '--issue-date') raw.issueDate = argv[++i] ?? '';
    else if (arg.startsWith('--issue-date=')) raw.issueDate = arg.slice('--issue-date='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else raw.paths.push(arg);
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
  }
  if (parsed.data.dryRun && parsed.data.publish) throw new UsageError('--dry-run and --publish exclude each other');
  if (parsed.data.dryRun && parsed.data.queue) throw new UsageError('--dry-run and --queue exclude each other');
  return parsed.data;
}

/** The pages to import: the files and folders given, or every page in seeds/; and what the folders held besides. */
export function resolvePages(paths: string[]): FolderPages {
  return resolvePagesIn(paths, SEEDS_DIR);
}

async function bootStrapi(): Promise<Core.Strapi> {
  await prepareAppEnvironment();
  process.stderr.write('Compiling the app…\n');
  compileApp();
  return loadApp();
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`seed: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const { pages, skipped } = resolvePages(args.paths);
  for (const { file, reason } of skipped) process.stdout.write(`- ${file}: skipped, ${reason}\n`);
  if (pages.length === 0) {
    process.stderr.write('seed: no page files to import\n');
    return 1;
  }

  const strapi = await bootStrapi();
  try {
    if (args.queue) {
      const runId = await enqueuePages(parseQueueSettings(strapi.config.get('redis')), pages, args);
      process.stdout.write(`Queued ${pages.length} page(s) as run ${runId}; \`npm run worker\` imports them.\n`);
      return 0;
    }
    const importer = strapi.service('api::importer.importer') as unknown as Importer;
    const interactive = process.stderr.isTTY;
    // Only these lines outlive their file's report: they are repeated after the summary.
    const kept: string[] = [];
    const report = await importer.importFiles(pages, args, (file, done, total) => {
      if (interactive) process.stderr.write('\r\x1b[K');
      process.stdout.write(`${[fileLine(file), ...unassignedLines(file), ...deletedLines(file)].join('\n')}\n`);
      if (args.dryRun) process.stdout.write(`${planLines(file).join('\n')}\n`);
      kept.push(...keptLines(file));
      if (interactive && done < total) process.stderr.write(`[${done}/${total}] importing ${path.basename(pages[done])}…`);
    });

    process.stdout.write(`\n${args.dryRun ? 'Plan (dry run, nothing written)' : 'Summary'}:\n${summaryTable(report)}\n`);
    if (kept.length > 0) process.stdout.write(`\nKept because an editor changed them:\n${kept.join('\n')}\n`);
    if (report.failed > 0) process.stderr.write(`\n${report.failed} of ${report.fileCount} file(s) failed; nothing of them was written.\n`);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await closeApp(strapi);
  }
}

if (require.main === module) runScript('seed', main, { crashCode: 2 });
