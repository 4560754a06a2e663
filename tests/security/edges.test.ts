import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { startOnArchive } from './archive';
import { allSpellings, routedSpellings } from './spellings';

/**
 * What the edge keeps (cache headers, the response cache) and counts (rate limits, the admin
 * login limit), tried through every spelling of each path: a spelling Strapi routes must be
 * counted and cached as the path itself, and a refused query must never be kept, whatever its
 * spelling. The limits are small and the window long, so that nothing resets during the file.
 */
const CONTENT_API_LIMIT = 80;
const SEARCH_LIMIT = 6;
const ADMIN_LOGIN_LIMIT = 3;
const MAX_AGE = 45;
const THREE_LEVELS = 'populate[articles][populate][officials][populate][articles]=true';

let app: TestApp;

beforeAll(async () => {
  app = await startOnArchive({
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_WINDOW_MS: '600000',
    RATE_LIMIT_CONTENT_API: String(CONTENT_API_LIMIT),
    RATE_LIMIT_SEARCH: String(SEARCH_LIMIT),
    RATE_LIMIT_ADMIN_LOGIN: String(ADMIN_LOGIN_LIMIT),
    PUBLIC_CACHE_MAX_AGE: String(MAX_AGE),
    RESPONSE_CACHE_TTL_SECONDS: '600',
  });
});

afterAll(async () => {
  await app?.stop();
});

const get = (path: string) => request(app.http).get(path);

describe('cache headers', () => {
  it('mark anonymous reads public with an ETag, and answer 304, in every spelling Strapi routes', async () => {
    for (const [spelling, path] of routedSpellings('/api/projects?pagination[pageSize]=3')) {
      const res = await get(path);
      expect({ spelling, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ spelling, status: 200, cacheControl: `public, max-age=${MAX_AGE}` });
      const again = await get(path).set('If-None-Match', res.headers.etag);
      expect({ spelling, status: again.status }).toEqual({ spelling, status: 304 });
    }
  });

  it('never mark a refused query cacheable, whatever its spelling', async () => {
    for (const [spelling, path] of allSpellings(`/api/officials?${THREE_LEVELS}`)) {
      const res = await get(path);
      expect({ spelling, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ spelling, status: 400, cacheControl: undefined });
    }
  });

  it('mark reads with credentials private in every spelling', async () => {
    for (const [spelling, path] of routedSpellings('/api/projects')) {
      const res = await get(path).set('Authorization', 'Bearer not-a-token');
      expect({ spelling, cacheControl: res.headers['cache-control'] }).toEqual({ spelling, cacheControl: expect.not.stringMatching(/public/) });
    }
  });
});

describe('the response cache', () => {
  it('shares one entry among the spellings Strapi routes to one route', async () => {
    const first = await get('/api/officials?pagination[pageSize]=7').expect(200);
    expect(first.headers['x-response-cache']).toBe('miss');
    for (const [spelling, path] of routedSpellings('/api/officials?pagination[pageSize]=7').slice(1)) {
      const res = await get(path);
      expect({ spelling, status: res.status, cache: res.headers['x-response-cache'], same: res.text === first.text }).toEqual({ spelling, status: 200, cache: 'hit', same: true });
    }
  });

  it('never answers a spelling Strapi does not route from the cache', async () => {
    await get('/api/officials?pagination[pageSize]=8').expect(200);
    for (const path of ['/api/%6Ffficials?pagination[pageSize]=8', '/api//officials?pagination[pageSize]=8']) {
      const res = await get(path);
      expect({ path, status: res.status, cache: res.headers['x-response-cache'] }).toEqual({ path, status: 404, cache: undefined });
    }
  });

  it('never keeps a query the validator refuses, so it is refused again in the plain spelling', async () => {
    for (const [spelling, path] of allSpellings(`/api/officials?${THREE_LEVELS}`)) {
      const res = await get(path);
      expect({ spelling, status: res.status, cache: res.headers['x-response-cache'] }).toEqual({ spelling, status: 400, cache: undefined });
    }
    await get(`/api/officials?${THREE_LEVELS}`).expect(400);
  });
});

/** Sends `send` round-robin through the spellings until one is refused; returns how many were let through. */
async function requestsUntilLimited(paths: string[], send: (path: string) => request.Test, atMost: number): Promise<number> {
  for (let sent = 0; sent < atMost; sent += 1) {
    const res = await send(paths[sent % paths.length]);
    if (res.status === 429) return sent;
  }
  return atMost;
}

describe('rate limits', () => {
  it('count searches in every spelling against one limit, then refuse every spelling', async () => {
    const paths = allSpellings('/api/search?q=项目').map(([, path]) => path);
    // Counted per spelling, six spellings would let 6 × SEARCH_LIMIT through.
    expect(await requestsUntilLimited(paths, get, SEARCH_LIMIT * paths.length)).toBe(SEARCH_LIMIT);
    for (const path of paths) {
      const res = await get(path);
      expect({ path, status: res.status, retryAfter: Number(res.headers['retry-after']) > 0 }).toEqual({ path, status: 429, retryAfter: true });
    }
  });

  it('count the content API in every spelling, REST and GraphQL, against one limit', async () => {
    const paths = [...allSpellings('/api/projects'), ...allSpellings('/graphql')].map(([, path]) => path);
    const send = (path: string) => (path.toLowerCase().includes('graphql') || path.includes('%67') ? request(app.http).post(path).send({ query: '{ projects { name } }' }) : get(path));
    const letThrough = await requestsUntilLimited(paths, send, CONTENT_API_LIMIT + 1);
    expect(letThrough).toBeLessThanOrEqual(CONTENT_API_LIMIT);
    for (const path of paths) expect({ path, status: (await send(path)).status }).toEqual({ path, status: 429 });
    await request(app.http).get('/_health').expect(204);
  });

  it('count admin logins in every spelling against one limit', async () => {
    const paths = allSpellings('/admin/login').map(([, path]) => path);
    const login = (path: string) => request(app.http).post(path).send({ email: 'nobody@example.com', password: 'Wrong-pass-1' });
    expect(await requestsUntilLimited(paths, login, ADMIN_LOGIN_LIMIT * paths.length)).toBe(ADMIN_LOGIN_LIMIT);
    for (const path of [...paths, '/Admin/Login']) expect({ path, status: (await login(path)).status }).toEqual({ path, status: 429 });
  });
});
