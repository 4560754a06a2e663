import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { chromium, type Browser } from 'playwright-core';

/**
 * The README's first command, run as a newcomer would: `npm start` on an empty SQLite database
 * must serve the admin panel, REST and GraphQL with the sample page imported and published.
 */
const APP_ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'e2e-editor@example.com', password: 'E2e-Editor-2023' };
const LEAD_TITLE = '全省第七期“三个一批”项目建设郑州分会场活动举行';

let server: ChildProcess;
let baseUrl: string;
let workDir: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function waitFor(pattern: RegExp, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(output)) resolve();
      else if (child.exitCode !== null) reject(new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-4000)}`));
      else setTimeout(check, 500);
    };
    check();
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn('npm', ['start'], {
    cwd: APP_ROOT,
    detached: true,
    env: {
      ...process.env,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(workDir, 'data.db'),
      PORT: String(port),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FORCE_COLOR: '0',
    },
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  await waitFor(/Newsroom is running/, server);
}, 600_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  rmSync(workDir, { recursive: true, force: true });
});

/** Every process below `pid`, from /proc (Linux): npm, the quick-start script, Strapi and anything they started. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in parentheses may contain spaces: the parent pid is the 2nd field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const parent = pending.pop()!;
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        pending.push(child);
      }
    }
  }
  return found;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('prints where the admin panel, REST and GraphQL are', () => {
  expect(output).toMatch(/Admin panel\s+http:\/\/localhost:\d+\/admin/);
  expect(output).toMatch(/REST\s+http:\/\/localhost:\d+\/api\/articles/);
  expect(output).toMatch(/GraphQL\s+http:\/\/localhost:\d+\/graphql/);
});

it('says it runs in development mode and how to run in production', () => {
  expect(output).toMatch(/Mode: development/);
  expect(output).toMatch(/NODE_ENV=production npm run serve/);
});

it('serves the sample page through REST', async () => {
  const res = await request(baseUrl).get('/api/articles').expect(200);
  expect(res.body.data).toHaveLength(3);
  const lead = res.body.data.find((article: { title: string }) => article.title === LEAD_TITLE);
  expect(lead.officials).toHaveLength(13);
  expect(lead.projects).toHaveLength(6);
  const officials = await request(baseUrl).get('/api/officials?pagination[pageSize]=100').expect(200);
  expect(officials.body.meta.pagination.total).toBe(17);
});

it('serves the sample page through GraphQL', async () => {
  const res = await request(baseUrl)
    .post('/graphql')
    .send({ query: '{ researchPlatforms { name kind hostInstitution } }' })
    .expect(200);
  expect(res.body.data.researchPlatforms).toHaveLength(4);
});

it('serves the example frontend client (examples/frontend-client): an article with its officials, REST and GraphQL', async () => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [require.resolve('tsx/cli'), 'examples/frontend-client/index.ts'],
      { cwd: APP_ROOT, env: { ...process.env, NEWSROOM_URL: baseUrl } },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${out}${err}`)) : resolve(out)),
    );
  });
  const lines = stdout.trim().split('\n');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines[lines.length - 1]).toMatch(/^GraphQL: .+ — .+/);
});

it('finds the sample page through search', async () => {
  const res = await request(baseUrl).get(`/api/search?q=${encodeURIComponent('郑州')}`).expect(200);
  expect(res.body.data.articles.map((hit: { title: string }) => hit.title)).toContain(LEAD_TITLE);
});

describe('admin panel', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the editor from ADMIN_EMAIL sign in and lists the imported articles', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.getByLabel(/email/i).fill(ADMIN.email);
    await page.getByLabel(/password/i).fill(ADMIN.password);
    await page.getByRole('button', { name: /login/i }).click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });

    await page.goto(`${baseUrl}/admin/content-manager/collection-types/api::article.article`);
    await page.getByText(LEAD_TITLE).waitFor({ timeout: 60_000 });
    // One header row and the three articles of the sample page.
    expect(await page.getByRole('row').count()).toBe(4);
    await page.screenshot({ path: path.join(os.tmpdir(), 'newsroom-admin-articles.png'), fullPage: true });

    // The edit view: bilingual labels, and none of the importer's bookkeeping.
    await page.getByText(LEAD_TITLE).click();
    await page.getByText('Credits 署名').first().waitFor({ timeout: 60_000 });
    const editView = await page.content();
    expect(editView).toContain('Title 标题');
    expect(editView).toContain('Event date 事件日期');
    expect(editView).not.toMatch(/import ?snapshot|import ?key/i);
    await page.screenshot({ path: path.join(os.tmpdir(), 'newsroom-admin-article.png'), fullPage: true });

    // The imported page, for the editors' desk: its file and the text no article took.
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/api::page.page`);
    await page.getByText('000_c63cc6bb5a561820.txt').waitFor({ timeout: 60_000 });
    expect(await page.content()).toContain('Unassigned text 未归属文字');
    await page.screenshot({ path: path.join(os.tmpdir(), 'newsroom-admin-pages.png'), fullPage: true });
  });
});

// Last: it stops the server the other tests use.
describe('stopping', () => {
  it('ends Strapi and every other child when npm alone receives SIGTERM', async () => {
    const children = descendantsOf(server.pid!);
    expect(children.length).toBeGreaterThan(0);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(server.pid!, 'SIGTERM');
    await exited;
    const deadline = Date.now() + 20_000;
    while (children.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(children.filter(isAlive)).toEqual([]);
  }, 60_000);
});
