import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Which files of a folder are pages. Anything that is not clearly something else stays in the
 * list, broken links and pipes included, so that reading it fails with its own message and the
 * folder's other pages still import.
 */

/** Beside the pages: the manifest and other JSON metadata, READMEs, hidden files. */
function isPageName(name: string): boolean {
  return !name.startsWith('.') && !/^readme/i.test(name) && !name.toLowerCase().endsWith('.json');
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false; // a broken or looping link: listed, and reported when it is read
  }
}

/** Page files of a folder in name order; subfolders are not searched. */
export function pagesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter(isPageName)
    .sort()
    .map((name) => path.join(folder, name))
    .filter((file) => !isDirectory(file));
}

/** Folders expand to their pages; anything else is passed on, so a missing file gets its own error. */
export function resolvePages(paths: readonly string[], defaultFolder: string): string[] {
  if (paths.length === 0) return pagesIn(defaultFolder);
  return paths.flatMap((given) => (isDirectory(given) ? pagesIn(given) : [given]));
}
