/// <reference lib="dom" />
// The browser-side functions passed to page.evaluate run in Chromium and use its DOM.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Debian's Chromium, never a downloaded browser. */
async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Signs the editor from ADMIN_EMAIL in on the login form. Strapi's guided tour pops over pages on
 * a fresh profile; from here on it is dismissed whenever it shows.
 */
async function signIn(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByRole('button', { name: 'Skip' }), (skip) => skip.click());
  await page.goto(`${baseUrl}/admin/auth/login`);
  // In English, or in Simplified Chinese for an editor who chose it.
  await page.getByLabel(/email|邮/i).fill(ADMIN.email);
  await page.getByLabel(/password|密码/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /login|登录/i }).click();
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
}
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
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the editor from ADMIN_EMAIL sign in and lists the imported articles', async () => {
    const page = await browser.newPage();
    await signIn(page);

    // The content manager opens on the articles awaiting review, with their doubts beside them,
    // and without the desk's bookkeeping types in its menu.
    await page.goto(`${baseUrl}/admin/content-manager`);
    await page.waitForURL(/api::article\.article\?.*reviewStatus.*needs_review/, { timeout: 60_000 });
    await page.getByText(LEAD_TITLE).waitFor({ timeout: 60_000 });
    await page.getByText('Doubtful · flags').waitFor({ timeout: 60_000 });
    await page.getByTestId('article-doubts').first().waitFor({ timeout: 60_000 });
    expect(await page.getByText('Needs review', { exact: true }).count()).toBeGreaterThan(0);
    const menu = page.getByRole('navigation');
    expect(await menu.getByText('Article 文章').count()).toBe(1);
    for (const bookkeeping of ['Alias 别名', 'Import run 导入记录', 'Deleted article 已删除文章']) expect(await menu.getByText(bookkeeping).count()).toBe(0);
    // Strapi's announcements are for developers, not editors.
    expect(await page.getByText(/Introducing the new Media Library/).count()).toBe(0);

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

  it('speaks Simplified Chinese to an editor who chose it: no missing translation of the project’s own strings', async () => {
    const page = await browser.newPage();
    const missing = new Set<string>();
    page.on('console', (message) => {
      const id = message.text().match(/MISSING_TRANSLATION\] Missing message: "([^"]+)"/)?.[1];
      if (id) missing.add(id);
    });
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.evaluate("window.localStorage.setItem('strapi-admin-language', 'zh-Hans')");
    await signIn(page);
    await page.goto(`${baseUrl}/admin/content-manager`);
    await page.getByText('存疑 · 待核').waitFor({ timeout: 60_000 });
    expect(await page.getByText('审核状态').count()).toBeGreaterThan(0);
    // Strapi's own words too, which its zh-Hans file leaves English (see src/admin/app.tsx), and
    // the filter the list opens with names its value in Chinese.
    for (const strapis of ['创建新条目', '集合类型']) await page.getByText(strapis).first().waitFor({ timeout: 10_000 });
    expect(await page.getByText(/找到 3 条/).count()).toBe(1);
    expect(await page.getByText('审核状态 等于 待审核', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/needs_review|Create new entry|entries found/).count()).toBe(0);
    mkdirSync(path.join(APP_ROOT, 'screenshots', 'desk'), { recursive: true });
    await page.screenshot({ path: path.join(APP_ROOT, 'screenshots', 'desk', '0-article-list-zh.png') });
    for (const screen of ['newsroom-desk/review', 'newsroom-desk/import', 'content-manager/collection-types/api::official.official', '']) {
      await page.goto(`${baseUrl}/admin/${screen}`);
      await page.waitForLoadState('networkidle');
    }
    // The home page an editor lands on, with its widgets (Strapi has them in English only).
    await page.getByText('欢迎使用管理后台').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/Welcome to your administration panel|Last edited entries/i).count()).toBe(0);
    const ours = [...missing].filter((id) => /^content-manager\.content-types\.api::|^newsroom-desk\.|[\u3400-\u9fff]|^(needs_review|reviewed)$/u.test(id));
    expect(ours).toEqual([]);
    await page.close();
  });
});

/**
 * The editors' desk in the built admin, as an editor works, in Simplified Chinese: import pages
 * through the Import page, read an article against its print, edit, review and publish, re-import,
 * merge, delete. Screenshots of each step go to screenshots/desk/ (git-ignored; docs/editors/
 * holds copies). The desk's own labels are bilingual; Strapi's are looked for in Chinese.
 */
