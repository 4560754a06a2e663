import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { NEWSROOM_UIDS } from '../../src/content-types';
import { DRAFT_TITLE_PREFIX, EDITED_DRAFT_TITLE, SECRET_IMPORT_KEY, SECRET_SNAPSHOT, startOnArchive } from './archive';
import { hiddenNames, keysIn, publicTypes, type TypeInfo } from './schema';
import { allSpellings } from './spellings';

/**
 * What an attacker tries first, anonymously and as a signed-in reader: drafts, private fields,
 * filters and sorts that would reveal them, writes, CORS and sign-up.
 */
const READER_ORIGIN = 'https://reader.example.org';

let app: TestApp;
let types: TypeInfo[];
let hidden: string[];
let readerJwt: string;
let apiToken: string;

beforeAll(async () => {
  app = await startOnArchive({ CORS_ORIGINS: READER_ORIGIN });
  types = publicTypes(app.strapi, NEWSROOM_UIDS);
  hidden = hiddenNames(types);

  const authenticated = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const reader = await app.strapi.plugin('users-permissions').service('user').add({
    username: 'reader', email: 'reader@example.org', password: 'Reader-Pass-1', provider: 'local', confirmed: true, role: authenticated.id,
  });
  readerJwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: reader.id });
  const token = await app.strapi.service('admin::api-token').create({ name: 'preview', type: 'read-only', lifespan: null, description: '' });
  apiToken = token.accessKey;
});

afterAll(async () => {
  await app?.stop();
});

const get = (url: string, jwt?: string) => {
  const req = request(app.http).get(url);
  return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
};
const graphql = (query: string, jwt?: string, variables?: Record<string, unknown>) => {
  const req = request(app.http).post('/graphql').send({ query, variables });
  return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
};

/** Nothing unpublished and nothing private in a response body, whatever its shape. */
function expectNothingSecret(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain(DRAFT_TITLE_PREFIX);
  expect(text).not.toContain(EDITED_DRAFT_TITLE);
  expect(text).not.toContain(SECRET_SNAPSHOT);
  expect(text).not.toContain(SECRET_IMPORT_KEY);
  const keys = keysIn(body);
  expect(hidden.filter((name) => keys.has(name))).toEqual([]);
}

