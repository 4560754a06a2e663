import path from 'node:path';
import request from 'supertest';
import { APP_ROOT, startTestApp, type TestApp } from '../helpers/strapi';
import { OFFICIAL_SPEC } from '../../src/importer/plan/records';
import { mergeEntity } from '../../src/importer/load/curation';
import { createEntryEventLog } from '../../src/importer/load/entry-events';
import { inImportTransaction } from '../../src/importer/load/lock';
import { chooseImportWriter } from '../../src/importer/load/writers';
import { responseCacheOf } from '../../src/response-cache';
import type { Importer } from '../../src/importer/service';
import { importKeepingFiles } from '../helpers/import';

/**
 * The in-process cache of anonymous reads (src/response-cache/): served again until a write, and
 * only to anonymous readers. TTL is long here so that nothing expires during the file.
 */
const MAX_ENTRIES = 4;
const PROJECT = 'api::project.project';
const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const CITY_PAGE = path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt');
const CITY_PAGE_DATE = '2023-03-02';

let app: TestApp;
let token: string;

beforeAll(async () => {
  Object.assign(process.env, { RESPONSE_CACHE_MAX_ENTRIES: String(MAX_ENTRIES), RESPONSE_CACHE_TTL_SECONDS: '600' });
  app = await startTestApp();
  await app.strapi.documents(PROJECT).create({ data: { name: '缓存项目甲' } as never, status: 'published' });
  await app.strapi.documents(PROJECT).create({ data: { name: '草稿项目乙' } as never });
  token = (await app.strapi.service('admin::api-token').create({ name: 'preview', type: 'read-only', lifespan: null })).accessKey;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const importer = () => app.strapi.service('api::importer.importer') as unknown as Importer;
const anonymous = (path: string) => request(app.http).get(path).expect(200);
const names = (res: request.Response) => res.body.data.map((entry: { name: string }) => entry.name).sort();

describe('anonymous reads', () => {
  it('are answered again from the cache, with the same body and cache headers', async () => {
    const first = await anonymous('/api/projects?sort=name');
    expect(first.headers['x-response-cache']).toBe('miss');
    const again = await anonymous('/api/projects?sort=name');
    expect(again.headers['x-response-cache']).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toMatch(/^public/);
    await request(app.http).get('/api/projects?sort=name').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('share an entry whatever the order and encoding of the query parameters', async () => {
    await anonymous('/api/projects?sort=name&pagination[pageSize]=5');
    const res = await anonymous('/api/projects?pagination%5BpageSize%5D=5&sort=name');
    expect(res.headers['x-response-cache']).toBe('hit');
  });

  it('keep at most the configured number of entries, the least recently read going first', async () => {
    for (let size = 1; size <= MAX_ENTRIES + 1; size += 1) await anonymous(`/api/projects?pagination[pageSize]=${size}`);
    expect(responseCacheOf(app.strapi).store.stats().entries).toBe(MAX_ENTRIES);
    expect((await anonymous('/api/projects?pagination[pageSize]=1')).headers['x-response-cache']).toBe('miss');
    expect((await anonymous(`/api/projects?pagination[pageSize]=${MAX_ENTRIES + 1}`)).headers['x-response-cache']).toBe('hit');
  });

  it('of search are never kept: its index is also written outside the Document Service', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await anonymous(`/api/search?q=${encodeURIComponent('缓存项目')}`);
      expect(res.headers['x-response-cache']).toBeUndefined();
    }
  });

  it('never keep errors', async () => {
    await request(app.http).get('/api/projects?filters[nope][$eq]=1').expect(400);
    const again = await request(app.http).get('/api/projects?filters[nope][$eq]=1').expect(400);
    expect(again.headers['x-response-cache']).toBeUndefined();
  });
});

describe('writes', () => {
  async function cachedNames(): Promise<string[]> {
    await anonymous('/api/projects');
    const res = await anonymous('/api/projects');
    expect(res.headers['x-response-cache']).toBe('hit');
    return names(res);
  }

  async function freshNames(): Promise<string[]> {
    const res = await anonymous('/api/projects');
    expect(res.headers['x-response-cache']).toBe('miss');
    return names(res);
  }

  it('of published content through the Document Service empty the cache: create, update, publish, unpublish, delete', async () => {
    const projects = app.strapi.documents(PROJECT);
    await cachedNames();
    const created = await projects.create({ data: { name: '新建项目丙' } as never, status: 'published' });
    expect(await freshNames()).toContain('新建项目丙');

    await cachedNames();
    await projects.update({ documentId: created.documentId, data: { name: '改名项目丙' } as never, status: 'published' });
    expect(await freshNames()).toContain('改名项目丙');

    await cachedNames();
    await projects.unpublish({ documentId: created.documentId });
    expect(await freshNames()).not.toContain('改名项目丙');

    await cachedNames();
    await projects.publish({ documentId: created.documentId });
    expect(await freshNames()).toContain('改名项目丙');

    await cachedNames();
    await projects.delete({ documentId: created.documentId });
    expect(await freshNames()).not.toContain('改名项目丙');
  });

  it('of drafts only keep the cache: anonymous readers see published versions', async () => {
    const projects = app.strapi.documents(PROJECT);
    const created = await projects.create({ data: { name: '草稿编辑丁' } as never, status: 'published' });
    await cachedNames();
    await projects.update({ documentId: created.documentId, data: { name: '草稿编辑丁改' } as never });
    await projects.create({ data: { name: '新草稿戊' } as never });
    const kept = await anonymous('/api/projects');
    expect(kept.headers['x-response-cache']).toBe('hit');
    expect(names(kept)).toContain('草稿编辑丁');
    await projects.delete({ documentId: created.documentId });
  });

  it('of the importer drop, once its unit commits, the answers that can hold the published documents it recorded', async () => {
    const [project] = await app.strapi.db.query(PROJECT).findMany({ where: { name: '缓存项目甲', publishedAt: { $notNull: true } } });
    await cachedNames();
    await inImportTransaction(app.strapi, 'response-cache-test', async () => {
      await app.strapi.db.query(PROJECT).update({ where: { id: project.id }, data: { name: '引擎改名甲' } });
      createEntryEventLog().record({ name: 'entry.publish', uid: PROJECT, documentId: project.documentId, status: 'published' });
    });
    expect(await freshNames()).toContain('引擎改名甲');
  });

  /**
   * A page imported as drafts keeps the cached article list, and rightly: `unreadList`, the same
   * list under a query not read before, answers the same.
   */
  async function draftImportKeepsTheCache(page: string, unreadList: string): Promise<void> {
    const cached = await anonymous('/api/articles');
    expect((await anonymous('/api/articles')).headers['x-response-cache']).toBe('hit');
    const draftsBefore = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });

    const report = await importer().importFiles([page], { dryRun: false, publish: false, issueDate: CITY_PAGE_DATE });
    expect(report.failed).toBe(0);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null } })).toBeGreaterThan(draftsBefore);

    const kept = await anonymous('/api/articles');
    expect(kept.headers['x-response-cache']).toBe('hit');
    expect(kept.text).toBe(cached.text);
    // Right, not merely kept: a read of the same list that was never cached answers the same.
    const fresh = await anonymous(unreadList);
    expect(fresh.headers['x-response-cache']).toBe('miss');
    expect(fresh.body.data).toEqual(kept.body.data);
  }

  /** A page imported and published shows in the next read of the cached article list. */
  async function publishedImportShows(page: string): Promise<void> {
    await anonymous('/api/articles');
    expect((await anonymous('/api/articles')).headers['x-response-cache']).toBe('hit');
    const report = await importKeepingFiles(importer(), [page], { dryRun: false, publish: true, issueDate: CITY_PAGE_DATE });
    expect(report.failed).toBe(0);
    const res = await anonymous('/api/articles');
    expect(res.headers['x-response-cache']).toBe('miss');
    const titles = res.body.data.map((article: { title: string }) => article.title);
    expect(titles).toEqual(expect.arrayContaining(Object.values(report.files[0].titles)));
  }

  it('of an imported page that publishes nothing keep the cached answers: readers see no draft', async () => {
    await draftImportKeepsTheCache(CITY_PAGE, '/api/articles?pagination[page]=1');
  });

  it('of an imported page that publishes show in the next read', async () => {
    await publishedImportShows(CITY_PAGE);
  });

  describe('through the Document Service writer (IMPORT_WRITER=document-service, or a Strapi the row writer was not verified on)', () => {
    beforeAll(() => {
      app.strapi.config.set('importer.writer', 'document-service');
      expect(chooseImportWriter(app.strapi).kind).toBe('document-service');
    });
    afterAll(() => app.strapi.config.set('importer.writer', 'rows'));

    it('a page imported as drafts keeps the cached answers', async () => {
      await draftImportKeepsTheCache(
        path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'officials-evidence.txt'),
        '/api/articles?pagination[page]=1&pagination[withCount]=true',
      );
    });

    it('a page imported and published shows in the next read', async () => {
      await publishedImportShows(path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'headline-after-body.txt'));
    });
  });

  it('of a merge show in the next read: the articles it relinked and the entry it deleted', async () => {
    const withOfficials = '/api/articles?populate[officials][fields][0]=name';
    const officialNames = (res: request.Response) =>
      res.body.data.flatMap((article: { officials: Array<{ name: string }> }) => article.officials.map((official) => official.name));
    const [merged, kept] = await app.strapi.db.query(OFFICIAL).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['documentId', 'name'],
      orderBy: { name: 'asc' },
    });
    await anonymous(withOfficials);
    const cached = await anonymous(withOfficials);
    expect(cached.headers['x-response-cache']).toBe('hit');
    expect(officialNames(cached)).toContain(merged.name);

    await mergeEntity(app.strapi, OFFICIAL_SPEC, merged.documentId, kept.documentId);
    const res = await anonymous(withOfficials);
    expect(res.headers['x-response-cache']).toBe('miss');
    expect(officialNames(res)).not.toContain(merged.name);
    expect(officialNames(res)).toContain(kept.name);
  });

  it("to the public role's permissions apply at once", async () => {
    await cachedNames();
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    await permissions.delete({ where: { role: role.id, action: 'api::project.project.find' } });
    try {
      await request(app.http).get('/api/projects').expect(403);
    } finally {
      await permissions.create({ data: { action: 'api::project.project.find', role: role.id } });
    }
    await anonymous('/api/projects');
  });
});

