import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the importer's code and vocabularies produce depends on every file of this folder: the
 * parser's rules, the vocab files and the plan that merges with the database. A hash of all of
 * them (sources under tsx and jest, compiled files in Strapi's dist) changes whenever any of
 * them does, so an unchanged page is re-planned after every change of the rules, never skipped
 * on the strength of its checksum alone. A change that does not alter the result only costs one
 * full re-import.
 */
const CODE_FILE = /\.(ts|js|cjs|mjs|json)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() && CODE_FILE.test(entry.name) ? [full] : [];
  });
}

let memo: string | null = null;

export function rulesFingerprint(): string {
  if (memo !== null) return memo;
  const hash = createHash('sha256');
  for (const file of filesUnder(__dirname).sort()) {
    hash.update(path.relative(__dirname, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  memo = hash.digest('hex');
  return memo;
}
