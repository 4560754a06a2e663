import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, APP_ROOT, type TestApp } from '../helpers/strapi';
import { createAdminFromEnv } from '../../src/access/admin-user';

const DESK = '/newsroom-desk';
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const FIXTURES = path.join(APP_ROOT, 'tests', 'fixtures', 'desk');
const STORM_PAGE = readFileSync(path.join(FIXTURES, 'second-spelling.txt'));
const VARIANT_PAGE = readFileSync(path.join(FIXTURES, 'variant-spelling.txt'));
const DATED_PAGE = readFileSync(path.join(FIXTURES, 'dated-header.txt'));
const NEW_POST_PAGE = readFileSync(path.join(FIXTURES, 'new-post.txt'));
const DRAINS = '城市排水设施运行平稳';
const LONE_PAGE = readFileSync(path.join(FIXTURES, 'lone-official.txt'));
const LONE = '北区启动老旧小区改造';
const MISSED_PAGE = readFileSync(path.join(FIXTURES, 'missed-names.txt'));
const MISSED = '新区两项民生工程开工';
const STORM = '市区道路完成雨季排查';
const VISIT = '经开区调研重点项目';

let app: TestApp;
const tokens: Record<'superAdmin' | 'editor' | 'author', string> = { superAdmin: '', editor: '', author: '' };

async function login(email: string, password: string): Promise<string> {
  const response = await request(app.http).post('/admin/login').send({ email, password }).expect(200);
  return response.body.data.token;
}

async function adminWithRole(code: string, email: string, password: string): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  await app.strapi.service('admin::user').create({ email, password, firstname: code, lastname: 'Tester', isActive: true, roles: [role.id] });
  return login(email, password);
}

const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });

function upload(fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return { fileName, content: bytes.toString('base64'), issueDate: '2023-03-04', page: 'A02', ...extra };
}

async function articleTitled(title: string, status: 'draft' | 'published' = 'draft') {
  const [article] = await app.strapi.documents(ARTICLE).findMany({ filters: { title }, status, populate: { officials: true } });
  return (article ?? null) as any;
}

beforeAll(async () => {
  app = await startTestApp();
  const credentials = { ADMIN_EMAIL: 'chief@example.com', ADMIN_PASSWORD: 'Chief-Pass-2023' };
  await createAdminFromEnv(app.strapi, credentials);
  tokens.superAdmin = await login(credentials.ADMIN_EMAIL, credentials.ADMIN_PASSWORD);
  tokens.editor = await adminWithRole('strapi-editor', 'editor@example.com', 'Editor-Pass-2023');
  tokens.author = await adminWithRole('strapi-author', 'author@example.com', 'Author-Pass-2023');
});

afterAll(async () => {
  await app?.stop();
});

describe('who may use the desk', () => {
  it('answers 401 without an admin session and 403 to Authors, who lack the desk permission', async () => {
    await request(app.http).get(`${DESK}/runs`).expect(401);
    await request(app.http).get(`${DESK}/runs`).set(as('author')).expect(403);
    await request(app.http).post(`${DESK}/preview`).set(as('author')).send(upload('a.txt', STORM_PAGE)).expect(403);
    await request(app.http).get(`${DESK}/runs`).set(as('editor')).expect(200);
    await request(app.http).get(`${DESK}/runs`).set(as('superAdmin')).expect(200);
  });
});

describe('import preview', () => {
  it('shows what an import would do, per article, and writes nothing', async () => {
    const response = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('variant.txt', VARIANT_PAGE)).expect(200);
    const report = response.body.data;
    expect(report).toMatchObject({ file: 'variant.txt', status: 'planned', error: null, articles: 2 });
    expect(report.changes.filter((change: any) => change.type === 'Article').map((change: any) => change.action)).toEqual(['create', 'create']);
    expect(report.counts.Official).toMatchObject({ create: 1 });
    expect(await app.strapi.documents(ARTICLE).count({})).toBe(0);
  });

  it('refuses what is not a page with a clear 400: binary, not .txt, too large, malformed', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const binary = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('scan.txt', png)).expect(400);
    expect(binary.body.error.message).toMatch(/^scan\.txt:\d+: /);

    const wrongName = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('scan.png', STORM_PAGE)).expect(400);
    expect(wrongName.body.error.message).toContain('.txt');

    const large = await request(app.http).post(`${DESK}/preview`).set(as('editor'))
      .send(upload('large.txt', Buffer.alloc(600 * 1024, 0x41))).expect(400);
    expect(large.body.error.message).toContain('file too large');

    for (const body of [{}, { fileName: 'a.txt', content: 42 }, { ...upload('a.txt', STORM_PAGE), issueDate: '2023-02-30' }, { ...upload('a.txt', STORM_PAGE), content: '%%%' }, 'text']) {
      const response = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(body as object).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
    }
    const empty = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('empty.txt', Buffer.alloc(0))).expect(400);
    expect(empty.body.error.message).toContain('empty.txt:1: empty file');
  });
});

