import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageError } from '../../../../src/importer/errors';
import { pagesIn, resolvePages } from '../../../../src/importer/pages/discover';
import { readPage } from '../../../../src/importer/pages/read';

describe('page discovery', () => {
  let root: string;
  let folder: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'discover-'));
    folder = join(root, 'pages');
    mkdirSync(folder);
    for (const name of ['002.txt', '001.TXT', 'manifest.json', '001.gold.json', 'expected.jsonl', 'README.md', '.hidden']) {
      writeFileSync(join(folder, name), '本报讯（记者 高山）正文。\n');
    }
    writeFileSync(join(root, 'outside.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
    mkdirSync(join(folder, 'nested'));
    mkdirSync(join(folder, 'x.txt'));
    symlinkSync('nested', join(folder, 'link-to-folder'));
    symlinkSync('002.txt', join(folder, '005-inside-link.txt'));
    symlinkSync(join(root, 'outside.txt'), join(folder, '006-outside-link.txt'));
    symlinkSync('../outside.txt', join(folder, '007-relative-outside-link.txt'));
    symlinkSync('gone.txt', join(folder, '003-broken.txt'));
    symlinkSync('004-loop.txt', join(folder, '004-loop.txt'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the .txt files in name order, links inside the folder and broken links included', () => {
    expect(pagesIn(folder).pages).toEqual(['001.TXT', '002.txt', '003-broken.txt', '004-loop.txt', '005-inside-link.txt'].map((name) => join(folder, name)));
  });

  it('says what it skipped and why, except hidden files and the manifest', () => {
    expect(pagesIn(folder).skipped).toEqual([
      { file: join(folder, '001.gold.json'), reason: 'not a page: pages are .txt files' },
      { file: join(folder, '006-outside-link.txt'), reason: `a link to ${join(root, 'outside.txt')}, outside the folder: not followed` },
      { file: join(folder, '007-relative-outside-link.txt'), reason: `a link to ${join(root, 'outside.txt')}, outside the folder: not followed` },
      { file: join(folder, 'README.md'), reason: 'not a page: pages are .txt files' },
      { file: join(folder, 'expected.jsonl'), reason: 'not a page: pages are .txt files' },
      { file: join(folder, 'link-to-folder'), reason: 'a folder: subfolders are not searched' },
      { file: join(folder, 'nested'), reason: 'a folder: subfolders are not searched' },
      { file: join(folder, 'x.txt'), reason: 'a folder: subfolders are not searched' },
    ]);
  });

  it('gives each broken entry its own error while the other pages read', () => {
    const outcomes = pagesIn(folder).pages.map((page) => {
      try {
        readPage(page);
        return 'ok';
      } catch (error) {
        return (error as PageError).message;
      }
    });
    expect(outcomes).toEqual(['ok', 'ok', 'broken symbolic link: its target gone.txt does not exist', expect.stringMatching(/^symbolic link loop/), 'ok']);
  });

  it('expands folders, passes files and missing paths on, and falls back to the default folder', () => {
    expect(resolvePages([join(folder, 'nested'), 'no/such/page.txt', join(folder, '001.TXT')], '/unused')).toEqual({
      pages: ['no/such/page.txt', join(folder, '001.TXT')],
      skipped: [],
    });
    expect(resolvePages([], folder)).toEqual(pagesIn(folder));
  });
});
