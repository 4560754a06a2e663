import { z } from 'zod';
import { PageError } from '../importer/errors';
import { extractPage, readPage } from '../importer/extract';

/**
 * `npm run --silent extract -- <file>`: prints one page's extraction as JSON. Page problems are
 * reported as `extract: file:line: message` for the editor who has to fix the file.
 */

const USAGE = `usage: npm run --silent extract -- <page.txt>

Reads one OCR'd newspaper page and prints its articles as JSON (see src/importer/contract.ts).
Warnings go to stderr. Exit codes: 0 ok, 1 problem with the page, 2 usage or internal error.`;

const ArgvSchema = z.union([
  z.tuple([z.literal('--help')]).transform(() => ({ help: true as const })),
  z
    .tuple([z.string().min(1).refine((arg) => !arg.startsWith('-'), { message: 'unknown option' })])
    .transform(([file]) => ({ help: false as const, file })),
]);

function main(argv: readonly string[]): number {
  const args = ArgvSchema.safeParse(argv);
  if (!args.success) {
    process.stderr.write(`extract: expected exactly one page file\n${USAGE}\n`);
    return 2;
  }
  if (args.data.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { extraction, warnings } = extractPage(readPage(args.data.file));
    for (const warning of warnings) process.stderr.write(`extract: warning: ${warning}\n`);
    process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PageError) {
      process.stderr.write(`extract: ${error.toString()}\n`);
      return 1;
    }
    process.stderr.write(`extract: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
