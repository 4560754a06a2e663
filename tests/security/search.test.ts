import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { ARCHIVE_ARTICLES, DRAFT_TITLE_PREFIX, EDITED_DRAFT_TITLE, PROLIFIC_OFFICIAL, SECRET_IMPORT_KEY, SECRET_SNAPSHOT, startOnArchive } from './archive';

/** Search on the archive, as an attacker: drafts, private bookkeeping, hostile `q`. */
let app: TestApp;

beforeAll(async () => {
  app = await startOnArchive();
});

afterAll(async () => {
  await app?.stop();
});

const search = (q: string, extra = '') => request(app.http).get(`/api/search?q=${encodeURIComponent(q)}${extra}`);

describe('search on the archive', () => {
  it('finds published articles, never drafts or unpublished edits', async () => {
    const all = await search('文章').expect(200);
    expect(all.body.meta.pagination.total).toBe(ARCHIVE_ARTICLES);
    for (const q of [DRAFT_TITLE_PREFIX, EDITED_DRAFT_TITLE, `${DRAFT_TITLE_PREFIX}官员`]) {
      const res = await search(q).expect(200);
      const names = [...res.body.data.articles.map((hit: { title: string }) => hit.title), ...res.body.data.officials.map((hit: { name: string }) => hit.name)];
      expect(names.filter((name) => name.startsWith(DRAFT_TITLE_PREFIX) || name === EDITED_DRAFT_TITLE)).toEqual([]);
    }
    expect((await search('已发布的原稿').expect(200)).body.data.articles).toHaveLength(1);
  });

  it('never reveals private bookkeeping', async () => {
    for (const q of [SECRET_SNAPSHOT, SECRET_IMPORT_KEY]) {
      const res = await search(q).expect(200);
      expect(res.body.meta.pagination.total).toBe(0);
      expect(JSON.stringify(res.body)).not.toContain('secret');
    }
    const res = await search(PROLIFIC_OFFICIAL).expect(200);
    expect(Object.keys(res.body.data.officials[0]).sort()).toEqual(['documentId', 'name', 'nameHighlight']);
  });

  it.each([
    ['"文章" OR 1=1 --', 200],
    ["文章'); DROP TABLE articles; --", 200],
    ['文章 NEAR/2 项目', 200],
    ['\u0000文章', 200],
    ['<script>alert(1)</script>', 200],
    ['文'.repeat(100), 200],
    ['文'.repeat(101), 400],
    ['* - " ( ) : ^ { }', 400],
  ])('answers %j with %i, never a 5xx', async (q, status) => {
    const res = await search(q);
    expect(res.status).toBe(status);
  });

  it('refuses deep pages and odd parameters', async () => {
    await search('文章', '&page=101&pageSize=10').expect(400);
    await search('文章', '&populate=*').expect(400);
    await search('文章', '&status=draft').expect(400);
  });
});
