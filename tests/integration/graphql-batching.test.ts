import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * A nested GraphQL list costs the same number of SQL statements for 10 articles as for 100:
 * relations and components are loaded for all parents at once (src/graphql/batched-fields.ts).
 */
let app: TestApp;

const ARTICLES = 100;

beforeAll(async () => {
  app = await startTestApp();
  const { strapi } = app;
  await strapi.db.transaction(async () => {
    const officials: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const official = await strapi.documents('api::official.official').create({
        data: { name: `官员${index}`, posts: [{ title: '副市长', firstSeen: '2024-01-02', lastSeen: '2024-03-04' }] } as never,
        status: 'published',
      });
      officials.push(official.documentId);
    }
    const project = await strapi.documents('api::project.project').create({ data: { name: '示范项目', stage: 'signed' } as never, status: 'published' });
    const platform = await strapi.documents('api::research-platform.research-platform').create({
      data: { name: '示范实验室', kind: '重点实验室' } as never, status: 'published',
    });
    for (let index = 0; index < ARTICLES; index += 1) {
      await strapi.documents('api::article.article').create({
        data: {
          title: `文章${index}`,
          sourceKey: `batch-${index}`,
          issueDate: '2024-03-01',
          credits: [{ name: `记者${index % 5}`, role: 'reporter', printedRole: '记者' }, { name: '通讯员甲', role: 'correspondent', printedRole: '通讯员' }],
          officials: [officials[index % 8], officials[(index + 3) % 8]],
          projects: [project.documentId],
          researchPlatforms: index % 2 === 0 ? [platform.documentId] : [],
        } as never,
        status: 'published',
      });
    }
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

const QUERY = `query ($limit: Int) {
  articles(pagination: { limit: $limit }, sort: "id") {
    documentId title credits { name role printedRole }
    officials { documentId name posts { title firstSeen lastSeen } }
    projects { name stage } researchPlatforms { name kind }
  }
}`;

async function countStatements(limit: number): Promise<{ statements: number; body: any }> {
  let statements = 0;
  const onQuery = () => { statements += 1; };
  const connection = app.strapi.db.connection;
  connection.on('query', onQuery);
  try {
    const res = await request(app.http).post('/graphql').send({ query: QUERY, variables: { limit } }).expect(200);
    return { statements, body: res.body };
  } finally {
    connection.off('query', onQuery);
  }
}

/**
 * The app's background work (document events, store writes after the setup) can overlap a
 * request and only ever adds statements: the fewest of a few runs is the request's own count.
 */
async function fewestStatements(limit: number): Promise<{ statements: number; body: any }> {
  let fewest = await countStatements(limit);
  for (let run = 1; run < 3; run += 1) {
    const next = await countStatements(limit);
    if (next.statements < fewest.statements) fewest = next;
  }
  return fewest;
}

describe('nested GraphQL lists', () => {
  it('issue as many SQL statements for 100 articles as for 10', async () => {
    await countStatements(1); // the first request loads the public role's permissions once
    const ten = await fewestStatements(10);
    const hundred = await fewestStatements(100);
    expect(ten.body.errors).toBeUndefined();
    expect(hundred.body.errors).toBeUndefined();
    expect(ten.body.data.articles).toHaveLength(10);
    expect(hundred.body.data.articles).toHaveLength(ARTICLES);
    expect(hundred.statements).toBe(ten.statements);
  });

  it('return the relations and components each article has', async () => {
    const { body } = await countStatements(100);
    const byTitle = new Map(body.data.articles.map((article: any) => [article.title, article]));
    const seventh: any = byTitle.get('文章7');
    expect(seventh.credits).toEqual([
      { name: '记者2', role: 'reporter', printedRole: '记者' },
      { name: '通讯员甲', role: 'correspondent', printedRole: '通讯员' },
    ]);
    expect(seventh.officials.map((official: any) => official.name)).toEqual(['官员7', '官员2']);
    expect(seventh.officials[0].posts).toEqual([{ title: '副市长', firstSeen: '2024-01-02', lastSeen: '2024-03-04' }]);
    expect(seventh.projects).toEqual([{ name: '示范项目', stage: 'signed' }]);
    expect(seventh.researchPlatforms).toEqual([]);
    expect((byTitle.get('文章8') as any).researchPlatforms).toEqual([{ name: '示范实验室', kind: '重点实验室' }]);
  });

  it('still honour arguments on a nested list', async () => {
    const res = await request(app.http)
      .post('/graphql')
      .send({ query: '{ articles(filters: { title: { eq: "文章7" } }) { officials(filters: { name: { eq: "官员2" } }) { name } } }' })
      .expect(200);
    expect(res.body.data.articles).toEqual([{ officials: [{ name: '官员2' }] }]);
  });
});