describe("editors' desk", () => {
  const SHOTS = path.join(APP_ROOT, 'screenshots', 'desk');
  const DESK_PAGES = path.join(APP_ROOT, 'tests', 'fixtures', 'desk');
  const STORM = '市区道路完成雨季排查';
  const STORM_EDITED = '市区道路完成雨季防汛排查';
  const STREETS = '老城区完成街巷改造';
  const DRAINS = '城市排水设施运行平稳';
  let browser: Browser;
  let page: Page;
  let token: string;

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const contentManager = (uid: string, query = '') => `${baseUrl}/admin/content-manager/collection-types/${uid}${query}`;
  const adminGet = async (url: string) => (await request(baseUrl).get(url).set('Authorization', `Bearer ${token}`).expect(200)).body;
  const draftsNamed = async (uid: string, field: string, value: string) =>
    (await adminGet(`/content-manager/collection-types/${uid}?filters[${field}][$eq]=${encodeURIComponent(value)}`)).results;

  /** The design system's date picker takes a day typed as the locale prints it: 2023/03/04 in zh-Hans. */
  const zhDay = (isoDay: string) => isoDay.replaceAll('-', '/');

  /** Each file gets its own issue date; `null` leaves them empty, for the desk to take what it knows. */
  async function importThroughDesk(files: string[], expectInPreview: string | RegExp, issueDate: string | null = '2023-03-04') {
    await page.goto(`${baseUrl}/admin/newsroom-desk/import`);
    await page.getByRole('heading', { name: 'Import pages 导入版面' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('page-drop-zone').waitFor();
    await page.getByLabel('Page files').setInputFiles(files.map((file) => path.join(DESK_PAGES, file)));
    if (issueDate !== null)
      for (const file of files) {
        const picker = page.getByLabel(`Issue date of ${file}`);
        await picker.fill(zhDay(issueDate));
        await picker.blur();
      }
    await page.getByRole('button', { name: 'Preview 预览' }).click();
    await page.getByText(expectInPreview).first().waitFor({ timeout: 60_000 });
  }

  async function confirmDialog(name: string | RegExp) {
    await page.getByRole('alertdialog').getByRole('button', { name }).click();
  }

  /** Actions that reload the page when done: the next step starts once the reloaded page has loaded. */
  async function reloadingAfter(action: () => Promise<void>) {
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await action();
    await reloaded;
    await page.getByTestId('printed-source').waitFor({ timeout: 60_000 });
  }

  async function confirmImport() {
    await page.getByRole('button', { name: 'Import as drafts 导入为草稿' }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  }

  async function documentAction(name: string | RegExp) {
    const direct = page.getByRole('button', { name });
    if (await direct.count()) return direct.first().click();
    await page.getByRole('button', { name: '更多文档操作' }).click();
    await page.getByRole('menuitem', { name }).click();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const login = await request(baseUrl).post('/admin/login').send(ADMIN).expect(200);
    token = login.body.data.token;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.evaluate("window.localStorage.setItem('strapi-admin-language', 'zh-Hans')");
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports two pages from the Import page: preview first, then the run is recorded', async () => {
    await page.getByRole('link', { name: '导入版面' }).click();
    await importThroughDesk(['second-spelling.txt', 'variant-spelling.txt'], '经开区调研重点项目');
    expect(await page.getByText(STORM).count()).toBeGreaterThan(0);
    expect(await draftsNamed('api::article.article', 'title', STORM)).toHaveLength(0);
    await shot('1-import-preview');
    await confirmImport();
    const history = page.getByRole('grid', { name: 'Import runs' });
    await history.getByText('variant-spelling.txt').waitFor();
    expect(await history.getByText('second-spelling.txt').count()).toBe(1);
    await shot('2-import-summary');
    expect(await draftsNamed('api::article.article', 'title', STORM)).toHaveLength(1);
  });

  it('shows the printed source beside the form, with the marks, and lets the editor edit, review and publish', async () => {
    const [storm] = await draftsNamed('api::article.article', 'title', STORM);
    await page.goto(contentManager('api::article.article', `/${storm.documentId}`));
    const panel = page.getByTestId('printed-source');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByText('Official 官员: 周立新 — line 4').waitFor();
    expect(await panel.getByText('Figure 数据: 易涝点 42处 — line 5').count()).toBe(1);
    await shot('3-printed-source');
    // No frontend to preview in (config/admin.ts): editors are not sent to Strapi's developer docs.
    expect(await page.getByText('设置预览').count()).toBe(0);

    await page.getByLabel(/^标题\*?$/).fill(STORM_EDITED);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存').first().waitFor({ timeout: 30_000 });
    await documentAction(/Mark reviewed and publish/);
    await page.getByTestId('publish-plan').getByText('周立新').waitFor({ timeout: 30_000 });
    await shot('4-publish-confirmation');
    await reloadingAfter(() => confirmDialog('Publish 发布'));
    const published = await request(baseUrl).get(`/api/articles?filters[title][$eq]=${encodeURIComponent(STORM_EDITED)}`).expect(200);
    expect(published.body.data).toEqual([expect.objectContaining({ reviewStatus: 'reviewed' })]);
    await shot('4-reviewed-and-published');
  });

  it('re-imports a page with no issue date given and clears nothing: the desk takes the date it knows', async () => {
    const [before] = await draftsNamed('api::article.article', 'title', STORM_EDITED);
    await importThroughDesk(['second-spelling.txt'], "Issue date from the page's last import", null);
    expect(await page.getByLabel('Issue date of second-spelling.txt').inputValue()).toBe(zhDay('2023-03-04'));
    expect(await page.getByTestId('clears-warning').count()).toBe(0);
    await shot('7-import-no-date');
    await confirmImport();
    const [after] = await draftsNamed('api::article.article', 'title', STORM_EDITED);
    expect(after).toMatchObject({ issueDate: before.issueDate, eventDate: before.eventDate, page: before.page });
    expect(after.issueDate).toBe('2023-03-04');
  });

  it("publishes an article with the official's new post, and the public API shows it", async () => {
    const publicZhou = async () => (await request(baseUrl).get(`/api/officials?filters[name][$eq]=${encodeURIComponent('周立新')}`).expect(200)).body.data[0];
    const postsBefore = (await publicZhou()).posts.map((post: { title: string }) => post.title);
    await importThroughDesk(['new-post.txt'], DRAINS);
    await confirmImport();
    const [drains] = await draftsNamed('api::article.article', 'title', DRAINS);
    await page.goto(contentManager('api::article.article', `/${drains.documentId}`));
    await page.getByTestId('printed-source').waitFor({ timeout: 60_000 });
    await documentAction(/Mark reviewed and publish/);
    await page.getByTestId('publish-plan').getByText('周立新').waitFor({ timeout: 30_000 });
    await reloadingAfter(() => confirmDialog('Publish 发布'));
    const postsAfter = (await publicZhou()).posts.map((post: { title: string }) => post.title);
    expect(postsAfter.length).toBeGreaterThan(postsBefore.length);
  });

  /** Selects `text` in the printed lines, as an editor does with the mouse. */
  async function selectInPrintedSource(text: string) {
    await page
      .getByTestId('printed-source')
      .locator('ol')
      .evaluate((lines, wanted) => {
        const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(wanted) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          lines.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
        throw new Error(`${wanted} is not in the printed lines`);
      }, text);
  }

  it('corrects links from the Printed source panel (unlinks a wrong official, links a missed project), and a re-import keeps both', async () => {
    const [drains] = await draftsNamed('api::article.article', 'title', DRAINS);
    const linked = async (kind: string) =>
      (await adminGet(`/newsroom-desk/articles/${drains.documentId}/printed-source`)).data.marks
        .filter((mark: { kind: string }) => mark.kind === kind)
        .map((mark: { text: string }) => mark.text);
    expect(await linked('official')).toContain('吴海峰');
    await page.goto(contentManager('api::article.article', `/${drains.documentId}`));
    await page.getByTestId('printed-source').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Unlink 吴海峰' }).click();
    // It asks first; cancelled, nothing changes.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel 取消' }).click();
    expect(await linked('official')).toContain('吴海峰');
    await page.getByRole('button', { name: 'Unlink 吴海峰' }).click();
    await page.getByRole('alertdialog').getByText('Unlink 吴海峰? 取消关联 吴海峰？').waitFor();
    await shot('8-unlink-confirmation');
    await reloadingAfter(() => confirmDialog('Unlink 取消关联'));
    await shot('8-unlinked-from-printed-source');
    expect(await linked('official')).not.toContain('吴海峰');

    // The name is selected first, then its type chosen (which moves the focus off the print).
    await selectInPrintedSource('城市排水设施');
    await page.getByTestId('selected-name').getByText('城市排水设施').waitFor();
    await page.getByRole('combobox', { name: 'Link as' }).click();
    await page.getByRole('option', { name: 'Project 项目' }).click();
    await reloadingAfter(() => page.getByRole('button', { name: 'Link selected text 关联所选文字' }).click());
    expect(await linked('project')).toContain('城市排水设施');

    await importThroughDesk(['new-post.txt'], DRAINS, '2023-03-09');
    await confirmImport();
    expect(await linked('official')).not.toContain('吴海峰');
    expect(await linked('project')).toContain('城市排水设施');
  });

  it("keeps the editor's title when the page is imported again", async () => {
    await importThroughDesk(['second-spelling.txt'], 'kept for editor 保留: title');
    await confirmImport();
    expect(await draftsNamed('api::article.article', 'title', STORM_EDITED)).toHaveLength(1);
    expect(await draftsNamed('api::article.article', 'title', STORM)).toHaveLength(0);
  });

  it('merges two spellings of an official, and a re-import does not bring the merged one back', async () => {
    const [misprint] = await draftsNamed('api::official.official', 'name', '周立兴');
    await page.goto(contentManager('api::official.official', `/${misprint.documentId}`));
    await page.getByText('Merged spellings 已合并的写法').waitFor({ timeout: 60_000 });
    await documentAction(/Merge into… 合并到…/);
    await page.getByLabel('Search entries').fill('周立新');
    await page.getByRole('button', { name: 'Merge into 周立新 合并到此' }).click();
    await page.getByTestId('merge-confirmation').getByText('Kept 保留').waitFor();
    await shot('5-merge-confirmation');
    await page.getByRole('button', { name: 'Confirm merge 确认合并' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(misprint.documentId), { timeout: 30_000 });
    await page.getByText('Merged spellings 已合并的写法').waitFor({ timeout: 60_000 });
    await shot('5-merged');
    expect(await draftsNamed('api::official.official', 'name', '周立兴')).toHaveLength(0);

    await importThroughDesk(['variant-spelling.txt'], '经开区调研重点项目');
    await confirmImport();
    expect(await draftsNamed('api::official.official', 'name', '周立兴')).toHaveLength(0);
  });

  it('un-merges from the kept entry: the merged official is back at once, and the next import creates nothing', async () => {
    const [kept] = await draftsNamed('api::official.official', 'name', '周立新');
    await page.goto(contentManager('api::official.official', `/${kept.documentId}`));
    const panel = page.getByTestId('merged-spellings');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Un-merge 周立兴 取消合并' }).click();
    await page.getByText('None 无').waitFor({ timeout: 30_000 });
    expect(await draftsNamed('api::official.official', 'name', '周立兴')).toHaveLength(1);

    await importThroughDesk(['variant-spelling.txt'], '经开区调研重点项目');
    await confirmImport();
    expect(await draftsNamed('api::official.official', 'name', '周立兴')).toHaveLength(1);
  });

  it('respects a deletion: the next import of the page does not re-create the article', async () => {
    const [streets] = await draftsNamed('api::article.article', 'title', STREETS);
    await page.goto(contentManager('api::article.article', `/${streets.documentId}`));
    await page.getByTestId('printed-source').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '更多操作', exact: true }).click();
    await page.getByRole('menuitem', { name: '删除条目' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(streets.documentId), { timeout: 30_000 });
    expect(await draftsNamed('api::article.article', 'title', STREETS)).toHaveLength(0);

    await importThroughDesk(['variant-spelling.txt'], 'deleted by an editor 已删除');
    await shot('6-deleted-stays-deleted');
    await confirmImport();
    expect(await draftsNamed('api::article.article', 'title', STREETS)).toHaveLength(0);
  });

  it('restores one deleted article from the Deleted articles list at once, and the next import of its page keeps it', async () => {
    await page.goto(`${baseUrl}/admin/newsroom-desk/import`);
    const deleted = page.getByTestId('deleted-articles');
    await deleted.getByText(STREETS).waitFor({ timeout: 60_000 });
    await shot('9-deleted-articles');
    await deleted.getByRole('button', { name: 'Restore 恢复' }).first().click();
    await page.getByText(/restored as it was/).first().waitFor({ timeout: 30_000 });
    expect(await draftsNamed('api::article.article', 'title', STREETS)).toHaveLength(1);
    await importThroughDesk(['variant-spelling.txt'], STREETS);
    await confirmImport();
    expect(await draftsNamed('api::article.article', 'title', STREETS)).toHaveLength(1);
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
