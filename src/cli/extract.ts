import { z } from 'zod';
import { IsoDateSchema } from '../importer';
import { PageError } from '../importer';
import { extractPage, readPage } from '../importer';

/**
 * `npm run --silent extract -- [--issue-date YYYY-MM-DD] <file>`: prints one page's extraction as
 * JSON. Page problems are reported as `extract: file:line: message` for the editor who has to fix
 * the file.
 */

const USAGE = `usage: npm run --silent extract -- [--issue-date YYYY-MM-DD] <page.txt>

Reads one OCR'd newspaper page and prints its articles as JSON (see src/importer/extraction-schema.ts).
With --issue-date, datelines such as 昨日 or 1月28日 are resolved to an eventDate.
Warnings go to stderr. Exit codes: 0 ok, 1 problem with the page, 2 usage or internal error.`;

const ArgsSchema = z.object({
  help: z.boolean(),
  issueDate: IsoDateSchema.nullable(),
  files: z.array(z.string().min(1)),
});

class UsageError extends Error {}

export function parseExtractArgs(argv: readonly string[]): z.infer<typeof ArgsSchema> {
  const raw = { help: false, issueDate: null as string | null, files: [] as string[] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') raw.help = true;
    else if (arg === '--issue-date') raw.issueDate = argv[++i] ?? '';
    else if (arg.startsWith('--issue-date=')) raw.issueDate = arg.slice('--issue-date='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else raw.files.push(arg);
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  if (!parsed.data.help && parsed.data.files.length !== 1) throw new UsageError('expected exactly one page file');
  return parsed.data;
}

function main(argv: readonly string[]): number {
  let args: z.infer<typeof ArgsSchema>;
  try {
    args = parseExtractArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`extract: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { extraction, warnings } = extractPage(readPage(args.files[0]), { issueDate: args.issueDate });
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

if (require.main === module) process.exitCode = main(process.argv.slice(2));