describe('import runs', () => {
  it('imports pages one request each into a recorded run, and lists runs newest first', async () => {
    const started = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({ publish: false }).expect(200);
    const runId = started.body.data.documentId;
    expect(started.body.data).toMatchObject({ startedBy: 'strapi-editor Tester <editor@example.com>', published: false, files: [], failed: 0 });

    const first = await request(app.http).post(`${DESK}/runs/${runId}/files`).set(as('editor')).send(upload('storm.txt', STORM_PAGE)).expect(200);
    expect(first.body.data.file).toMatchObject({ status: 'imported', articles: 1 });
    const second = await request(app.http).post(`${DESK}/runs/${runId}/files`).set(as('editor')).send(upload('variant.txt', VARIANT_PAGE)).expect(200);
    const run = second.body.data.run;
    expect(run.files.map((file: any) => [file.fileName, file.sha256, file.status])).toEqual([
      ['storm.txt', createHash('sha256').update(STORM_PAGE).digest('hex'), 'imported'],
      ['variant.txt', createHash('sha256').update(VARIANT_PAGE).digest('hex'), 'imported'],
    ]);
    expect(run.totals.Article).toMatchObject({ create: 3 });
    expect(await articleTitled(STORM)).toMatchObject({ reviewStatus: 'needs_review', issueDate: '2023-03-04', page: 'A02' });
    expect(await articleTitled(STORM, 'published')).toBeNull();

    const later = await request(app.http).post(`${DESK}/runs`).set(as('superAdmin')).send({ publish: true }).expect(200);
    const listed = await request(app.http).get(`${DESK}/runs`).set(as('editor')).expect(200);
    expect(listed.body.data.map((entry: any) => entry.documentId)).toEqual([later.body.data.documentId, runId]);
    // Without REDIS_URL every page is imported in the request: a run has nothing pending.
    const shown = await request(app.http).get(`${DESK}/runs/${runId}`).set(as('editor')).expect(200);
    expect(shown.body.data).toMatchObject({ documentId: runId, pending: 0, files: run.files });
  });

  it('answers 404 for a run that does not exist and 400 for a malformed id', async () => {
    await request(app.http).post(`${DESK}/runs/nosuchrun0000000000000/files`).set(as('editor')).send(upload('storm.txt', STORM_PAGE)).expect(404);
    await request(app.http).post(`${DESK}/runs/NOT-AN-ID/files`).set(as('editor')).send(upload('storm.txt', STORM_PAGE)).expect(400);
    await request(app.http).get(`${DESK}/runs/nosuchrun0000000000000`).set(as('editor')).expect(404);
    await request(app.http).get(`${DESK}/runs/NOT-AN-ID`).set(as('editor')).expect(400);
  });
});

describe('nothing lost on re-import', () => {
  const noDate = { issueDate: null, page: null };

  it('takes the issue date and page from the page record when the form leaves them empty, and clears nothing', async () => {
    const before = await articleTitled(STORM);
    expect(before).toMatchObject({ issueDate: '2023-03-04', page: 'A02', eventDate: '2023-03-03' });

    const preview = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('storm.txt', STORM_PAGE, noDate)).expect(200);
    expect(preview.body.data.meta).toEqual({ issueDate: '2023-03-04', page: 'A02', issueDateFrom: 'page-record', pageFrom: 'page-record' });
    expect(preview.body.data.clears).toEqual([]);
    expect(preview.body.data.changes.flatMap((change: any) => change.fields)).toEqual([]);

    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('storm.txt', STORM_PAGE, noDate)).expect(200);
    const after = await articleTitled(STORM);
    expect(after).toMatchObject({ issueDate: '2023-03-04', page: 'A02', eventDate: '2023-03-03', updatedAt: before.updatedAt });
    const page = await app.strapi.db.query('api::page.page').findOne({ where: { fileName: 'storm.txt' } });
    expect(page).toMatchObject({ issueDate: '2023-03-04', page: 'A02' });
  });

  it('shows each change old → new', async () => {
    const preview = await request(app.http).post(`${DESK}/preview`).set(as('editor'))
      .send(upload('storm.txt', STORM_PAGE, { issueDate: '2023-03-05' })).expect(200);
    expect(preview.body.data.meta).toMatchObject({ issueDate: '2023-03-05', issueDateFrom: 'form', page: 'A02', pageFrom: 'form' });
    const article = preview.body.data.changes.find((change: any) => change.type === 'Article');
    expect(article.changed).toEqual(expect.arrayContaining([{ field: 'issueDate', from: '2023-03-04', to: '2023-03-05' }]));
  });

  it('takes them from seeds/manifest.json, then from the date printed in the page header, and asks when nothing knows', async () => {
    const fromManifest = await request(app.http).post(`${DESK}/preview`).set(as('editor'))
      .send(upload('000_c63cc6bb5a561820.txt', STORM_PAGE, noDate)).expect(200);
    expect(fromManifest.body.data.meta).toEqual({ issueDate: '2023-01-28', page: null, issueDateFrom: 'manifest', pageFrom: null });

    const fromHeader = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('dated.txt', DATED_PAGE, noDate)).expect(200);
    expect(fromHeader.body.data.meta).toEqual({ issueDate: '2023-03-06', page: 'A05', issueDateFrom: 'page-header', pageFrom: 'page-header' });

    const unknown = await request(app.http).post(`${DESK}/preview`).set(as('editor')).send(upload('unknown.txt', STORM_PAGE, noDate)).expect(200);
    expect(unknown.body.data.meta).toEqual({ issueDate: null, page: null, issueDateFrom: null, pageFrom: null });
  });
});

