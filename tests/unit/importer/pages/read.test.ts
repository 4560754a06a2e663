import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageError } from '../../../../src/importer/errors';
import { MAX_PAGE_BYTES } from '../../../../src/importer/layout/decode';
import { readPage } from '../../../../src/importer/pages/read';

function readError(path: string): PageError {
  try {
    readPage(path);
  } catch (error) {
    if (error instanceof PageError) return error;
    throw error;
  }
  throw new Error('expected a PageError');
}

describe('readPage', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'read-page-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a regular file, also through a symbolic link', () => {
    writeFileSync(join(folder, 'page.txt'), '本报讯（记者 高山）正文。\n');
    symlinkSync('page.txt', join(folder, 'link.txt'));
    expect(readPage(join(folder, 'link.txt')).bytes.toString('utf8')).toBe('本报讯（记者 高山）正文。\n');
  });

  it('rejects a missing file and a directory', () => {
    expect(readError('missing/page.txt').toString()).toBe('missing/page.txt: file not found');
    expect(readError(folder).message).toMatch(/is a directory/);
  });

  it('names a broken link and a link loop', () => {
    symlinkSync('gone.txt', join(folder, 'broken.txt'));
    symlinkSync('loop-b.txt', join(folder, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(folder, 'loop-b.txt'));
    expect(readError(join(folder, 'broken.txt')).message).toBe('broken symbolic link: its target gone.txt does not exist');
    expect(readError(join(folder, 'loop-a.txt')).message).toMatch(/^symbolic link loop/);
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(readError(fifo).message).toBe('not a regular file: a named pipe (FIFO)');
  });

  it('refuses a character device', () => {
    expect(readError('/dev/null').message).toBe('not a regular file: a character device');
  });

  it('refuses a file over the size limit without reading it', () => {
    const huge = join(folder, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_PAGE_BYTES + 1);
    expect(readError(huge).message).toBe(
      `page too large (${MAX_PAGE_BYTES + 1} bytes > ${MAX_PAGE_BYTES} bytes); split it into pages`,
    );
  });

  it('does not hang on a pipe even when a writer is waiting', async () => {
    const fifo = join(folder, 'busy-pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `echo text > ${fifo}`]);
    try {
      expect(readError(fifo).message).toMatch(/named pipe/);
    } finally {
      writer.kill();
    }
  });
});
