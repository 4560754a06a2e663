import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';

/** The queries README's "Queries for frontends" promises, with the exact URLs and GraphQL it gives. */
let app: TestApp;
const id: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const { strapi } = app;
  const published = { status: 'published' as const };
  const create = async (uid: any, key: string, data: Record<string, unknown>, options: object = published) => {
    id[key] = (await strapi.documents(uid).create({ data: data as never, ...options })).documentId;
  };
  await create('api::official.official', 'wang', {
    name: '王建国',
    posts: [
      { title: '市委副书记', firstSeen: '2022-06-01', lastSeen: '2022-12-30' },
      { title: '市长', firstSeen: '2023-01-05', lastSeen: '2024-02-15' },
    ],
  });
  await create('api::official.official', 'li', { name: '李红', posts: [{ title: '副市长', firstSeen: '2023-12-20', lastSeen: '2023-12-20' }] });
  await create('api::official.official', 'sun', { name: '孙无文' });
  await create('api::official.official', 'draftOfficial', { name: '赵草稿' }, {});
  await create('api::project.project', 'park', { name: '智能装备产业园', stage: 'signed' });
  await create('api::project.project', 'plant', { name: '新能源电池工厂', stage: 'in_production' });
  await create('api::project.project', 'road', { name: '城市快速路', stage: 'groundbreaking' });
  await create('api::research-platform.research-platform', 'lab', { name: '郑州大学材料重点实验室', kind: '重点实验室', hostInstitution: '郑州大学' });
  await create('api::research-platform.research-platform', 'center', {
    name: '小麦工程技术研究中心', kind: '工程技术研究中心', hostInstitution: '河南农业大学',
  });
  await create('api::article.article', 'january', {
    title: '智能装备产业园签约', sourceKey: 'q-1', issueDate: '2024-01-10', eventDate: '2024-01-09',
    credits: [{ name: '陈锋', role: 'reporter', printedRole: '记者' }],
    officials: [id.wang], projects: [id.park], researchPlatforms: [id.lab],
  });
  await create('api::article.article', 'february', {
    title: '新能源电池工厂投产', sourceKey: 'q-2', issueDate: '2024-02-15', eventDate: '2024-02-14',
    credits: [{ name: '刘洋', role: 'reporter', printedRole: '记者' }, { name: '陈锋', role: 'correspondent', printedRole: '通讯员' }],
    officials: [id.wang], projects: [id.plant],
  });
  await create('api::article.article', 'december', {
    title: '小麦新品种通过鉴定', sourceKey: 'q-3', issueDate: '2023-12-20',
    credits: [{ name: '刘洋', role: 'reporter', printedRole: '首席记者' }],
    officials: [id.li], researchPlatforms: [id.center],
  });
  await create('api::article.article', 'draft', { title: '草稿：市长调研', sourceKey: 'q-4', issueDate: '2024-03-01', officials: [id.wang] }, {});
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const get = (url: string) => request(app.http).get(encodeURI(url)).expect(200);
const titles = (res: request.Response) => res.body.data.map((article: { title: string }) => article.title);
const graphql = async (query: string) => {
  const res = await request(app.http).post('/graphql').send({ query }).expect(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};

describe('articles for frontends, REST', () => {
  it('mentioning an official by name or documentId, newest first', async () => {
    const byName = await get('/api/articles?filters[officials][name][$eq]=王建国&sort=issueDate:desc');
    expect(titles(byName)).toEqual(['新能源电池工厂投产', '智能装备产业园签约']);
    const byId = await get(`/api/articles?filters[officials][documentId][$eq]=${id.wang}&sort=issueDate:desc`);
    expect(titles(byId)).toEqual(titles(byName));
  });

  it('mentioning a project or a platform', async () => {
    expect(titles(await get('/api/articles?filters[projects][name][$eq]=智能装备产业园'))).toEqual(['智能装备产业园签约']);
    expect(titles(await get(`/api/articles?filters[researchPlatforms][documentId][$eq]=${id.center}`))).toEqual(['小麦新品种通过鉴定']);
  });

  it('by reporter: name and role on the same credit', async () => {
    const res = await get('/api/articles?filters[credits][name][$eq]=陈锋&filters[credits][role][$eq]=reporter');
    expect(titles(res)).toEqual(['智能装备产业园签约']);
    const anyRole = await get('/api/articles?filters[credits][name][$eq]=陈锋&sort=issueDate:desc');
    expect(titles(anyRole)).toEqual(['新能源电池工厂投产', '智能装备产业园签约']);
  });

  it('by issue-date or event-date range, newest first', async () => {
    const january = await get('/api/articles?filters[issueDate][$gte]=2024-01-01&filters[issueDate][$lte]=2024-01-31');
    expect(titles(january)).toEqual(['智能装备产业园签约']);
    const events = await get('/api/articles?filters[eventDate][$between][0]=2024-01-01&filters[eventDate][$between][1]=2024-12-31&sort=eventDate:desc');
    expect(titles(events)).toEqual(['新能源电池工厂投产', '智能装备产业园签约']);
    expect(titles(await get('/api/articles?sort[0]=issueDate:desc'))).toEqual(['新能源电池工厂投产', '智能装备产业园签约', '小麦新品种通过鉴定']);
  });
});

describe("an official's page, REST", () => {
  it('posts with first and last seen, the article count, and the articles paged', async () => {
    const official = await get(`/api/officials/${id.wang}`);
    expect(official.body.data).toMatchObject({
      name: '王建国',
      posts: [
        { title: '市委副书记', firstSeen: '2022-06-01', lastSeen: '2022-12-30' },
        { title: '市长', firstSeen: '2023-01-05', lastSeen: '2024-02-15' },
      ],
      articles: { count: 2 },
    });
    const second = await get(`/api/articles?filters[officials][documentId][$eq]=${id.wang}&sort=issueDate:desc&pagination[page]=2&pagination[pageSize]=1`);
    expect(titles(second)).toEqual(['智能装备产业园签约']);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('officials ordered by number of published articles', async () => {
    const res = await get('/api/official-rankings?pageSize=10');
    expect(res.body).toEqual({
      data: [
        { documentId: id.wang, name: '王建国', articleCount: 2 },
        { documentId: id.li, name: '李红', articleCount: 1 },
        { documentId: id.sun, name: '孙无文', articleCount: 0 },
      ],
      meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 3 } },
    });
    const second = await get('/api/official-rankings?page=2&pageSize=2');
    expect(second.body.data).toEqual([{ documentId: id.sun, name: '孙无文', articleCount: 0 }]);
  });

  it.each(['pageSize=101', 'page=0', 'page=x', 'sort=name', 'pageSize[$gt]=1'])('rankings answer 400 to %s', async (query) => {
    await request(app.http).get(`/api/official-rankings?${query}`).expect(400);
  });
});

describe('projects and platforms, REST', () => {
  it('projects by stage', async () => {
    const res = await get('/api/projects?filters[stage][$eq]=signed');
    expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['智能装备产业园']);
    const started = await get('/api/projects?filters[stage][$in][0]=in_production&filters[stage][$in][1]=groundbreaking&sort=name');
    expect(started.body.data).toHaveLength(2);
  });

  it('platforms by kind or host institution', async () => {
    const byKind = await get('/api/research-platforms?filters[kind][$eq]=重点实验室');
    expect(byKind.body.data.map((p: { name: string }) => p.name)).toEqual(['郑州大学材料重点实验室']);
    const byHost = await get('/api/research-platforms?filters[hostInstitution][$contains]=农业');
    expect(byHost.body.data.map((p: { name: string }) => p.name)).toEqual(['小麦工程技术研究中心']);
  });
});