describe('printed source', () => {
  it('gives the article lines as printed, numbered, with where each linked entity and figure is', async () => {
    const article = await articleTitled(STORM);
    const response = await request(app.http).get(`${DESK}/articles/${article.documentId}/printed-source`).set(as('editor')).expect(200);
    const source = response.body.data;
    expect(source.fileName).toBe('storm.txt');
    expect(source.title).toEqual({ text: STORM, generated: false });
    expect(source.lines[0]).toEqual({ number: 1, text: STORM });
    expect(source.lines.find((line: any) => line.number === 4).text).toContain('周立新');
    const official = source.marks.find((mark: any) => mark.kind === 'official');
    expect(official).toMatchObject({ text: '周立新', firstLine: 4, lastLine: 4, generated: false });
    // The name itself is marked, not its line: line 4 is `常委、常务副市长周立新带队检`.
    const line4 = source.lines.find((line: any) => line.number === 4).text as string;
    expect(line4.slice(official.start.column, official.end.column)).toBe('周立新');
    expect(official.confidence).toEqual(expect.any(Number));
    expect(official.doubtful).toBe(official.confidence < 0.6);
    expect(source.marks).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'figure', text: '易涝点 42处', firstLine: 5, lastLine: 5, generated: false, confidence: null }),
    ]));
    await request(app.http).get(`${DESK}/articles/nosucharticle000000000/printed-source`).set(as('editor')).expect(404);
  });
});

describe("the content manager's relation fields", () => {
  it("show each linked entry by its type's main field: an official's articles by title, an article's officials by name", async () => {
    const article = await articleTitled(STORM);
    const official = article.officials[0];
    const articles = await request(app.http)
      .get(`/content-manager/relations/${OFFICIAL}/${official.documentId}/articles`)
      .set(as('editor'))
      .expect(200);
    expect(articles.body.results).toEqual([expect.objectContaining({ documentId: article.documentId, title: STORM })]);
    const officials = await request(app.http).get(`/content-manager/relations/${ARTICLE}/${article.documentId}/officials`).set(as('editor')).expect(200);
    expect(officials.body.results).toEqual(expect.arrayContaining([expect.objectContaining({ name: official.name })]));
  });
});

describe('review', () => {
  it('marks reviewed without publishing, then marks reviewed and publishes with the linked entries', async () => {
    const storm = await articleTitled(STORM);
    await request(app.http).post(`${DESK}/articles/review`).set(as('editor')).send({ documentIds: [storm.documentId] }).expect(200);
    expect(await articleTitled(STORM)).toMatchObject({ reviewStatus: 'reviewed' });
    expect(await articleTitled(STORM, 'published')).toBeNull();

    const published = await request(app.http).post(`${DESK}/articles/review`).set(as('editor'))
      .send({ documentIds: [storm.documentId], publish: true }).expect(200);
    expect(published.body.data).toMatchObject({ reviewed: 1, published: 1, relatedPublished: 1 });
    const live = await articleTitled(STORM, 'published');
    expect(live).toMatchObject({ reviewStatus: 'reviewed' });
    expect(live.officials.map((official: any) => official.name)).toEqual(['周立新']);

    await request(app.http).post(`${DESK}/articles/review`).set(as('editor')).send({ documentIds: [] }).expect(400);
    await request(app.http).post(`${DESK}/articles/review`).set(as('editor')).send({ documentIds: ['nosucharticle000000000'] }).expect(404);
  });
});

