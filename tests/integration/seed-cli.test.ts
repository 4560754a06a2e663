import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT, loadStrapi, provisionDatabase } from '../helpers/strapi';

/**
 * The seed command as a user runs it: separate processes against one database, so the import
 * lock, exit codes and messages are exercised for real.
 */
const SAMPLE = path.join(APP_ROOT, 'seeds', '000_c63cc6bb5a561820.txt');
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const STRAY_TEXT_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'stray-text.txt');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function seed(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/seed.ts', ...args], {
      cwd: APP_ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dropDatabase: () => Promise<void>;
let workDir: string;

beforeAll(async () => {
  dropDatabase = await provisionDatabase();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-seed-cli-'));
});

afterAll(async () => {
  await dropDatabase?.();
  rmSync(workDir, { recursive: true, force: true });
});

async function documentCounts() {
  const strapi = await loadStrapi();
  try {
    const count = (uid: string) => strapi.documents(uid as 'api::article.article').count({});
    return {
      articles: await count('api::article.article'),
      officials: await count('api::official.official'),
      projects: await count('api::project.project'),
      platforms: await count('api::research-platform.research-platform'),
    };
  } finally {
    await strapi.destroy();
  }
}

it('rejects bad arguments with usage help and exit code 2', async () => {
  const run = await seed('--issue-date', '2023-13-45', SAMPLE);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/issueDate: expected a date as YYYY-MM-DD/);
  expect(run.stderr).toMatch(/Usage: npm run seed/);
});

it('prints the plan and the text no article took on --dry-run, and writes nothing', async () => {
  const run = await seed('--dry-run', SAMPLE, STRAY_TEXT_PAGE);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/would import 3 article\(s\)/);
  expect(run.stdout).toMatch(/create\s+Official\s+安伟/);
  expect(run.stdout).toMatch(/create\s+Page\s+stray-text\.txt/);
  expect(run.stdout).toMatch(/stray-text\.txt: would import 1 article\(s\).*\n  lines 1-1 belong to no article \(.+\):\n    \| A03 要闻 2023年1月29日\n/);
  expect(run.stdout).toMatch(/Plan \(dry run, nothing written\)/);
  expect(await documentCounts()).toEqual({ articles: 0, officials: 0, projects: 0, platforms: 0 });
});

it('imports the .txt pages of a folder and says what else it skipped, links out of the folder included', async () => {
  const folder = path.join(workDir, 'archive');
  mkdirSync(folder);
  copyFileSync(SAMPLE, path.join(folder, 'page-1.txt'));
  writeFileSync(path.join(folder, 'expected.jsonl'), '{}\n');
  mkdirSync(path.join(folder, 'x.txt'));
  symlinkSync('/etc/passwd', path.join(folder, 'passwd.txt'));

  const run = await seed('--dry-run', folder);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/page-1\.txt: would import 3 article\(s\)/);
  expect(run.stdout).toContain(`- ${path.join(folder, 'expected.jsonl')}: skipped, not a page: pages are .txt files`);
  expect(run.stdout).toContain(`- ${path.join(folder, 'passwd.txt')}: skipped, a link to /etc/passwd, outside the folder: not followed`);
  expect(run.stdout).toContain(`- ${path.join(folder, 'x.txt')}: skipped, a folder: subfolders are not searched`);
  expect(run.stdout).not.toMatch(/root:/);
});

it('never duplicates when two imports run at the same time', async () => {
  const runs = await Promise.all([seed(SAMPLE, CITY_PAGE), seed(CITY_PAGE, SAMPLE)]);
  // The whole output, so a failure shows why an import failed.
  expect(runs.map((run) => ({ code: run.code, output: run.code === 0 ? '' : run.stdout + run.stderr }))).toEqual([
    { code: 0, output: '' },
    { code: 0, output: '' },
  ]);
  expect(await documentCounts()).toEqual({ articles: 5, officials: 20, projects: 8, platforms: 5 });
});

it('names the bad files, imports the good ones and exits non-zero', async () => {
  const empty = path.join(workDir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = path.join(workDir, 'scan.txt');
  writeFileSync(binary, Buffer.concat([Buffer.from('本报讯（记者 张三）\n第二行\n', 'utf8'), Buffer.from([0, 1, 2, 3])]));

  const run = await seed(empty, binary, path.join(workDir, 'missing.txt'), SAMPLE);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/✗ .*empty\.txt:1: empty file/);
  expect(run.stdout).toMatch(/✗ .*scan\.txt:3: .*binary/);
  expect(run.stdout).toMatch(/✗ .*missing\.txt: file not found/);
  // Imported earlier in this file: unchanged since, so it is skipped.
  expect(run.stdout).toMatch(/✓ .*000_c63cc6bb5a561820\.txt: unchanged since its last import, 3 article\(s\)/);
  expect(run.stderr).toMatch(/3 of 4 file\(s\) failed/);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
});
