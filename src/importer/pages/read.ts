import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { PageError } from '../errors';
import { MAX_PAGE_BYTES, tooLarge } from '../layout/decode';
import type { PageInput } from '../extract';

/**
 * Reading a page file. Everything is checked on the file's metadata before a byte is read: a
 * named pipe would block the import forever, a 2 GB log file would exhaust memory, and a broken
 * link deserves a better message than "file not found".
 */

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function statOrExplain(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new PageError(path, 'symbolic link loop: the link leads back to itself');
    if (code === 'ENOENT' && isSymbolicLink(path)) {
      throw new PageError(path, `broken symbolic link: its target ${readlinkSync(path)} does not exist`);
    }
    if (code === 'ENOENT') throw new PageError(path, 'file not found');
    if (code === 'EACCES') throw new PageError(path, 'permission denied');
    throw new PageError(path, `cannot read file (${code ?? 'unknown error'})`);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function openOrExplain(path: string): number {
  try {
    return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PageError(path, code === 'EACCES' ? 'permission denied' : `cannot open file (${code ?? 'unknown error'})`);
  }
}

function checkReadable(path: string, stats: Stats): void {
  if (stats.isDirectory()) throw new PageError(path, 'is a directory, not a page file');
  if (!stats.isFile()) throw new PageError(path, `not a regular file: ${kindOf(stats)}`);
  if (stats.size > MAX_PAGE_BYTES) throw tooLarge(path, stats.size);
}

export function readPage(path: string): PageInput {
  checkReadable(path, statOrExplain(path));
  // O_NONBLOCK: should the file be swapped for a pipe after the check, opening it still returns
  // at once, and the check on the open descriptor refuses it.
  const descriptor = openOrExplain(path);
  try {
    checkReadable(path, fstatSync(descriptor));
    return { file: path, bytes: readFileSync(descriptor) };
  } finally {
    closeSync(descriptor);
  }
}