describe('publishing what an article depends on', () => {
  it("publishes the importer's pending changes of the linked officials, never an editor's own unpublished edits", async () => {
    const [zhou] = (await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'published', populate: { posts: true } })) as any[];
    const postsBefore = zhou.posts.map((post: any) => post.title);

    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('drains.txt', NEW_POST_PAGE, { issueDate: '2023-03-09' })).expect(200);
    const [zhouDraft] = (await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'draft', populate: { posts: true } })) as any[];
    const newPosts = zhouDraft.posts.map((post: any) => post.title).filter((title: string) => !postsBefore.includes(title));
    expect(newPosts.length).toBeGreaterThan(0);

    // Another editor published 吴海峰 and has since edited his draft without publishing it.
    const [wu] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '吴海峰' }, status: 'draft' });
    await app.strapi.documents(OFFICIAL).publish({ documentId: wu.documentId });
    await app.strapi.documents(OFFICIAL).update({ documentId: wu.documentId, data: { name: '吴海锋' } });

    const drains = await articleTitled(DRAINS);
    const plan = await request(app.http).post(`${DESK}/articles/review/plan`).set(as('editor')).send({ documentIds: [drains.documentId] }).expect(200);
    expect(plan.body.data.related).toEqual(expect.arrayContaining([
      { type: 'officials', documentId: zhou.documentId, name: '周立新', decision: 'publish' },
      { type: 'officials', documentId: wu.documentId, name: '吴海锋', decision: 'editor-edits' },
    ]));

    const published = await request(app.http).post(`${DESK}/articles/review`).set(as('editor'))
      .send({ documentIds: [drains.documentId], publish: true }).expect(200);
    expect(published.body.data).toMatchObject({ reviewed: 1, published: 1, relatedPublished: 1 });

    const live = await request(app.http).get(`/api/officials/${zhou.documentId}`).expect(200);
    expect(live.body.data.posts.map((post: any) => post.title)).toEqual(expect.arrayContaining(newPosts));
    const untouched = await request(app.http).get(`/api/officials/${wu.documentId}`).expect(200);
    expect(untouched.body.data.name).toBe('吴海峰');
  });
});

describe('bulk mark reviewed', () => {
  it('leaves a published article published, not Modified, with the review status in both versions', async () => {
    const drains = await articleTitled(DRAINS);
    await app.strapi.documents(ARTICLE).update({ documentId: drains.documentId, data: { reviewStatus: 'needs_review' } });
    await app.strapi.documents(ARTICLE).publish({ documentId: drains.documentId });
    const rows = async () => app.strapi.db.query(ARTICLE).findMany({ where: { documentId: drains.documentId }, select: ['publishedAt', 'updatedAt', 'reviewStatus'], orderBy: { id: 'asc' } });
    const before = await rows();
    expect(before.map((row: any) => row.reviewStatus)).toEqual(['needs_review', 'needs_review']);

    await request(app.http).post(`${DESK}/articles/review`).set(as('editor')).send({ documentIds: [drains.documentId] }).expect(200);
    const after = await rows();
    expect(after.map((row: any) => row.reviewStatus)).toEqual(['reviewed', 'reviewed']);
    expect(after.map((row: any) => new Date(row.updatedAt).getTime())).toEqual(before.map((row: any) => new Date(row.updatedAt).getTime()));

    const listed = await request(app.http).get(`/content-manager/collection-types/${ARTICLE}`).query({ filters: { documentId: { $eq: drains.documentId } } })
      .set(as('editor')).expect(200);
    expect(listed.body.results[0].status).toBe('published');
  });
});

