import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PageError } from '../errors';
import type { PageMeta } from '../plan/desired';

export const IssueDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

/** `seeds/manifest.json`: what is known about each page file but not printed in it. */
const ManifestSchema = z.record(
  z.string().min(1),
  z.strictObject({
    issueDate: IssueDateSchema.optional(),
    page: z.string().trim().min(1).optional(),
  }),
);
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** The manifest beside a page file, if there is one; an invalid one is an error, not ignored. */
function readManifestBeside(pageFile: string): Manifest {
  const manifestPath = path.join(path.dirname(pageFile), MANIFEST_FILE);
  if (!existsSync(manifestPath)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new PageError(manifestPath, `is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new PageError(manifestPath, problem);
  }
  return parsed.data;
}

/** --issue-date on the command line wins over the manifest; the page number only comes from the manifest. */
export function pageMetaFor(pageFile: string, issueDateOverride: string | null): PageMeta {
  const entry = readManifestBeside(pageFile)[path.basename(pageFile)] ?? {};
  return { issueDate: issueDateOverride ?? entry.issueDate ?? null, page: entry.page ?? null };
}
