import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath, ROOT } from '../importer/pages';

function runEval(...args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('eval CLI', () => {
  jest.setTimeout(60_000);
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'eval-'));
    copyFileSync(fixturePath('stray-text.txt'), join(folder, 'page.txt'));
    const wrongGold = {
      issueDate: '2023-04-03',
      articles: [
        {
          lines: [3, 5],
          headline: null,
          sourceTag: '本报讯',
          outlet: null,
          credits: ['钱进:correspondent'],
          dateline: '4月2日',
          eventDate: '2023-04-02',
          paragraphs: ['4月2日，市图书馆新馆'],
          figures: [['首日接待读者', 5000, '人次']],
        },
      ],
      unassigned: [[1, 1]],
    };
    writeFileSync(join(folder, 'page.gold.json'), JSON.stringify(wrongGold));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints precision and recall per field and per page, and passes --strict on the fixtures', () => {
    const { status, stdout } = runEval('--strict');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^field +tp +fp +fn +precision +recall +F1$/m);
    expect(stdout).toMatch(/^total +\d+ +0 +0 +100\.0% +100\.0% +100\.0%$/m);
    expect(stdout).toMatch(/^000_c63cc6bb5a561820\.txt +3\/3 /m);
  });

  it('fails --strict below 100% and lists the differences with --diff', () => {
    const { status, stdout, stderr } = runEval('--strict', '--diff', folder);
    expect(status).toBe(1);
    expect(stderr).toBe('eval: below 100% (--strict)\n');
    expect(stdout).toContain('lines 3-5 credits: missing 钱进:correspondent  extra 钱进:reporter');
    expect(stdout).toMatch(/^credits +0 +1 +1 +0\.0% +0\.0% +0\.0%$/m);
  });

  it('splits precision at a confidence threshold, and refuses a threshold outside 0..1', () => {
    const { status, stdout } = runEval('--threshold=0.5', folder);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^field +items >= 0\.5 +precision +items < 0\.5 +precision$/m);
    expect(stdout).toMatch(/^credits +1 +0\.0% +0 +-$/m);
    for (const wrong of ['--threshold=2', '--threshold=', '--threshold=abc', '--thresh=0.5']) {
      const refused = runEval(wrong, folder);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toContain('usage:');
    }
  });
});