describe('likely duplicates and entries that need attention', () => {
  it('suggests likely duplicates first: the same name with OCR spaces or in traditional script, one character apart', async () => {
    const [zhou] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'draft' });
    const [wu] = await app.strapi.documents(OFFICIAL).findMany({ filters: { importKey: '吴海峰' }, status: 'draft' });
    const padded = await app.strapi.documents(OFFICIAL).create({ data: { name: '周 立新' } });
    const traditional = await app.strapi.documents(OFFICIAL).create({ data: { name: '吳海鋒' } });
    try {
      const response = await request(app.http).get(`${DESK}/entities/officials/${zhou.documentId}/candidates`).set(as('editor')).expect(200);
      const { entry, candidates } = response.body.data;
      expect(entry).toMatchObject({ documentId: zhou.documentId, name: '周立新', articles: 2 });
      expect(entry.posts.length).toBeGreaterThan(0);
      expect(candidates.map((candidate: any) => [candidate.name, candidate.likeness])).toEqual([
        ['周 立新', 'same-name-variant'],
        ['周立兴', 'one-character-apart'],
      ]);

      const searched = await request(app.http).get(`${DESK}/entities/officials/${wu.documentId}/candidates`).query({ q: '周' }).set(as('editor')).expect(200);
      expect(searched.body.data.candidates.map((candidate: any) => [candidate.name, candidate.likeness])).toEqual([
        ['吳海鋒', 'same-name-variant'],
        ['周 立新', null],
        ['周立新', null],
        ['周立兴', null],
      ]);

      const attention = await request(app.http).get(`${DESK}/entities/officials/attention`).set(as('editor')).expect(200);
      const reasonsOf = (name: string) => attention.body.data.find((item: any) => item.name === name)?.reasons;
      expect(reasonsOf('周立新')).toEqual(['likely-duplicate']);
      expect(reasonsOf('周立兴')).toEqual(['one-article', 'likely-duplicate']);

      await request(app.http).get(`${DESK}/entities/officials/nosuchofficial00000000/candidates`).set(as('editor')).expect(404);
      await request(app.http).get(`${DESK}/entities/officials/${zhou.documentId}/candidates`).query({ q: 'x'.repeat(51) }).set(as('editor')).expect(400);
      await request(app.http).get(`${DESK}/entities/articles/attention`).set(as('editor')).expect(400);
    } finally {
      await app.strapi.documents(OFFICIAL).delete({ documentId: padded.documentId });
      await app.strapi.documents(OFFICIAL).delete({ documentId: traditional.documentId });
    }
  });
});

describe('merge and un-merge', () => {
  it('merges through the desk, lists the alias, and un-merges', async () => {
    const [kept] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'draft' });
    const [merged] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立兴' }, status: 'draft' });
    const response = await request(app.http).post(`${DESK}/entities/officials/${merged.documentId}/merge`).set(as('editor'))
      .send({ into: kept.documentId }).expect(200);
    expect(response.body.data).toMatchObject({ kept: { name: '周立新' }, aliases: ['周立兴'], articlesRelinked: 1 });
    expect((await articleTitled(VISIT)).officials.map((official: any) => official.name)).toEqual(['周立新']);

    const aliases = await request(app.http).get(`${DESK}/entities/officials/${kept.documentId}/aliases`).set(as('editor')).expect(200);
    expect(aliases.body.data.map((alias: any) => alias.name)).toEqual(['周立兴']);

    // Re-importing the page with the merged spelling through the desk creates nothing.
    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    const again = await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('variant.txt', VARIANT_PAGE)).expect(200);
    expect(again.body.data.file.counts.Official).toMatchObject({ create: 0 });

    const unmerged = await request(app.http).delete(`${DESK}/aliases/${aliases.body.data[0].documentId}`).set(as('editor')).expect(200);
    expect(unmerged.body.data.restored).toMatchObject({ name: '周立兴', articlesRelinked: 1 });
    expect((await articleTitled(VISIT)).officials.map((official: any) => official.name)).toEqual(['周立兴']);
    const none = await request(app.http).get(`${DESK}/entities/officials/${kept.documentId}/aliases`).set(as('editor')).expect(200);
    expect(none.body.data).toEqual([]);
  });

  it('answers 400 for an unknown type or a merge into itself, 404 for entries that do not exist', async () => {
    const [kept] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'draft' });
    await request(app.http).post(`${DESK}/entities/articles/${kept.documentId}/merge`).set(as('editor')).send({ into: kept.documentId }).expect(400);
    await request(app.http).post(`${DESK}/entities/officials/${kept.documentId}/merge`).set(as('editor')).send({ into: kept.documentId }).expect(400);
    await request(app.http).post(`${DESK}/entities/officials/${kept.documentId}/merge`).set(as('editor')).send({}).expect(400);
    await request(app.http).post(`${DESK}/entities/officials/nosuchofficial00000000/merge`).set(as('editor')).send({ into: kept.documentId }).expect(404);
    await request(app.http).delete(`${DESK}/aliases/nosuchalias00000000000`).set(as('editor')).expect(404);
    await request(app.http).post(`${DESK}/entities/officials/${kept.documentId}/merge`).set(as('author')).send({ into: kept.documentId }).expect(403);
  });
});

