import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageError } from '../../../../src/importer/errors';
import { pagesIn, resolvePages } from '../../../../src/importer/pages/discover';
import { readPage } from '../../../../src/importer/pages/read';

describe('page discovery', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'discover-'));
    for (const name of ['002.txt', '001.txt', 'manifest.json', '001.gold.json', 'README.md', '.hidden']) {
      writeFileSync(join(folder, name), '本报讯（记者 高山）正文。\n');
    }
    mkdirSync(join(folder, 'nested'));
    symlinkSync('nested', join(folder, 'link-to-folder'));
    symlinkSync('gone.txt', join(folder, '003-broken.txt'));
    symlinkSync('004-loop.txt', join(folder, '004-loop.txt'));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists pages in name order without metadata, hidden files or folders, but with broken links', () => {
    expect(pagesIn(folder)).toEqual(['001.txt', '002.txt', '003-broken.txt', '004-loop.txt'].map((name) => join(folder, name)));
  });

  it('gives each broken entry its own error while the other pages read', () => {
    const outcomes = pagesIn(folder).map((page) => {
      try {
        readPage(page);
        return 'ok';
      } catch (error) {
        return (error as PageError).message;
      }
    });
    expect(outcomes).toEqual([
      'ok',
      'ok',
      'broken symbolic link: its target gone.txt does not exist',
      expect.stringMatching(/^symbolic link loop/),
    ]);
  });

  it('expands folders, passes files and missing paths on, and falls back to the default folder', () => {
    expect(resolvePages([join(folder, 'nested'), 'no/such/page.txt', join(folder, '001.txt')], '/unused')).toEqual([
      'no/such/page.txt',
      join(folder, '001.txt'),
    ]);
    expect(resolvePages([], folder)).toEqual(pagesIn(folder));
  });
});