describe.each([
  ['anonymous readers', undefined],
  ['signed-in readers', 'reader'],
])('%s', (_label, who) => {
  const jwt = () => (who ? readerJwt : undefined);

  it('read published content', async () => {
    for (const type of types) {
      const res = await get(`/api/${type.plural}`, jwt()).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
    }
  });

  it('never see drafts or private fields through REST, whatever they ask', async () => {
    for (const type of types) {
      const relations = Object.keys(type.relations);
      const urls = [
        `/api/${type.plural}?status=draft&pagination[pageSize]=100`,
        `/api/${type.plural}?populate=*&status=draft`,
        `/api/${type.plural}?${relations.map((name) => `populate[${name}][populate]=*`).join('&')}`,
        `/api/${type.plural}?sort=updatedAt:desc&status=draft&pagination[pageSize]=100`,
      ];
      for (const url of urls) {
        const res = await get(url, jwt());
        expect([200, 400]).toContain(res.status);
        expectNothingSecret(res.body);
      }
    }
    const [draft] = await app.strapi.documents('api::article.article').findMany({ filters: { title: { $startsWith: DRAFT_TITLE_PREFIX } } });
    await get(`/api/articles/${draft.documentId}`, jwt()).expect(404);
    await get(`/api/articles/${draft.documentId}?status=draft`, jwt()).expect(404);
  });

  it('never see drafts or private fields through GraphQL', async () => {
    for (const type of types) {
      const relationSelections = Object.keys(type.relations).map((name) => `${name}(pagination: { limit: 5 }) { documentId }`).join(' ');
      for (const args of ['(status: DRAFT, pagination: { limit: 50 })', '(publicationFilter: MODIFIED)', '(hasPublishedVersion: false)']) {
        const res = await graphql(`{ ${type.graphqlList}${args} { documentId ${relationSelections} } }`, jwt());
        expectNothingSecret(res.body);
        if (res.body.data) {
          const ids = res.body.data[type.graphqlList].map((entry: { documentId: string }) => entry.documentId);
          const published = await app.strapi.documents(type.uid as any).findMany({ filters: { documentId: { $in: ids } }, status: 'published' });
          expect(published).toHaveLength(ids.length);
        }
      }
    }
    const titles = await graphql('{ articles(status: DRAFT, filters: { title: { startsWith: "草稿" } }) { title } }', jwt()).expect(200);
    expect(titles.body.data.articles).toEqual([]);
  });

  it('cannot ask GraphQL for hidden fields', async () => {
    for (const type of types) {
      for (const name of type.hidden.filter((field) => !['locale', 'localizations'].includes(field))) {
        const res = await graphql(`{ ${type.graphqlList} { ${name} } }`, jwt());
        expect(res.status).toBe(400);
        expectNothingSecret(res.body);
      }
    }
  });

  it('cannot filter, sort or populate on hidden fields, and cannot tell them from fields that do not exist', async () => {
    for (const type of types) {
      for (const name of [...type.hidden.filter((field) => !['locale', 'localizations'].includes(field)), 'noSuchField']) {
        const probes = {
          filter: `/api/${type.plural}?filters[${name}][$null]=false`,
          sort: `/api/${type.plural}?sort=${name}:asc`,
          populate: `/api/${type.plural}?populate[${name}]=true`,
          fields: `/api/${type.plural}?fields[0]=${name}`,
        };
        for (const [kind, url] of Object.entries(probes)) {
          const res = await get(url, jwt());
          expect({ kind, name, status: res.status, message: res.body.error?.message }).toEqual({
            kind, name, status: 400, message: `Invalid key ${name}`,
          });
        }
      }
    }
  });

  it('cannot learn which published articles have unpublished edits', async () => {
    const plain = await get('/api/articles?pagination[pageSize]=100&sort=id:asc&fields[0]=title', jwt()).expect(200);
    for (const filter of ['modified', 'unmodified', 'published-with-draft', 'published-without-draft']) {
      const res = await get(`/api/articles?pagination[pageSize]=100&sort=id:asc&fields[0]=title&publicationFilter=${filter}`, jwt()).expect(200);
      expect(res.body).toEqual(plain.body);
    }
    const graphqlPlain = await graphql('{ articles(pagination: { limit: 100 }) { documentId } }', jwt());
    for (const filter of ['MODIFIED', 'UNMODIFIED']) {
      const res = await graphql(`{ articles(pagination: { limit: 100 }, publicationFilter: ${filter}) { documentId } }`, jwt());
      expect(res.body).toEqual(graphqlPlain.body);
    }
  });

  it('cannot write through REST or GraphQL', async () => {
    const before = await app.strapi.documents('api::article.article').count({});
    for (const type of types) {
      const [entry] = (await get(`/api/${type.plural}`, jwt()).expect(200)).body.data;
      await request(app.http).post(`/api/${type.plural}`).set(who ? { Authorization: `Bearer ${readerJwt}` } : {}).send({ data: { name: 'x', title: 'x' } }).expect(403);
      await request(app.http).put(`/api/${type.plural}/${entry.documentId}`).set(who ? { Authorization: `Bearer ${readerJwt}` } : {}).send({ data: { name: 'y', title: 'y' } }).expect(403);
      await request(app.http).delete(`/api/${type.plural}/${entry.documentId}`).set(who ? { Authorization: `Bearer ${readerJwt}` } : {}).expect(403);
    }
    const mutation = await graphql('mutation { createArticle(data: { title: "x" }) { documentId } }', jwt());
    expect(mutation.body.errors?.[0]?.message).toMatch(/forbidden/i);
    expect(await app.strapi.documents('api::article.article').count({})).toBe(before);
  });
});

describe('development mode', () => {
  it('serves the GraphQL landing page (production does not: production.test.ts)', async () => {
    const res = await request(app.http).get('/graphql').set('Accept', 'text/html').expect(200);
    expect(res.text).toMatch(/<html/i);
  });
});

describe('API tokens', () => {
  it('still read drafts when they ask for them (previews), but never private fields', async () => {
    const res = await get(`/api/articles?status=draft&filters[title][$startsWith]=${encodeURIComponent(DRAFT_TITLE_PREFIX)}`, apiToken).expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    const keys = keysIn(res.body);
    expect(hidden.filter((name) => keys.has(name))).toEqual([]);
    const graphqlRes = await graphql('{ articles(status: DRAFT, filters: { title: { startsWith: "草稿" } }) { title } }', apiToken).expect(200);
    expect(graphqlRes.body.data.articles.length).toBeGreaterThan(0);
  });
});