describe('read-only source fields', () => {
  it('shows the Source fields read-only and refuses a write that changes them, naming the fields', async () => {
    const configuration = await request(app.http).get(`/content-manager/content-types/${ARTICLE}/configuration`).set(as('editor')).expect(200);
    const source = configuration.body.data.components['article.source'].metadatas;
    expect(['fileName', 'sha256', 'firstLine', 'lastLine'].map((field) => source[field].edit.editable)).toEqual([false, false, false, false]);

    const storm = await articleTitled(STORM);
    const edit = `/content-manager/collection-types/${ARTICLE}/${storm.documentId}`;
    const current = await request(app.http).get(edit).set(as('editor')).expect(200);
    const stored = current.body.data.source;

    const refused = await request(app.http).put(edit).set(as('editor')).send({ title: STORM, source: { ...stored, sha256: '0'.repeat(64), firstLine: 9 } }).expect(400);
    expect(refused.body.error.message).toContain('source.sha256, source.firstLine');
    await request(app.http).put(edit).set(as('editor')).send({ title: STORM, subtitle: '副题', source: stored }).expect(200);
    const saved = await app.strapi.documents(ARTICLE).findOne({ documentId: storm.documentId, status: 'draft', populate: { source: true } });
    expect(saved).toMatchObject({ subtitle: '副题', source: { sha256: stored.sha256, firstLine: stored.firstLine } });
  });
});

describe('entries linked by no article', () => {
  it('lists the entries only an article links, deletes them with it when asked, and lists those left linked by no article', async () => {
    const drains = await articleTitled(DRAINS);
    const [wu] = await app.strapi.documents(OFFICIAL).findMany({ filters: { importKey: '吴海峰' }, status: 'draft' });
    const [zhou] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '周立新' }, status: 'draft' });
    const own = await request(app.http).get(`${DESK}/articles/${drains.documentId}/own-entries`).set(as('editor')).expect(200);
    expect(own.body.data).toEqual([{ type: 'officials', documentId: wu.documentId, name: '吴海锋' }]);

    await request(app.http).post(`${DESK}/articles/${drains.documentId}/delete`).set(as('editor')).send({ alsoDelete: [zhou.documentId] }).expect(400);
    expect(await articleTitled(DRAINS)).not.toBeNull();
    await request(app.http).post(`${DESK}/articles/${drains.documentId}/delete`).set(as('editor')).send({}).expect(200);
    expect(await articleTitled(DRAINS)).toBeNull();
    const orphans = await request(app.http).get(`${DESK}/entities/officials/orphans`).set(as('editor')).expect(200);
    expect(orphans.body.data).toEqual([{ type: 'officials', documentId: wu.documentId, name: '吴海锋' }]);

    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('lone.txt', LONE_PAGE)).expect(200);
    const lone = await articleTitled(LONE);
    const [sun] = await app.strapi.documents(OFFICIAL).findMany({ filters: { name: '孙明远' }, status: 'draft' });
    const deleted = await request(app.http).post(`${DESK}/articles/${lone.documentId}/delete`).set(as('editor')).send({ alsoDelete: [sun.documentId] }).expect(200);
    expect(deleted.body.data).toEqual({ deleted: [{ type: 'officials', documentId: sun.documentId, name: '孙明远' }], left: [] });
    expect(await app.strapi.documents(OFFICIAL).count({ filters: { name: '孙明远' } })).toBe(0);
    expect(await app.strapi.db.query('api::tombstone.tombstone').count({ where: { title: LONE } })).toBe(1);

    await request(app.http).get(`${DESK}/entities/articles/orphans`).set(as('editor')).expect(400);
    await request(app.http).get(`${DESK}/articles/nosucharticle000000000/own-entries`).set(as('editor')).expect(404);
    await request(app.http).post(`${DESK}/articles/${lone.documentId}/delete`).set(as('author')).send({}).expect(403);
  });
});

describe('restoring one deleted article', () => {
  it('lists deleted articles and restores one at once, as it was: the next import of its page changes it not, and re-creates no other', async () => {
    const listed = await request(app.http).get(`${DESK}/tombstones`).set(as('editor')).expect(200);
    expect(listed.body.data.map((tombstone: any) => tombstone.title)).toEqual(expect.arrayContaining([DRAINS, LONE]));
    const lone = listed.body.data.find((tombstone: any) => tombstone.title === LONE);
    const restored = await request(app.http).post(`${DESK}/tombstones/${lone.documentId}/restore`).set(as('editor')).expect(200);
    expect(restored.body.data).toMatchObject({ title: LONE, fileName: 'lone.txt', restored: { title: LONE } });
    const back = await articleTitled(LONE);
    expect(back.documentId).toBe(restored.body.data.restored.documentId);
    // Its official was deleted with it (above): the link is left out, and not as an editor's removal.
    expect(back.officials).toEqual([]);

    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    const counts: Record<string, any> = {};
    for (const [fileName, bytes] of [['lone.txt', LONE_PAGE], ['drains.txt', NEW_POST_PAGE]] as const) {
      const file = await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload(fileName, bytes)).expect(200);
      counts[fileName] = file.body.data.file.counts;
    }
    expect(counts['lone.txt'].Article).toMatchObject({ create: 0, keptForEditor: 0 });
    const reimported = await articleTitled(LONE);
    expect(reimported.documentId).toBe(back.documentId);
    expect(reimported.officials.map((official: any) => official.name)).toEqual(['孙明远']);
    expect(await articleTitled(DRAINS)).toBeNull();
    await request(app.http).post(`${DESK}/tombstones/${lone.documentId}/restore`).set(as('editor')).expect(404);
    await request(app.http).post(`${DESK}/tombstones/NOT-AN-ID/restore`).set(as('editor')).expect(400);
  });
});

