import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';

/** What a CDN and an abuser see at the edge: cache headers, rate limits, security headers. */
let app: TestApp;
let token: string;

beforeAll(async () => {
  Object.assign(process.env, {
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_WINDOW_MS: '600000',
    RATE_LIMIT_CONTENT_API: '40',
    RATE_LIMIT_SEARCH: '3',
    RATE_LIMIT_ADMIN_LOGIN: '2',
    PUBLIC_CACHE_MAX_AGE: '30',
  });
  app = await startTestApp();
  await app.strapi.documents('api::project.project').create({ data: { name: '缓存测试项目' } as never, status: 'published' });
  token = (await app.strapi.service('admin::api-token').create({ name: 'preview', type: 'read-only', lifespan: null })).accessKey;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('cache headers', () => {
  it('anonymous reads are public for max-age with an ETag, and 304 when unchanged', async () => {
    const first = await request(app.http).get('/api/projects').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await request(app.http).get('/api/projects').set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    await request(app.http).get('/api/projects?fields[0]=name').set('If-None-Match', etag).expect(200);
  });

  it('a changed document changes the ETag', async () => {
    const before = (await request(app.http).get('/api/projects').expect(200)).headers.etag;
    await app.strapi.documents('api::project.project').create({ data: { name: '新项目' } as never, status: 'published' });
    const after = await request(app.http).get('/api/projects').set('If-None-Match', before).expect(200);
    expect(after.headers.etag).not.toBe(before);
  });

  it('reads with a token are never stored by a shared cache', async () => {
    const res = await request(app.http).get('/api/projects?status=draft').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('errors are not marked cacheable', async () => {
    const res = await request(app.http).get('/api/projects?filters[nope][$eq]=1').expect(400);
    expect(res.headers['cache-control']).toBeUndefined();
  });
});

describe('security headers', () => {
  it.each(['/api/projects', '/admin'])('%s has CSP and frame options, and no banner', async (path) => {
    const res = await request(app.http).get(path);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('search answers 429 with Retry-After past its limit', async () => {
    for (let i = 0; i < 3; i += 1) await request(app.http).get('/api/search?q=项目').expect(200);
    const res = await request(app.http).get('/api/search?q=项目').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  });

  it('the admin login answers 429 past its limit', async () => {
    const login = () => request(app.http).post('/admin/login').send({ email: 'nobody@example.com', password: 'Wrong-pass-1' });
    for (let i = 0; i < 2; i += 1) expect((await login()).status).not.toBe(429);
    const res = await login().expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the content API answers 429 past its limit, and health checks still answer', async () => {
    let status = 200;
    for (let i = 0; i < 50 && status !== 429; i += 1) status = (await request(app.http).get('/api/projects')).status;
    expect(status).toBe(429);
    await request(app.http).post('/graphql').send({ query: '{ projects { name } }' }).expect(429);
    await request(app.http).get('/_health').expect(204);
  });
});
