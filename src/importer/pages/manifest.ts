import { readFileSync, statSync } from 'node:fs';
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

/**
 * Parsed manifests by path, valid while the file keeps its size and modification time: a folder of
 * thousands of pages shares one manifest, which must not be read again for each page.
 */
const parsedManifests = new Map<string, { mtimeMs: number; size: number; manifest: Manifest }>();

/** The manifest beside a page file, if there is one; an invalid one is an error, not ignored. */
function readManifestBeside(pageFile: string): Manifest {
  const manifestPath = path.join(path.dirname(pageFile), MANIFEST_FILE);
  let stats;
  try {
    stats = statSync(manifestPath);
  } catch {
    return {};
  }
  const cached = parsedManifests.get(manifestPath);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.manifest;

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
  parsedManifests.set(manifestPath, { mtimeMs: stats.mtimeMs, size: stats.size, manifest: parsed.data });
  return parsed.data;
}

/** --issue-date on the command line wins over the manifest; the page number only comes from the manifest. */
export function pageMetaFor(pageFile: string, issueDateOverride: string | null): PageMeta {
  const entry = readManifestBeside(pageFile)[path.basename(pageFile)] ?? {};
  return { issueDate: issueDateOverride ?? entry.issueDate ?? null, page: entry.page ?? null };
}