describe('the review queue', () => {
  it('lists the articles that need review, the most doubtful first, filtered by flags, generated titles or low confidence', async () => {
    const queue = async (filter?: string) =>
      (await request(app.http).get(`${DESK}/articles/to-review`).query(filter ? { filter } : {}).set(as('editor')).expect(200)).body.data as any[];
    const lone = await articleTitled(LONE);
    const visit = await articleTitled(VISIT);
    const setArticle = (documentId: string, data: Record<string, unknown>) => app.strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data });

    await setArticle(lone.documentId, { confidence: 0.9 });
    const sure = (await queue()).find((article) => article.documentId === lone.documentId);
    await setArticle(lone.documentId, { confidence: 0.4 });
    await setArticle(visit.documentId, { titleGenerated: true });
    const all = await queue();
    expect(all.map((article) => article.title)).toEqual(expect.arrayContaining([LONE, VISIT]));
    expect(all.map((article) => article.title)).not.toContain(STORM);
    const doubtful = all.find((article) => article.documentId === lone.documentId);
    expect(doubtful).toMatchObject({ confidence: 0.4, doubtful: sure.doubtful + 1 });
    expect(all.map((article) => article.doubtful)).toEqual([...all.map((article) => article.doubtful)].sort((a, b) => b - a));

    const low = await queue('low-confidence');
    expect(low.map((article) => article.documentId)).toContain(lone.documentId);
    expect(low.every((article) => article.doubtful > 0)).toBe(true);
    expect((await queue('generated-title')).map((article) => article.title)).toEqual([VISIT]);
    expect((await queue('flagged')).every((article) => article.flags.length > 0)).toBe(true);
    await request(app.http).get(`${DESK}/articles/to-review`).query({ filter: 'everything' }).set(as('editor')).expect(400);

    // The content manager's article list asks the same counts for the rows it shows.
    const doubts = async (documentIds: string) =>
      request(app.http).get(`${DESK}/articles/doubts`).query({ documentIds }).set(as('editor'));
    const shown = (await doubts(`${lone.documentId},${visit.documentId}`)).body.data;
    expect(shown[lone.documentId]).toEqual({ doubtful: doubtful.doubtful, flags: doubtful.flags });
    expect(Object.keys(shown).sort()).toEqual([lone.documentId, visit.documentId].sort());
    for (const malformed of ['', ',', 'NOT-AN-ID', Array.from({ length: 101 }, (_, i) => `d${i}`).join(',')])
      expect((await doubts(malformed)).status).toBe(400);
    await request(app.http).get(`${DESK}/articles/doubts`).query({ documentIds: lone.documentId }).expect(401);

    // Its filter on review flags (a component, which the content manager offers none for) is one the list accepts.
    const setFlags = (reviewFlags: unknown[]) => app.strapi.documents(ARTICLE).update({ documentId: visit.documentId, data: { reviewFlags } as never });
    await setFlags([{ code: 'check-me', message: 'a flag of this test' }]);
    const flaggedInList = (
      await request(app.http)
        .get('/content-manager/collection-types/api::article.article')
        .query('filters[$and][0][reviewFlags][code][$notNull]=true&pageSize=100')
        .set(as('editor'))
        .expect(200)
    ).body.results.map((article: { documentId: string }) => article.documentId);
    const drafts = (await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { publishedAt: null }, populate: { reviewFlags: true } })) as Array<{ documentId: string; reviewFlags: unknown[] }>;
    const withFlags = drafts.filter((article) => article.reviewFlags.length > 0).map((article) => article.documentId);
    expect(withFlags.length).toBeGreaterThan(0);
    expect([...flaggedInList].sort()).toEqual([...withFlags].sort());
    await setFlags([]);
  });
});