describe('requests with credentials and draft reads', () => {
  it('are never answered from the cache nor kept for anonymous readers', async () => {
    const cached = await anonymous('/api/projects?status=draft');
    expect(cached.headers['x-response-cache']).toBeUndefined();
    expect(names(cached)).not.toContain('草稿项目乙');

    await anonymous('/api/projects');
    expect((await anonymous('/api/projects')).headers['x-response-cache']).toBe('hit');
    const withToken = await request(app.http).get('/api/projects').set('Authorization', `Bearer ${token}`).expect(200);
    expect(withToken.headers['x-response-cache']).toBeUndefined();
    expect(withToken.headers['cache-control']).toBe('private, no-store');

    const drafts = await request(app.http).get('/api/projects?status=draft').set('Authorization', `Bearer ${token}`).expect(200);
    expect(names(drafts)).toContain('草稿项目乙');
    const anonymousAfter = await anonymous('/api/projects?status=draft');
    expect(names(anonymousAfter)).not.toContain('草稿项目乙');
  });

  it('with an invalid token are refused every time', async () => {
    await anonymous('/api/projects');
    for (let i = 0; i < 2; i += 1) {
      const res = await request(app.http).get('/api/projects').set('Authorization', 'Bearer not-a-token').expect(401);
      expect(res.headers['x-response-cache']).toBeUndefined();
    }
  });
});

describe('article list', () => {
  it('is the same body cached and fresh', async () => {
    await app.strapi.documents(ARTICLE).create({ data: { title: '列表文章', sourceKey: 'cache-list-1' } as never, status: 'published' });
    const fresh = await anonymous('/api/articles');
    const cache = responseCacheOf(app.strapi);
    cache.enabled = false;
    try {
      const uncached = await anonymous('/api/articles');
      expect(uncached.headers['x-response-cache']).toBeUndefined();
      expect(uncached.text).toBe(fresh.text);
    } finally {
      cache.enabled = true;
    }
    const hit = await anonymous('/api/articles');
    expect(hit.headers['x-response-cache']).toBe('hit');
    expect(hit.text).toBe(fresh.text);
  });
});
