import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { ARCHIVE_ARTICLES, PROLIFIC_OFFICIAL, insertPublishedArticles, startOnArchive } from './archive';
import { allSpellings, routedSpellings } from './spellings';

/**
 * The request shapes that took the server down or held it for seconds, on an archive of more
 * than a thousand articles: each must be answered with a 4xx within a second, in every spelling
 * of its path (upper and mixed case, trailing and doubled slash, percent-encoded letters), and
 * what the limits still allow must stay bounded in size and well inside the request time budget.
 */
const FAST_MS = 1000;

let app: TestApp;
let budgetMs: number;

beforeAll(async () => {
  app = await startOnArchive();
  budgetMs = app.strapi.config.get<number>('limits.requestBudgetMs');
});

afterAll(async () => {
  await app?.stop();
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

const graphql = (query: string, variables?: Record<string, unknown>, path = '/graphql') => request(app.http).post(path).send({ query, variables });

/** Answers 4xx with an error message, fast, and the server still answers /_health afterwards. */
async function expectFastRejection(send: () => request.Test, message: RegExp, spelling = 'as written'): Promise<void> {
  const { result, ms } = await timed(() => send());
  const text = result.body?.error?.message ?? result.body?.errors?.[0]?.message ?? '';
  expect({ spelling, status: result.status, refused: result.status >= 400 && result.status < 500, text, fast: ms < FAST_MS }).toEqual({
    spelling, status: result.status, refused: true, text: expect.stringMatching(message), fast: true,
  });
  await request(app.http).get('/_health').expect(204);
}

/**
 * The same refusal for every spelling of the URL's path that Strapi routes; the others must be
 * refused as fast, whoever refuses them (a guard, or Strapi's router with a 404).
 */
async function expectRefusedInEverySpelling(send: (path: string) => request.Test, url: string, message: RegExp): Promise<void> {
  const routed = new Set(routedSpellings(url).map(([spelling]) => spelling));
  for (const [spelling, spelled] of allSpellings(url)) await expectFastRejection(() => send(spelled), routed.has(spelling) ? message : /.*/, spelling);
}

const expectRestRefusedInEverySpelling = (url: string, message: RegExp) => expectRefusedInEverySpelling((path) => request(app.http).get(path), url, message);
const expectGraphqlRefusedInEverySpelling = (message: RegExp, query: string, variables?: Record<string, unknown>) =>
  expectRefusedInEverySpelling((path) => graphql(query, variables, path), '/graphql', message);

const WIDE_SELECTION = 'name articles { title body officials { name articles { title } } }';
const aliases = (count: number) => Array.from({ length: count }, (_, index) => `a${index}: officials(pagination: { limit: 100 }) { ${WIDE_SELECTION} }`).join(' ');

describe('GraphQL', () => {
  it('refuses 50 and 400 aliases of a wide query before running it', async () => {
    await expectGraphqlRefusedInEverySpelling(/aliases limit/i, `{ ${aliases(50)} }`);
    await expectGraphqlRefusedInEverySpelling(/aliases limit|tokens/i, `{ ${aliases(400)} }`);
  });

  it('refuses a query whose fields × list sizes exceed the cost limit, even without aliases', async () => {
    await expectGraphqlRefusedInEverySpelling(/too expensive.*cost/i, `{ officials(pagination: { limit: 100 }) { ${WIDE_SELECTION} } }`);
  });

  it('refuses too many root fields, also when they hide in fragments', async () => {
    const roots = ['articles', 'officials', 'projects', 'researchPlatforms'];
    const selections = Array.from({ length: 11 }, (_, index) => `${roots[index % 4]}_connection { pageInfo { total } }`);
    const fragments = selections.map((selection, index) => `fragment F${index} on Query { f${index}: ${selection} }`).join(' ');
    await expectGraphqlRefusedInEverySpelling(/too many root fields|aliases limit/i, `query { ${selections.map((_, index) => `...F${index}`).join(' ')} } ${fragments}`);
  });

  it.each([
    ['a fragment spreading itself', '{ articles { ...A } } fragment A on Article { title ...A }'],
    ['fragments spreading each other', '{ articles { ...A } } fragment A on Article { title ...B } fragment B on Article { documentId ...A }'],
    ['an unknown fragment', '{ articles { ...Missing } }'],
  ])('refuses %s before validation', async (_label, query) => {
    await expectGraphqlRefusedInEverySpelling(/fragment/i, query);
  });

  it('refuses deeply nested and/or filters, written in the document or passed as variables', async () => {
    let written = '{ title: { eq: "x" } }';
    for (let depth = 0; depth < 12; depth += 1) written = `{ and: [${written}] }`;
    await expectGraphqlRefusedInEverySpelling(/nested too deeply/i, `{ articles(filters: ${written}) { title } }`);

    let literal = '{ title: { eq: "x" } }';
    for (let depth = 0; depth < 700; depth += 1) literal = `{ or: [${literal}] }`;
    await expectGraphqlRefusedInEverySpelling(/tokens/i, `{ articles(filters: ${literal}) { title } }`);

    let variable: Record<string, unknown> = { title: { eq: 'x' } };
    for (let depth = 0; depth < 700; depth += 1) variable = { and: [variable] };
    await expectGraphqlRefusedInEverySpelling(/nested too deeply/i, 'query Deep($filters: ArticleFiltersInput) { articles(filters: $filters) { title } }', { filters: variable });
  });

  it('refuses an oversized body', async () => {
    await expectGraphqlRefusedInEverySpelling(/limited to \d+ bytes/i, `{ articles { title } } # ${'x'.repeat(70_000)}`);
    // What got a 200 through /GRAPHQL, whose body Apollo's own parser took up to 1 MB.
    await expectGraphqlRefusedInEverySpelling(/limited to \d+ bytes/i, `{ articles { title } } # ${'x'.repeat(900_000)}`);
  });

  it('keeps the default limit for nested lists', async () => {
    const res = await graphql('{ officials(pagination: { limit: 100 }) { name articles { title } } }').expect(200);
    expect(res.body.errors).toBeUndefined();
    const prolific = res.body.data.officials.find((official: { name: string }) => official.name === PROLIFIC_OFFICIAL);
    expect(prolific.articles).toHaveLength(25);
  });

  it('answers a list of 100 articles with their relations within its time budget', async () => {
    const { result, ms } = await timed(() =>
      graphql(`{ articles(pagination: { limit: 100 }) { documentId title officials { name } projects { name stage }
        researchPlatforms { name kind hostInstitution } } }`),
    );
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.articles).toHaveLength(100);
    expect(ms).toBeLessThan(budgetMs);
  });
});

describe('REST', () => {
  it('refuses a populate chain deeper than the limit', async () => {
    await expectRestRefusedInEverySpelling('/api/officials?populate[articles][populate][officials][populate][articles]=true', /populate is nested too deeply/i);
    await expectRestRefusedInEverySpelling('/api/officials?populate=articles.officials.articles', /populate is nested too deeply/i);
    // The shape that answered 355 MB through /API: five levels, a hundred officials.
    await expectRestRefusedInEverySpelling(
      '/api/officials?pagination[pageSize]=100&populate[articles][populate][officials][populate][articles][populate][officials][populate][articles]=*',
      /populate is nested too deeply/i,
    );
  });

  it('refuses deeply nested $and/$or filters', async () => {
    const nest = (depth: number) => `filters${'[$and][0]'.repeat(depth)}[title][$eq]=x`;
    await expectRestRefusedInEverySpelling(`/api/articles?${nest(9)}`, /nested too deeply/i);
    await expectRestRefusedInEverySpelling(`/api/articles?${nest(700)}`, /too long|nested too deeply|invalid key/i);
  });

  it('caps the entries of every relation list and says where to page through the rest', async () => {
    const { result, ms } = await timed(() =>
      request(app.http).get('/api/officials?populate[articles][fields][0]=title&populate[articles][populate][officials][fields][0]=name&pagination[pageSize]=100'),
    );
    expect(result.status).toBe(200);
    expect(ms).toBeLessThan(budgetMs);
    const maxEntries = app.strapi.config.get<number>('limits.maxRelatedEntries');
    for (const official of result.body.data) expect(official.articles.length).toBeLessThanOrEqual(maxEntries);
    const prolific = result.body.data.find((official: { name: string }) => official.name === PROLIFIC_OFFICIAL);
    const truncated = result.body.meta.truncatedRelations.find((entry: { documentId: string }) => entry.documentId === prolific.documentId);
    expect(truncated).toMatchObject({ relation: 'articles', returned: maxEntries });
    expect(truncated.total).toBeGreaterThanOrEqual(ARCHIVE_ARTICLES);

    const paged = await request(app.http).get(`${truncated.more}&pagination[pageSize]=100`).expect(200);
    expect(paged.body.meta.pagination.total).toBe(truncated.total);
    expect(paged.body.data).toHaveLength(100);
  });

  it('keeps the default lists and the bounded populates constant in size as the archive grows', async () => {
    const urls = [
      '/api/officials',
      '/api/articles',
      '/api/projects?pagination[pageSize]=100',
      '/api/officials?populate[articles][fields][0]=title&pagination[pageSize]=100',
    ];
    const sizes = async () => Promise.all(urls.map(async (url) => (await request(app.http).get(url).expect(200)).text.length));
    const before = await sizes();

    // The officials listed first, the prolific one among them, gain 300 articles each.
    const officials = await app.strapi.documents('api::official.official').findMany({ status: 'published', fields: ['documentId'], sort: 'id:asc', limit: 5 });
    await app.strapi.db.transaction(() =>
      insertPublishedArticles(app.strapi, 100_000, 300, (index) => ({
        title: `增补文章${index}`,
        sourceKey: `grown-${index}`,
        officials: officials.map((official) => official.documentId),
      })),
    );

    const after = await sizes();
    after.forEach((size, index) => expect({ url: urls[index], growth: Math.abs(size - before[index]) / before[index] < 0.01 }).toEqual({ url: urls[index], growth: true }));
    // 100 officials with 25 titles each, not a thousand: tens of kilobytes at most.
    expect(Math.max(...after)).toBeLessThan(300_000);
  });

  it('answers the largest allowed list within its time budget', async () => {
    const { result, ms } = await timed(() => request(app.http).get('/api/articles?populate=*&pagination[pageSize]=100'));
    expect(result.status).toBe(200);
    expect(ms).toBeLessThan(budgetMs);
  });

  it('refuses an overlong query string', async () => {
    await expectRestRefusedInEverySpelling(`/api/articles?filters[title][$eq]=${'x'.repeat(5000)}`, /query string is too long/i);
  });
});

describe('/_health', () => {
  it('keeps answering while heavy requests are in flight', async () => {
    const heavy = [
      request(app.http).get('/api/articles?populate=*&pagination[pageSize]=100'),
      graphql('{ articles(pagination: { limit: 100 }) { title officials { name } projects { name } } }'),
      graphql(`{ ${aliases(400)} }`),
      request(app.http).get('/api/officials?populate[articles][populate][officials]=true&pagination[pageSize]=100'),
    ];
    const health = timed(() => request(app.http).get('/_health'));
    const [{ result, ms }] = await Promise.all([health, ...heavy]);
    expect(result.status).toBe(204);
    expect(ms).toBeLessThan(budgetMs);
  });
});