describe('correcting links from the printed source', () => {
  it('unlinks a wrong official and links a selected name, and a later import of the page keeps both corrections', async () => {
    const lone = await articleTitled(LONE);
    const [sun] = lone.officials;
    expect(sun.name).toBe('孙明远');
    const unlinked = await request(app.http).delete(`${DESK}/articles/${lone.documentId}/links/officials/${sun.documentId}`).set(as('editor')).expect(200);
    expect(unlinked.body.data).toEqual({ unlinked: '孙明远' });
    const linked = await request(app.http).post(`${DESK}/articles/${lone.documentId}/links`).set(as('editor')).send({ type: 'officials', name: '钱晨' }).expect(200);
    expect(linked.body.data).toMatchObject({ linked: { name: '钱晨' }, created: true });
    expect((await articleTitled(LONE)).officials.map((official: any) => official.name)).toEqual(['钱晨']);

    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('lone.txt', LONE_PAGE, { issueDate: '2023-03-10' })).expect(200);
    expect(await articleTitled(LONE)).toMatchObject({ issueDate: '2023-03-10', officials: [expect.objectContaining({ name: '钱晨' })] });

    await request(app.http).delete(`${DESK}/articles/${lone.documentId}/links/officials/${sun.documentId}`).set(as('editor')).expect(404);
    await request(app.http).delete(`${DESK}/articles/${lone.documentId}/links/articles/${sun.documentId}`).set(as('editor')).expect(400);
    await request(app.http).post(`${DESK}/articles/${lone.documentId}/links`).set(as('editor')).send({ type: 'officials', name: '钱' }).expect(400);
    await request(app.http).post(`${DESK}/articles/nosucharticle000000000/links`).set(as('editor')).send({ type: 'officials', name: '钱晨' }).expect(404);
  });
});

describe('linking a name from the printed source', () => {
  it('creates the entry with what the print says beside the name: titles before an official, a platform kind', async () => {
    const run = await request(app.http).post(`${DESK}/runs`).set(as('editor')).send({}).expect(200);
    await request(app.http).post(`${DESK}/runs/${run.body.data.documentId}/files`).set(as('editor')).send(upload('missed.txt', MISSED_PAGE)).expect(200);
    const article = await articleTitled(MISSED);
    // The parser missed the platform; the official's entry an editor deleted, as when it was wrong.
    const [official] = article.officials;
    expect(official.name).toBe('陈晓东');
    await app.strapi.documents(OFFICIAL).delete({ documentId: official.documentId });

    const linkOfficial = await request(app.http).post(`${DESK}/articles/${article.documentId}/links`).set(as('editor')).send({ type: 'officials', name: '陈晓东' }).expect(200);
    expect(linkOfficial.body.data).toMatchObject({ created: true, beside: { titles: ['市委常委', '副市长'] } });
    const linked = await app.strapi.documents(OFFICIAL).findOne({ documentId: linkOfficial.body.data.linked.documentId, populate: { posts: true } });
    expect(linked?.posts).toEqual([
      expect.objectContaining({ title: '市委常委', firstSeen: '2023-03-04', lastSeen: '2023-03-04' }),
      expect.objectContaining({ title: '副市长', firstSeen: '2023-03-04', lastSeen: '2023-03-04' }),
    ]);

    const linkPlatform = await request(app.http)
      .post(`${DESK}/articles/${article.documentId}/links`)
      .set(as('editor'))
      .send({ type: 'research-platforms', name: '城市水环境工程技术研究中心' })
      .expect(200);
    expect(linkPlatform.body.data).toMatchObject({ created: true, beside: { kind: '工程技术研究中心' } });

    // An entry that exists is linked as it is.
    const again = await request(app.http).post(`${DESK}/articles/${article.documentId}/links`).set(as('editor')).send({ type: 'officials', name: '陈晓东' }).expect(200);
    expect(again.body.data).toMatchObject({ created: false, beside: null });
  });
});

describe('the article list search', () => {
  it('finds articles by the people credited and linked and, through the search index, by their published text', async () => {
    const listSearch = async (q: string) =>
      (
        await request(app.http).get(`/content-manager/collection-types/${ARTICLE}`).query({ _q: q, pageSize: 100 }).set(as('editor')).expect(200)
      ).body.results.map((article: { title: string }) => article.title);
    const lone = await articleTitled(LONE);
    // The reporter credited: in no string field of the article's own.
    expect(await listSearch('钱晨')).toContain(LONE);
    // Words of its body: found once it is published (the index holds published text).
    expect(LONE).not.toContain('调研');
    expect(await listSearch('调研')).not.toContain(LONE);
    await app.strapi.documents(ARTICLE).publish({ documentId: lone.documentId });
    expect(await listSearch('调研')).toContain(LONE);
    // A search the index cannot read keeps Strapi's own, and a title still finds its article.
    expect(await listSearch('!!!')).toEqual([]);
    expect(await listSearch(LONE)).toEqual([LONE]);
  });
});
