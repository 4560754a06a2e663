import type { Core } from '@strapi/strapi';
import { canonicalPath } from '../../../src/limits/request-route';
import { createWindowCounter, rateLimitBucketsOf } from '../../../src/limits/rate-limit';

describe('window counter', () => {
  it('allows the limit per client and bucket, then tells how long to wait', () => {
    const counter = createWindowCounter(60_000);
    const t = 1_000_000;
    expect(counter.hit('api\u0000a', 2, t).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 2, t + 1).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 2, t + 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(counter.hit('api\u0000b', 2, t + 30_000).allowed).toBe(true);
    expect(counter.hit('search\u0000a', 2, t + 30_000).allowed).toBe(true);
  });

  it('starts afresh when the window ends', () => {
    const counter = createWindowCounter(1_000);
    expect(counter.hit('api\u0000a', 1, 5_000).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 1, 5_500).allowed).toBe(false);
    expect(counter.hit('api\u0000a', 1, 6_000).allowed).toBe(true);
  });

  it('holds a bounded number of counters, dropping the least recently used, so new clients always count on their own', () => {
    const counter = createWindowCounter(60_000, 3);
    counter.hit('api\u0000reader', 2, 1_000);
    // A flood of one-off addresses fills the table…
    for (const client of ['a', 'b', 'c', 'd', 'e']) counter.hit(`api\u0000flood-${client}`, 2, 1_000);
    expect(counter.size()).toBe(3);
    // …yet a new client is not at its limit, however many came before it.
    expect(counter.hit('api\u0000newcomer', 2, 1_000).allowed).toBe(true);
    expect(counter.hit('api\u0000newcomer', 2, 1_000).allowed).toBe(true);
    expect(counter.hit('api\u0000newcomer', 2, 1_000).allowed).toBe(false);
  });

  it('keeps the counters in use and drops the idle ones first', () => {
    const counter = createWindowCounter(60_000, 2);
    counter.hit('api\u0000busy', 2, 1_000);
    counter.hit('api\u0000idle', 2, 1_000);
    counter.hit('api\u0000busy', 2, 1_000);
    counter.hit('api\u0000other', 2, 1_000); // drops idle, not busy
    expect(counter.hit('api\u0000busy', 2, 1_000).allowed).toBe(false);
    expect(counter.hit('api\u0000idle', 2, 1_000).allowed).toBe(true);
  });
});

describe('rate-limit buckets', () => {
  const strapi = { config: { get: (name: string, fallback: unknown) => ({ 'api.rest.prefix': '/api', 'plugin::graphql.endpoint': '/graphql' })[name] ?? fallback } } as unknown as Core.Strapi;
  const settings = { enabled: true, windowMs: 60_000, contentApi: 600, search: 120, adminLogin: 10 };
  const bucketsOf = (path: string, method = 'GET') => rateLimitBucketsOf(strapi, { path: canonicalPath(path), method, client: '203.0.113.7' }, settings);

  it('counts every spelling of a route in the same buckets, per client', () => {
    for (const path of ['/api/search', '/API/Search/', '/api//search', '/api/%73earch']) {
      expect(bucketsOf(path)).toEqual([{ key: 'content-api\u0000203.0.113.7', limit: 600 }, { key: 'search\u0000203.0.113.7', limit: 120 }]);
    }
    for (const path of ['/graphql', '/GraphQL', '/api/articles/']) expect(bucketsOf(path, 'POST')).toEqual([{ key: 'content-api\u0000203.0.113.7', limit: 600 }]);
    for (const path of ['/admin/login', '/ADMIN/login', '/admin/login/', '/Admin/Login']) expect(bucketsOf(path, 'POST')).toEqual([{ key: 'admin-login\u0000203.0.113.7', limit: 10 }]);
  });

  it('leaves other routes and health checks uncounted', () => {
    for (const path of ['/_health', '/admin/login', '/admin/init', '/content-manager/init']) expect(bucketsOf(path)).toEqual([]);
  });
});
