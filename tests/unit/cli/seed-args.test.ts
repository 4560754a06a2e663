import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, resolvePages } from '../../../src/cli/seed';

describe('seed parseArgs', () => {
  it('imports drafts of the default pages when given nothing', () => {
    expect(parseArgs([])).toEqual({
      paths: [],
      dryRun: false,
      publish: false,
      issueDate: null,
      restoreDeleted: false,
      queue: false,
      help: false,
    });
    expect(parseArgs(['--queue', 'a.txt'])).toMatchObject({ queue: true, paths: ['a.txt'] });
    expect(() => parseArgs(['--queue', '--dry-run'])).toThrow(/exclude/);
    expect(parseArgs(['--restore-deleted'])).toMatchObject({ restoreDeleted: true });
  });

  it('reads --dry-run and --publish', () => {
    expect(parseArgs(['--dry-run'])).toMatchObject({ dryRun: true, publish: false });
    expect(parseArgs(['--publish'])).toMatchObject({ dryRun: false, publish: true });
  });

  it('reads --issue-date as a separate or an attached value', () => {
    expect(parseArgs(['--issue-date', '2023-01-28', 'page.txt'])).toMatchObject({ issueDate: '2023-01-28', paths: ['page.txt'] });
    expect(parseArgs(['--issue-date=2023-01-28'])).toMatchObject({ issueDate: '2023-01-28', paths: [] });
  });

  it('keeps the paths in the order given', () => {
    expect(parseArgs(['b.txt', '--dry-run', 'a.txt']).paths).toEqual(['b.txt', 'a.txt']);
  });

  it('reads -h and --help', () => {
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it('rejects an issue date that is not a real YYYY-MM-DD date, saying what it expects', () => {
    expect(() => parseArgs(['--issue-date', '28.01.2023'])).toThrow('issueDate: expected a date as YYYY-MM-DD');
    expect(() => parseArgs(['--issue-date=2023-02-30'])).toThrow('issueDate: expected a date as YYYY-MM-DD');
  });

  it('rejects --issue-date without a value', () => {
    expect(() => parseArgs(['--issue-date'])).toThrow('issueDate: expected a date as YYYY-MM-DD');
  });

  it('rejects an unknown option by name', () => {
    expect(() => parseArgs(['--force'])).toThrow('unknown option --force');
  });

  it('rejects --dry-run together with --publish', () => {
    expect(() => parseArgs(['--dry-run', '--publish'])).toThrow('--dry-run and --publish exclude each other');
  });
});

describe('seed resolvePages', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'seed-args-'));
    for (const name of ['002.txt', '001.txt', 'manifest.json', 'README.md', '.hidden']) writeFileSync(join(folder, name), '');
    mkdirSync(join(folder, 'nested'));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('expands a folder to its .txt pages in name order, and lists the README and subfolders it skipped', () => {
    expect(resolvePages([folder])).toEqual({
      pages: [join(folder, '001.txt'), join(folder, '002.txt')],
      skipped: [
        { file: join(folder, 'README.md'), reason: 'not a page: pages are .txt files' },
        { file: join(folder, 'nested'), reason: 'a folder: subfolders are not searched' },
      ],
    });
  });

  it('passes a missing path on so that it gets its own error later', () => {
    expect(resolvePages(['no/such/page.txt'])).toEqual({ pages: ['no/such/page.txt'], skipped: [] });
  });
});