describe('the same in GraphQL', () => {
  it('articles by official, reporter and date range, newest first', async () => {
    const data = await graphql(`{
      byOfficial: articles(filters: { officials: { name: { eq: "王建国" } } }, sort: "issueDate:desc") { title }
      byReporter: articles(filters: { credits: { name: { eq: "陈锋" }, role: { eq: "reporter" } } }) { title }
      inJanuary: articles(filters: { issueDate: { between: ["2024-01-01", "2024-01-31"] } }) { title }
      byPlatform: articles(filters: { researchPlatforms: { documentId: { eq: "${id.center}" } } }) { title }
    }`);
    expect(data.byOfficial).toEqual([{ title: '新能源电池工厂投产' }, { title: '智能装备产业园签约' }]);
    expect(data.byReporter).toEqual([{ title: '智能装备产业园签约' }]);
    expect(data.inJanuary).toEqual([{ title: '智能装备产业园签约' }]);
    expect(data.byPlatform).toEqual([{ title: '小麦新品种通过鉴定' }]);
  });

  it("an official's page and the ranking", async () => {
    const data = await graphql(`{
      official(documentId: "${id.wang}") {
        name posts { title firstSeen lastSeen }
        articles(sort: "issueDate:desc", pagination: { page: 1, pageSize: 10 }) { title issueDate }
      }
      officialsByArticleCount(pagination: { page: 1, pageSize: 2 }) {
        officials { name articleCount } pagination { page pageSize pageCount total }
      }
    }`);
    expect(data.official.posts).toEqual([
      { title: '市委副书记', firstSeen: '2022-06-01', lastSeen: '2022-12-30' },
      { title: '市长', firstSeen: '2023-01-05', lastSeen: '2024-02-15' },
    ]);
    expect(data.official.articles).toEqual([
      { title: '新能源电池工厂投产', issueDate: '2024-02-15' },
      { title: '智能装备产业园签约', issueDate: '2024-01-10' },
    ]);
    expect(data.officialsByArticleCount).toEqual({
      officials: [{ name: '王建国', articleCount: 2 }, { name: '李红', articleCount: 1 }],
      pagination: { page: 1, pageSize: 2, pageCount: 2, total: 3 },
    });
  });

  it('projects by stage, platforms by host', async () => {
    const data = await graphql(`{
      projects(filters: { stage: { eq: "signed" } }) { name }
      researchPlatforms(filters: { hostInstitution: { contains: "农业" } }) { name kind }
    }`);
    expect(data.projects).toEqual([{ name: '智能装备产业园' }]);
    expect(data.researchPlatforms).toEqual([{ name: '小麦工程技术研究中心', kind: '工程技术研究中心' }]);
  });
});
