import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { grantPublicReadAccess } from '../../src/access/public-permissions';
import { createAdminFromEnv } from '../../src/access/admin-user';

const COLLECTIONS = ['articles', 'officials', 'projects', 'research-platforms'] as const;
const PUBLISHED: Record<(typeof COLLECTIONS)[number], number> = { articles: 1, officials: 2, projects: 1, 'research-platforms': 1 };

let app: TestApp;
let apiToken: string;

async function seedContent(): Promise<void> {
  const { strapi } = app;
  const published = { status: 'published' as const };
  const official = await strapi.documents('api::official.official').create({
    data: { name: '张明远', posts: [{ title: '市委书记', firstSeen: '2023-01-28', lastSeen: '2023-02-06' }] }, ...published,
  });
  await strapi.documents('api::official.official').create({
    data: { name: '何明', posts: [{ title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-01-28' }] }, ...published,
  });
  await strapi.documents('api::official.official').create({ data: { name: '草稿人', posts: [{ title: '副市长' }] } });
  const project = await strapi.documents('api::project.project').create({
    data: { name: '示范产业园项目', stage: 'signed' }, ...published,
  });
  await strapi.documents('api::project.project').create({ data: { name: '草稿项目' } });
  const platform = await strapi.documents('api::research-platform.research-platform').create({
    data: { name: '示范大学应用数学中心', nameGenerated: true, kind: '应用数学中心', hostInstitution: '示范大学' },
    ...published,
  });
  await strapi.documents('api::research-platform.research-platform').create({
    data: { name: '草稿平台', kind: '重点实验室' },
  });
  await strapi.documents('api::article.article').create({
    data: {
      title: '已发布的文章',
      credits: [
        { name: '记者甲', role: 'reporter', printedRole: '记者' },
        { name: '通讯员乙', role: 'correspondent', printedRole: '通讯员' },
      ],
      sourceKey: 'published-1',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }],
      figures: [{ label: '签约项目', value: 15, unit: '个' }],
      officials: [official.documentId],
      projects: [project.documentId],
      researchPlatforms: [platform.documentId],
    },
    ...published,
  });
  await strapi.documents('api::article.article').create({
    data: {
      title: '未审核的草稿', sourceKey: 'draft-1', officials: [official.documentId],
      credits: [{ name: '记者丙', role: 'reporter', printedRole: '记者' }],
    },
  });
  await strapi.documents('api::page.page').create({
    data: { fileName: 'page.txt', unassigned: [{ firstLine: 1, lastLine: 1, text: '报头', reason: 'page furniture' }] },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  await seedContent();
  const token = await app.strapi.service('admin::api-token').create({
    name: 'preview', type: 'full-access', lifespan: null, description: 'test preview client',
  });
  apiToken = token.accessKey;
});

afterAll(async () => {
  await app?.stop();
});

const graphql = (query: string, token?: string) => {
  const req = request(app.http).post('/graphql').send({ query });
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

describe('REST, anonymous', () => {
  it.each(COLLECTIONS)('lists only published %s', async (collection) => {
    const res = await request(app.http).get(`/api/${collection}`).expect(200);
    expect(res.body.data).toHaveLength(PUBLISHED[collection]);
    expect(res.body.meta.pagination.total).toBe(PUBLISHED[collection]);
    expect(res.body.data.every((entry: { publishedAt: string }) => entry.publishedAt)).toBe(true);
  });

  it.each(COLLECTIONS)('ignores ?status=draft on %s', async (collection) => {
    const res = await request(app.http).get(`/api/${collection}?status=draft`).expect(200);
    expect(res.body.data).toHaveLength(PUBLISHED[collection]);
    expect(res.body.data.every((entry: { publishedAt: string }) => entry.publishedAt)).toBe(true);
  });

  it('never returns a draft by documentId', async () => {
    const [draft] = await app.strapi.documents('api::article.article').findMany({ filters: { sourceKey: 'draft-1' } });
    await request(app.http).get(`/api/articles/${draft.documentId}`).expect(404);
    await request(app.http).get(`/api/articles/${draft.documentId}?status=draft`).expect(404);
  });

  it('populates relations and components on request', async () => {
    const res = await request(app.http)
      .get('/api/articles?populate[officials][fields][0]=name&populate[officials][populate][posts]=true&populate[projects]=true&populate[researchPlatforms]=true&populate[figures]=true')
      .expect(200);
    const [article] = res.body.data;
    expect(article.officials).toEqual([
      expect.objectContaining({
        name: '张明远', posts: [expect.objectContaining({ title: '市委书记', firstSeen: '2023-01-28', lastSeen: '2023-02-06' })],
      }),
    ]);
    expect(article.projects).toEqual([expect.objectContaining({ name: '示范产业园项目', stage: 'signed' })]);
    expect(article.researchPlatforms).toEqual([
      expect.objectContaining({ name: '示范大学应用数学中心', hostInstitution: '示范大学', kind: '应用数学中心' }),
    ]);
    expect(article.figures).toEqual([expect.objectContaining({ label: '签约项目', value: 15, unit: '个' })]);
  });

  it('populates the article relations, credits and the officials’ posts by default and hides the import bookkeeping', async () => {
    const res = await request(app.http).get('/api/articles').expect(200);
    const [article] = res.body.data;
    expect(article.officials.map((o: { name: string }) => o.name)).toEqual(['张明远']);
    expect(article.officials[0].posts).toEqual([expect.objectContaining({ title: '市委书记' })]);
    expect(article.credits.map((c: { name: string; role: string }) => [c.name, c.role])).toEqual([
      ['记者甲', 'reporter'],
      ['通讯员乙', 'correspondent'],
    ]);
    expect(article.figures).toHaveLength(1);
    expect(article).not.toHaveProperty('importSnapshot');
    expect(article).not.toHaveProperty('sourcePage');
  });

  it("shows an official's posts and counts their published articles by default, listing them on request", async () => {
    const byName = '/api/officials?filters[name][$eq]=' + encodeURIComponent('张明远');
    const counted = await request(app.http).get(byName).expect(200);
    expect(counted.body.data[0].posts).toEqual([expect.objectContaining({ title: '市委书记', firstSeen: '2023-01-28' })]);
    expect(counted.body.data[0].articles).toEqual({ count: 1 });
    const listed = await request(app.http).get(`${byName}&populate[articles][fields][0]=title`).expect(200);
    expect(listed.body.data[0].articles.map((a: { title: string }) => a.title)).toEqual(['已发布的文章']);
  });

  it('filters articles by a credited name and role', async () => {
    const byName = await request(app.http)
      .get(`/api/articles?filters[credits][name][$eq]=${encodeURIComponent('通讯员乙')}`)
      .expect(200);
    expect(byName.body.data.map((a: { title: string }) => a.title)).toEqual(['已发布的文章']);

    const reporterOnly = await request(app.http)
      .get(`/api/articles?filters[credits][role][$eq]=reporter&filters[credits][name][$eq]=${encodeURIComponent('通讯员乙')}`)
      .expect(200);
    expect(reporterOnly.body.data).toEqual([]);

    const draftCredit = await request(app.http)
      .get(`/api/articles?filters[credits][name][$eq]=${encodeURIComponent('记者丙')}`)
      .expect(200);
    expect(draftCredit.body.data).toEqual([]);
  });

  it('filters officials by the words of a post', async () => {
    const res = await request(app.http)
      .get(`/api/officials?filters[posts][title][$contains]=${encodeURIComponent('市长')}`)
      .expect(200);
    expect(res.body.data.map((o: { name: string }) => o.name)).toEqual(['何明']);
  });

  it('filters officials by when a post was printed', async () => {
    const res = await request(app.http).get('/api/officials?filters[posts][lastSeen][$gte]=2023-02-01').expect(200);
    expect(res.body.data.map((o: { name: string }) => o.name)).toEqual(['张明远']);
  });

  it('has no route to the editors’ pages, and no filter through an article to them', async () => {
    await request(app.http).get('/api/pages').expect(404);
    const res = await request(app.http).get('/api/articles?filters[sourcePage][fileName][$eq]=page.txt');
    expect(res.status).toBe(400);
  });

  it('caps page sizes at maxLimit', async () => {
    const res = await request(app.http).get('/api/articles?pagination[pageSize]=1000').expect(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });

  it.each(COLLECTIONS)('answers 403 to anonymous writes on %s', async (collection) => {
    await request(app.http).post(`/api/${collection}`).send({ data: { name: 'x', title: 'x' } }).expect(403);
    const list = await request(app.http).get(`/api/${collection}`).expect(200);
    const documentId = list.body.data[0].documentId;
    await request(app.http).put(`/api/${collection}/${documentId}`).send({ data: { name: 'y', title: 'y' } }).expect(403);
    await request(app.http).delete(`/api/${collection}/${documentId}`).expect(403);
  });
});

describe('REST, API token', () => {
  it('may read drafts when it asks for them', async () => {
    const res = await request(app.http)
      .get('/api/articles?status=draft')
      .set('Authorization', `Bearer ${apiToken}`)
      .expect(200);
    expect(res.body.data.map((a: { title: string }) => a.title).sort()).toEqual(['已发布的文章', '未审核的草稿'].sort());
  });
});

describe('GraphQL', () => {
  const NESTED = `{ articles { documentId title credits { name role } officials { name posts { title firstSeen lastSeen } }
    projects { name stage } researchPlatforms { name kind hostInstitution } } }`;

  it('answers the nested article query anonymously with published content only', async () => {
    const res = await graphql(NESTED).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toEqual([
      expect.objectContaining({
        title: '已发布的文章',
        credits: [{ name: '记者甲', role: 'reporter' }, { name: '通讯员乙', role: 'correspondent' }],
        officials: [{ name: '张明远', posts: [{ title: '市委书记', firstSeen: '2023-01-28', lastSeen: '2023-02-06' }] }],
        projects: [{ name: '示范产业园项目', stage: 'signed' }],
        researchPlatforms: [{ name: '示范大学应用数学中心', kind: '应用数学中心', hostInstitution: '示范大学' }],
      }),
    ]);
  });

  it('ignores status: DRAFT from anonymous readers, at the root and in relations', async () => {
    const res = await graphql('{ articles(status: DRAFT) { title officials { name } } officials(status: DRAFT) { name } }').expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toEqual([{ title: '已发布的文章', officials: [{ name: '张明远' }] }]);
    expect(res.body.data.officials.map((o: { name: string }) => o.name).sort()).toEqual(['何明', '张明远'].sort());
  });

  it('filters on credits and posts', async () => {
    const res = await graphql(`{
      byCredit: articles(filters: { credits: { name: { eq: "通讯员乙" }, role: { eq: "correspondent" } } }) { title }
      byPost: officials(filters: { posts: { title: { contains: "市长" } } }) { name }
    }`).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ byCredit: [{ title: '已发布的文章' }], byPost: [{ name: '何明' }] });
  });

  it('has no types or queries for the editors’ pages', async () => {
    const res = await graphql('{ pages { fileName } }');
    expect(res.body.errors?.[0]?.message).toMatch(/Cannot query field "pages"/);
    const article = await graphql('{ articles { sourcePage { fileName } } }');
    expect(article.body.errors?.[0]?.message).toMatch(/Cannot query field "sourcePage"/);
  });

  it('lets an API token read drafts', async () => {
    const res = await graphql('{ articles(status: DRAFT) { title } }', apiToken).expect(200);
    expect(res.body.data.articles.map((a: { title: string }) => a.title).sort()).toEqual(['已发布的文章', '未审核的草稿'].sort());
  });

  it('caps list sizes at maxLimit', async () => {
    const res = await graphql('{ articles_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }').expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles_connection.pageInfo.pageSize).toBe(100);
  });

  it('rejects an over-deep query', async () => {
    const deep = '{ articles { officials { articles { officials { articles { officials { articles { officials { name } } } } } } } } }';
    const res = await graphql(deep);
    expect(res.body.data).toBeUndefined();
    expect(JSON.stringify(res.body.errors)).toMatch(/depth/i);
  });

  it.each([
    'mutation { createArticle(data: { title: "x" }) { documentId } }',
    'mutation { createOfficial(data: { name: "x" }) { documentId } }',
    'mutation { updateProject(documentId: "nope", data: { name: "x" }) { documentId } }',
    'mutation { deleteResearchPlatform(documentId: "nope") { documentId } }',
  ])('forbids the anonymous mutation %s', async (mutation) => {
    const res = await graphql(mutation);
    expect(res.body.errors?.[0]?.message).toMatch(/forbidden/i);
    const count = await app.strapi.documents('api::article.article').count({});
    expect(count).toBe(2);
  });
});

describe('bootstrap', () => {
  it('runs the JSON-list migration on a fresh database without holding anything', async () => {
    const knex = app.strapi.db.connection;
    const ran = await knex('strapi_migrations').select('name');
    expect(ran.map((migration: { name: string }) => migration.name)).toContain('2026.11.28T00.00.00.json-lists-to-components.js');
    expect(await knex.schema.hasTable('newsroom_held_json_lists')).toBe(false);
  });

  it('grants public read access idempotently', async () => {
    await grantPublicReadAccess(app.strapi);
    await grantPublicReadAccess(app.strapi);
    const permissions = await app.strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { action: { $startsWith: 'api::' }, role: { type: 'public' } },
    });
    const actions = permissions.map((p: { action: string }) => p.action).sort();
    expect(actions).toEqual([...new Set(actions)]);
    expect(actions).toHaveLength(8);
    expect(actions.every((action: string) => /\.(find|findOne)$/.test(action))).toBe(true);
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD only with a strong password, and only once', async () => {
    const admins = () => app.strapi.db.query('admin::user').count();
    await expect(createAdminFromEnv(app.strapi, { ADMIN_EMAIL: 'chief@example.com', ADMIN_PASSWORD: 'password' }))
      .rejects.toThrow(/ADMIN_PASSWORD: an uppercase letter/);
    await expect(createAdminFromEnv(app.strapi, { ADMIN_PASSWORD: 'Strong-Pass-1' }))
      .rejects.toThrow(/ADMIN_EMAIL/);
    expect(await admins()).toBe(0);

    await createAdminFromEnv(app.strapi, { ADMIN_EMAIL: 'Chief@Example.com', ADMIN_PASSWORD: 'Strong-Pass-1' });
    await createAdminFromEnv(app.strapi, { ADMIN_EMAIL: 'other@example.com', ADMIN_PASSWORD: 'Strong-Pass-2' });
    const users = await app.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    expect(users.map((user: { email: string }) => user.email)).toEqual(['chief@example.com']);
    expect(users[0].roles.map((role: { code: string }) => role.code)).toEqual(['strapi-super-admin']);
  });
});
