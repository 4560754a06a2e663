import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './manifest';

/**
 * Which files of a folder are pages: `.txt` files, read in name order. Everything else in the
 * folder is reported as skipped with the reason, so nothing goes unimported unnoticed (a
 * generator's `expected.jsonl` once became a page); only hidden files and the manifest, which
 * is read as the pages' metadata, are passed over in silence. A page that cannot be read (a
 * broken or looping link, a pipe) stays in the list, so that reading it fails with its own
 * message and the folder's other pages still import.
 */
export interface SkippedEntry {
  file: string;
  reason: string;
}

export interface FolderPages {
  pages: string[];
  skipped: SkippedEntry[];
}

const PAGE_EXTENSION = '.txt';

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false; // a broken or looping link: listed, and reported when it is read
  }
}

/**
 * Where a symbolic link leads when that is outside `folder` (its real path): a page folder is
 * what an editor hands over, and a link in it must not read the server's own files
 * (`/etc/passwd` once showed to editors as a page's unassigned text). Undefined for anything
 * else, broken links included (reading them reports them).
 */
function linkOutOf(realFolder: string, file: string): string | undefined {
  if (!lstatSync(file).isSymbolicLink()) return undefined;
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    return undefined;
  }
  const relative = path.relative(realFolder, target);
  return relative.startsWith('..') || path.isAbsolute(relative) ? target : undefined;
}

function skipReason(realFolder: string, file: string): string | undefined {
  const outside = linkOutOf(realFolder, file);
  if (outside !== undefined) return `a link to ${outside}, outside the folder: not followed`;
  if (isDirectory(file)) return 'a folder: subfolders are not searched';
  if (!file.toLowerCase().endsWith(PAGE_EXTENSION)) return `not a page: pages are ${PAGE_EXTENSION} files`;
  return undefined;
}

/** A folder's pages in name order, and what else it holds. */
export function pagesIn(folder: string): FolderPages {
  const realFolder = realpathSync(folder);
  const result: FolderPages = { pages: [], skipped: [] };
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith('.') || name === MANIFEST_FILE) continue;
    const file = path.join(folder, name);
    const reason = skipReason(realFolder, file);
    if (reason === undefined) result.pages.push(file);
    else result.skipped.push({ file, reason });
  }
  return result;
}

/** Folders expand to their pages; anything else is passed on, so a missing file gets its own error. */
export function resolvePages(paths: readonly string[], defaultFolder: string): FolderPages {
  if (paths.length === 0) return pagesIn(defaultFolder);
  const result: FolderPages = { pages: [], skipped: [] };
  for (const given of paths) {
    if (!isDirectory(given)) {
      result.pages.push(given);
      continue;
    }
    const { pages, skipped } = pagesIn(given);
    result.pages.push(...pages);
    result.skipped.push(...skipped);
  }
  return result;
}