describe('CORS', () => {
  const preflight = (path: string, origin: string) =>
    request(app.http).options(path).set('Origin', origin).set('Access-Control-Request-Method', 'GET');

  it('answers an unknown origin without Access-Control-Allow-Origin, on REST and GraphQL', async () => {
    for (const path of ['/api/articles', '/graphql']) {
      const res = await request(app.http).get(path).set('Origin', 'https://evil.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(path, 'https://evil.example');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('allows the configured origins and the app itself, by name and never as *', async () => {
    for (const origin of [READER_ORIGIN, 'http://localhost:1337']) {
      const res = await request(app.http).get('/api/articles').set('Origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      const pre = await preflight('/graphql', origin);
      expect(pre.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('never answers cross-origin requests on admin routes, even from a configured origin', async () => {
    for (const path of ['/admin/init', '/admin/login', '/content-manager/init', '/users-permissions/roles']) {
      const res = await preflight(path, READER_ORIGIN);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const get = await request(app.http).get(path).set('Origin', READER_ORIGIN);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('uploads', () => {
  /**
   * Starts a multipart upload announcing 50 MB, sends its first kilobyte and waits: an answer
   * that comes while the rest has not been sent was given without reading the body.
   */
  async function answerToUnfinishedUpload(path: string, headers: Record<string, string> = {}): Promise<{ status: number; message: string }> {
    const server = app.http.listening ? app.http : app.http.listen(0);
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const upload = http.request({
        port, path, method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024), ...headers },
      });
      const timeout = setTimeout(() => reject(new Error(`${path}: no answer while the body was still coming`)), 5000);
      upload.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => { text += chunk; });
        res.on('end', () => {
          clearTimeout(timeout);
          upload.destroy();
          resolve({ status: res.statusCode ?? 0, message: JSON.parse(text).error?.message ?? '' });
        });
      });
      upload.on('error', () => undefined); // the server may close the socket once it has answered
      upload.write(`--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n${'a'.repeat(1024)}`);
    });
  }

  it('refuses an anonymous multipart body before reading it, on every route and spelling', async () => {
    for (const url of ['/api/upload', '/upload', '/api/articles']) {
      for (const [spelling, path] of allSpellings(url)) {
        expect({ spelling, ...(await answerToUnfinishedUpload(path)) }).toEqual({ spelling, status: 401, message: expect.stringMatching(/need credentials/) });
      }
    }
  });

  it('leaves uploads with credentials to the route, which checks them', async () => {
    const res = await request(app.http).post('/api/upload').set('Authorization', `Bearer ${readerJwt}`).attach('files', Buffer.from('text'), 'a.txt');
    expect(res.status).toBe(403);
  });
});

describe('sign-up', () => {
  it('is refused by default, through REST and GraphQL', async () => {
    const rest = await request(app.http)
      .post('/api/auth/local/register')
      .send({ username: 'newcomer', email: 'newcomer@example.org', password: 'Newcomer-Pass-1' });
    expect(rest.status).toBe(400);
    expect(rest.body.error.message).toMatch(/register action is currently disabled/i);
    const graphqlRes = await graphql('mutation { register(input: { username: "newcomer2", email: "newcomer2@example.org", password: "Newcomer-Pass-1" }) { jwt } }');
    expect(graphqlRes.body.errors?.[0]?.message).toMatch(/register action is currently disabled/i);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: { $startsWith: 'newcomer' } } })).toBe(0);
  });
});

describe('Content Manager', () => {
  let adminJwt: string;

  beforeAll(async () => {
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email: 'chief@example.org', password: 'Chief-Pass-1', firstname: 'Chief', lastname: 'Editor', isActive: true, registrationToken: null, roles: [superAdmin.id],
    });
    const login = await request(app.http).post('/admin/login').send({ email: 'chief@example.org', password: 'Chief-Pass-1' }).expect(200);
    adminJwt = login.body.data.token;
  });

  const admin = (method: 'get' | 'put', path: string) => request(app.http)[method](path).set('Authorization', `Bearer ${adminJwt}`);

  it('never shows the private import bookkeeping', async () => {
    for (const type of types) {
      const list = await admin('get', `/content-manager/collection-types/${type.uid}`).expect(200);
      expect(JSON.stringify(list.body)).not.toMatch(/importSnapshot|importKey|import-snapshot-secret|import-key-secret/);
      const one = await admin('get', `/content-manager/collection-types/${type.uid}/${list.body.results[0].documentId}`).expect(200);
      expect(JSON.stringify(one.body)).not.toMatch(/importSnapshot|importKey|import-snapshot-secret|import-key-secret/);
    }
  });

  it('refuses an edit of the printed source, naming the fields, and saves nothing of it', async () => {
    const [article] = await app.strapi.documents('api::article.article').findMany({ filters: { sourceKey: 'archive-6' }, populate: ['source'] });
    const res = await admin('put', `/content-manager/collection-types/api::article.article/${article.documentId}`)
      .send({ title: '不该保存的标题', source: { ...(article as any).source, id: undefined, fileName: 'forged.txt' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('source.fileName');
    const [after] = await app.strapi.documents('api::article.article').findMany({ filters: { documentId: article.documentId }, populate: ['source'] });
    expect(after.title).toBe(article.title);
    expect((after as any).source.fileName).toBe((article as any).source.fileName);
  });

  it('keeps the hidden bookkeeping an editor sends while saving what they changed', async () => {
    const [article] = await app.strapi.documents('api::article.article').findMany({ filters: { sourceKey: 'archive-7' }, populate: ['source'] });
    const res = await admin('put', `/content-manager/collection-types/api::article.article/${article.documentId}`)
      .send({ title: '编辑改过的标题', sourceKey: 'hijacked', importSnapshot: { forged: true } });
    expect(res.status).toBe(200);
    const [after] = await app.strapi.documents('api::article.article').findMany({
      filters: { documentId: article.documentId }, populate: ['source'],
    });
    expect(after.title).toBe('编辑改过的标题');
    expect(after.sourceKey).toBe('archive-7');
    expect((after as any).source.fileName).toBe((article as any).source.fileName);
    expect(JSON.stringify((after as any).importSnapshot)).toContain(SECRET_SNAPSHOT);
  });

  it('drops the hidden bookkeeping and refuses source edits in every spelling of the route, an encoded model uid included', async () => {
    const [article] = await app.strapi.documents('api::article.article').findMany({ filters: { sourceKey: 'archive-8' }, populate: ['source'] });
    const route = `/content-manager/collection-types/api::article.article/${article.documentId}`;
    const spellings: Array<[string, string]> = [
      ...allSpellings(route),
      ['upper-case prefix', route.replace('/content-manager/collection-types', '/CONTENT-MANAGER/Collection-Types')],
      ['encoded model uid', route.replace('api::article.article', encodeURIComponent('api::article.article'))],
    ];
    const saved: string[] = [];
    for (const [spelling, path] of spellings) {
      // An edit of the printed source is refused through every spelling; spellings that name nothing are a 4xx anyway.
      const forged = await admin('put', path).send({ title: `改过的标题 ${spelling}`, source: { fileName: 'forged.txt' } });
      expect({ spelling, refused: forged.status >= 400 && forged.status < 500 }).toEqual({ spelling, refused: true });
      const res = await admin('put', path).send({ title: `改过的标题 ${spelling}`, sourceKey: 'hijacked', importSnapshot: { forged: true } });
      // Spellings whose model or documentId changed case name nothing: a 4xx.
      expect({ spelling, status: res.status, answered: res.status === 200 || (res.status >= 400 && res.status < 500) }).toEqual({ spelling, status: res.status, answered: true });
      if (res.status === 200) saved.push(spelling);
      const [after] = await app.strapi.documents('api::article.article').findMany({ filters: { documentId: article.documentId }, populate: ['source'] });
      expect({ spelling, sourceKey: after.sourceKey, fileName: (after as any).source.fileName, snapshot: JSON.stringify((after as any).importSnapshot).includes(SECRET_SNAPSHOT) })
        .toEqual({ spelling, sourceKey: 'archive-8', fileName: (article as any).source.fileName, snapshot: true });
    }
    expect(saved).toEqual(expect.arrayContaining(['as written', 'trailing slash', 'upper-case prefix', 'encoded model uid']));
  });

  it('shows sourceKey and source read-only in the edit view', async () => {
    const res = await admin('get', '/content-manager/content-types/api::article.article/configuration').expect(200);
    const { metadatas } = res.body.data.contentType;
    expect(metadatas.sourceKey.edit.editable).toBe(false);
    expect(metadatas.source.edit.editable).toBe(false);
  });
});
