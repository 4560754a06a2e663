import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageMetaFor } from '../../../../src/importer/pages/manifest';

let dir: string;
const page = () => path.join(dir, 'page.txt');
const writeManifest = (content: string) => writeFileSync(path.join(dir, 'manifest.json'), content);

/** The error as the CLI prints it: `file: message`. */
function printedError(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return String(error);
  }
  throw new Error('expected an error');
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-manifest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pageMetaFor', () => {
  it('has nothing to say without a manifest', () => {
    expect(pageMetaFor(page(), null)).toEqual({ issueDate: null, page: null });
  });

  it('reads the issue date and page of the file from the manifest beside it', () => {
    writeManifest(JSON.stringify({ 'page.txt': { issueDate: '2023-01-28', page: 'A01' }, 'other.txt': { page: 'A02' } }));
    expect(pageMetaFor(page(), null)).toEqual({ issueDate: '2023-01-28', page: 'A01' });
  });

  it('lets --issue-date win over the manifest, keeping the page', () => {
    writeManifest(JSON.stringify({ 'page.txt': { issueDate: '2023-01-28', page: 'A01' } }));
    expect(pageMetaFor(page(), '2023-02-01')).toEqual({ issueDate: '2023-02-01', page: 'A01' });
  });

  it('names the manifest and the bad entry instead of ignoring it', () => {
    writeManifest(JSON.stringify({ 'page.txt': { issueDate: '28.01.2023' } }));
    expect(printedError(() => pageMetaFor(page(), null))).toMatch(
      /manifest\.json: page\.txt\.issueDate: expected a date as YYYY-MM-DD/,
    );
    writeManifest('{ not json');
    expect(printedError(() => pageMetaFor(page(), null))).toMatch(/manifest\.json: is not valid JSON/);
    writeManifest(JSON.stringify({ 'page.txt': { issue: '2023-01-28' } }));
    expect(printedError(() => pageMetaFor(page(), null))).toMatch(/manifest\.json: page\.txt: Unrecognized key/);
  });
});
