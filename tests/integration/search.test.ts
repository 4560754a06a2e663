import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { fillEmptyIndex, reindex } from '../../src/search/service';
import { searchStoreFor } from '../../src/search/store';

let app: TestApp;
const ids: Record<string, string> = {};

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

async function createArticle(key: string, data: Record<string, unknown>, publish = true): Promise<string> {
  const body = (data.body as string[] | undefined)?.map(paragraph);
  const created = await app.strapi.documents('api::article.article').create({
    data: { sourceKey: key, ...data, body } as never,
    ...(publish ? { status: 'published' as const } : {}),
  });
  ids[key] = created.documentId;
  return created.documentId;
}

beforeAll(async () => {
  app = await startTestApp();
  const { strapi } = app;
  const official = await strapi.documents('api::official.official').create({ data: { name: '林海涛' }, status: 'published' });
  ids.official = official.documentId;
  await strapi.documents('api::official.official').create({ data: { name: '林草稿' } });
  await strapi.documents('api::project.project').create({ data: { name: '郑州5G智慧园区项目', stage: 'signed' }, status: 'published' });
  await strapi.documents('api::research-platform.research-platform').create({
    data: { name: '郑州大学材料研究中心', kind: '研究中心' }, status: 'published',
  });

  await createArticle('zhengzhou', {
    title: '郑州新建一批5G基站',
    issueDate: '2024-03-02',
    page: 'A01',
    body: ['本报讯（记者 甲）3月1日，郑州市通信管理局介绍，今年全市新建５Ｇ基站两千余个。', '林海涛在调研时说，要加快网络建设。'],
    officials: [official.documentId],
  });
  await createArticle('older', {
    title: '城市更新稳步推进',
    issueDate: '2023-05-06',
    page: 'A02',
    continuedOn: 'A04',
    body: ['本报讯 记者从郑州市住房保障部门获悉，老旧小区改造进展顺利。详见A04版。'],
  });
  await createArticle('script', {
    title: '<script>alert(1)</script>网友留言',
    issueDate: '2024-01-10',
    body: ['有网友在留言板写下<b>加粗</b>与<script>alert("x")</script>，郑州网信部门回应。'],
  });
  await createArticle('draft', { title: '郑州草稿新闻', body: ['郑州草稿的正文，尚未审核。'] }, false);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const search = (query: Record<string, string | string[]>) => request(app.http).get('/api/search').query(query);
const titles = (res: request.Response) => res.body.data.articles.map((hit: { title: string }) => hit.title);

describe('GET /api/search', () => {
  it('finds a two-character word in published articles only, with pagination meta', async () => {
    const res = await search({ q: '郑州' }).expect(200);
    expect(titles(res)).toHaveLength(3);
    expect(titles(res)).not.toContain('郑州草稿新闻');
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 3 });
  });

  it('ranks a title hit first and marks hits in title and snippet', async () => {
    const res = await search({ q: '郑州' }).expect(200);
    const [first] = res.body.data.articles;
    expect(first.title).toBe('郑州新建一批5G基站');
    expect(first.titleHighlight).toBe('<mark>郑州</mark>新建一批5G基站');
    expect(first.snippet).toContain('<mark>郑州</mark>市通信管理局');
    expect(first).toMatchObject({ documentId: ids.zhengzhou, issueDate: '2024-03-02', page: 'A01' });
  });

  it('finds longer phrases as substrings, not as scattered characters', async () => {
    expect(titles(await search({ q: '通信管理局' }).expect(200))).toEqual(['郑州新建一批5G基站']);
    expect(titles(await search({ q: '郑州住房' }).expect(200))).toEqual([]);
    expect(titles(await search({ q: '住房保障' }).expect(200))).toEqual(['城市更新稳步推进']);
  });

  it('finds one character, also as the last character of a run', async () => {
    expect(titles(await search({ q: '站' }).expect(200))).toEqual(['郑州新建一批5G基站']);
    expect(titles(await search({ q: '改' }).expect(200))).toEqual(['城市更新稳步推进']);
  });

  it('folds full-width and case: 5G finds ５Ｇ, ａ０４ finds A04', async () => {
    const fiveG = await search({ q: '5g基站' }).expect(200);
    expect(titles(fiveG)).toEqual(['郑州新建一批5G基站']);
    expect(fiveG.body.data.articles[0].snippet).toContain('<mark>５Ｇ基站</mark>');
    expect(titles(await search({ q: '５Ｇ' }).expect(200))).toEqual(['郑州新建一批5G基站']);
    expect(titles(await search({ q: 'ａ０４' }).expect(200))).toEqual(['城市更新稳步推进']);
  });

  it('needs every word of a query', async () => {
    expect(titles(await search({ q: '郑州 老旧小区' }).expect(200))).toEqual(['城市更新稳步推进']);
    expect(titles(await search({ q: '郑州 不存在的词' }).expect(200))).toEqual([]);
  });

  it('returns script tags in content as escaped text', async () => {
    const res = await search({ q: '网友' }).expect(200);
    const [hit] = res.body.data.articles;
    expect(hit.title).toBe('<script>alert(1)</script>网友留言');
    expect(hit.titleHighlight).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>网友</mark>留言');
    expect(hit.snippet).toContain('&lt;b&gt;加粗&lt;/b&gt;与&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // `title` is data, as stored; only the highlighted fields are HTML, and they hold no tag but <mark>.
    expect(`${hit.titleHighlight}${hit.snippet}`.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('matches officials, projects and platforms by name, published only', async () => {
    const res = await search({ q: '林' }).expect(200);
    expect(res.body.data.officials).toEqual([{ documentId: ids.official, name: '林海涛', nameHighlight: '<mark>林</mark>海涛' }]);
    const zhengzhou = await search({ q: '郑州' }).expect(200);
    expect(zhengzhou.body.data.projects.map((p: { name: string }) => p.name)).toEqual(['郑州5G智慧园区项目']);
    expect(zhengzhou.body.data.researchPlatforms.map((p: { name: string }) => p.name)).toEqual(['郑州大学材料研究中心']);
  });

  it('pages through results', async () => {
    const first = await search({ q: '郑州', page: '1', pageSize: '2' }).expect(200);
    const second = await search({ q: '郑州', page: '2', pageSize: '2' }).expect(200);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(titles(second)).toHaveLength(1);
    expect(titles(second)).not.toContain(titles(first)[0]);
  });

  it.each([
    '"郑州" OR 1=1; DROP TABLE articles; --',
    '郑州" OR "',
    'NEAR(郑州 通信, 2)',
    '{title_grams}: 郑州',
    '郑州*',
    "郑州' OR '1'='1",
    '^郑州 AND NOT 基站',
    '%郑州_',
  ])('reads operators, quotes and SQL as plain text: %s', async (q) => {
    const res = await search({ q }).expect(200);
    expect(res.body.data.articles.every((hit: { title: string }) => hit.title !== '郑州草稿新闻')).toBe(true);
  });

  it.each([
    [{}, 'q'],
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: '"*()-' }, 'q'],
    [{ q: '郑'.repeat(101) }, 'q'],
    [{ q: ['郑州', '基站'] }, 'q'],
    [{ q: 'a b c d e f g h i' }, 'q'],
    [{ q: '郑州', pageSize: '51' }, 'pageSize'],
    [{ q: '郑州', pageSize: '0' }, 'pageSize'],
    [{ q: '郑州', page: '-1' }, 'page'],
    [{ q: '郑州', page: '1.5' }, 'page'],
    [{ q: '郑州', page: '30', pageSize: '50' }, 'page'],
    [{ q: '郑州', sort: 'title' }, ''],
    [{ q: '郑州', 'filters[title][$eq]': 'x' }, ''],
  ])('answers 400 to %j', async (query, param) => {
    const res = await search(query as Record<string, string>).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    if (param) expect(res.body.error.details.param).toBe(param);
  });
});

describe('keeping the index in step', () => {
  const documents = () => app.strapi.documents('api::article.article');

  it('publishes, updates, unpublishes and deletes with the content', async () => {
    const documentId = await createArticle('lifecycle', { title: '洛阳牡丹花会开幕', body: ['牡丹花会今日开幕。'] }, false);
    expect(titles(await search({ q: '牡丹' }).expect(200))).toEqual([]);

    await documents().publish({ documentId });
    expect(titles(await search({ q: '牡丹' }).expect(200))).toEqual(['洛阳牡丹花会开幕']);

    await documents().update({ documentId, data: { title: '洛阳芍药花会开幕' } as never });
    expect(titles(await search({ q: '芍药' }).expect(200))).toEqual([]);
    await documents().publish({ documentId });
    expect(titles(await search({ q: '芍药' }).expect(200))).toEqual(['洛阳芍药花会开幕']);
    expect(titles(await search({ q: '洛阳牡丹' }).expect(200))).toEqual([]);

    await documents().unpublish({ documentId });
    expect(titles(await search({ q: '芍药' }).expect(200))).toEqual([]);

    await documents().publish({ documentId });
    await documents().delete({ documentId });
    expect(titles(await search({ q: '芍药' }).expect(200))).toEqual([]);
  });

  it('leaves the index as it was when the writing transaction rolls back', async () => {
    await expect(
      app.strapi.db.transaction(async () => {
        await createArticle('rolled-back', { title: '开封菊花展', body: ['菊花展。'] });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(titles(await search({ q: '菊花' }).expect(200))).toEqual([]);
  });

  it('rebuilds from published content, and fills an empty index on start', async () => {
    const store = searchStoreFor(app.strapi.db.dialect.client)!;
    const before = await search({ q: '郑州' }).expect(200);
    await store.clear(app.strapi.db.connection);
    expect(titles(await search({ q: '郑州' }).expect(200))).toEqual([]);

    await fillEmptyIndex(app.strapi);
    expect((await search({ q: '郑州' }).expect(200)).body).toEqual(before.body);

    expect(await reindex(app.strapi)).toBe(await store.count(app.strapi.db.connection));
    expect((await search({ q: '郑州' }).expect(200)).body).toEqual(before.body);
  });
});

describe('GraphQL search', () => {
  const graphql = (query: string, variables?: Record<string, unknown>) =>
    request(app.http).post('/graphql').send({ query, variables });

  it('answers like REST', async () => {
    const rest = await search({ q: '郑州', pageSize: '2' }).expect(200);
    const res = await graphql(
      `query ($q: String!) { search(q: $q, pagination: { page: 1, pageSize: 2 }) {
          articles { documentId title subtitle issueDate page titleHighlight snippet }
          officials { documentId name nameHighlight } projects { documentId name nameHighlight }
          researchPlatforms { documentId name nameHighlight }
          pagination { page pageSize pageCount total } } }`,
      { q: '郑州' },
    ).expect(200);
    expect(res.body.errors).toBeUndefined();
    const { pagination, ...data } = res.body.data.search;
    expect(data).toEqual(rest.body.data);
    expect(pagination).toEqual(rest.body.meta.pagination);
  });

  it('refuses malformed arguments as user errors', async () => {
    for (const [q, pagination] of [['', '{}'], ['郑州', '{ pageSize: 500 }'], ['郑州', '{ start: 0, limit: 5 }']]) {
      const res = await graphql(`{ search(q: ${JSON.stringify(q)}, pagination: ${pagination}) { pagination { total } } }`);
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
