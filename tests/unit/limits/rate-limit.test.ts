import type { Core } from '@strapi/strapi';
import { canonicalPath } from '../../../src/limits/request-route';
import { createRateLimiters, rateLimitBucketsOf, rateLimitClient } from '../../../src/limits/rate-limit';

describe('rate limiters in memory (no Redis)', () => {
  const settings = { enabled: true, windowMs: 60_000, contentApi: 2, search: 1, adminLogin: 1 };

  it('allow the limit per client and bucket, then tell how long to wait', async () => {
    const limiters = createRateLimiters(settings);
    expect((await limiters.hit('content-api', 'a')).allowed).toBe(true);
    expect((await limiters.hit('content-api', 'a')).allowed).toBe(true);
    const refused = await limiters.hit('content-api', 'a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiters.hit('content-api', 'b')).allowed).toBe(true);
    expect((await limiters.hit('search', 'a')).allowed).toBe(true);
    expect((await limiters.hit('search', 'a')).allowed).toBe(false);
  });

  it('start afresh when the window ends', async () => {
    const limiters = createRateLimiters({ ...settings, windowMs: 1000 });
    expect((await limiters.hit('admin-login', 'a')).allowed).toBe(true);
    expect(await limiters.hit('admin-login', 'a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiters.hit('admin-login', 'a')).allowed).toBe(true);
  });
});

describe('the client a request is counted as', () => {
  it('is the IPv4 address, mapped or not', () => {
    expect(rateLimitClient('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitClient('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however it is written, so fresh addresses of one network count together', () => {
    const network = '2001:db8:85a3:42::/64';
    for (const address of ['2001:db8:85a3:42::1', '2001:0db8:85a3:0042:ffff:1:2:3', '2001:DB8:85A3:42:0:0:0:9', '2001:db8:85a3:42::1%eth0']) {
      expect(rateLimitClient(address)).toBe(network);
    }
    expect(rateLimitClient('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitClient('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitClient('2001:db8:85a3:43::1')).not.toBe(network);
  });
});

describe('rate-limit buckets', () => {
  const strapi = {
    config: {
      get: (name: string, fallback: unknown) => ({ 'api.rest.prefix': '/api', 'plugin::graphql.endpoint': '/graphql' })[name] ?? fallback,
    },
  } as unknown as Core.Strapi;
  const settings = { enabled: true, windowMs: 60_000, contentApi: 600, search: 120, adminLogin: 10 };
  const bucketsOf = (path: string, method = 'GET') => rateLimitBucketsOf(strapi, { path: canonicalPath(path), method }, settings);

  it('counts every spelling of a route in the same buckets', () => {
    for (const path of ['/api/search', '/API/Search/', '/api//search', '/api/%73earch']) {
      expect(bucketsOf(path)).toEqual([
        { name: 'content-api', limit: 600 },
        { name: 'search', limit: 120 },
      ]);
    }
    for (const path of ['/graphql', '/GraphQL', '/api/articles/'])
      expect(bucketsOf(path, 'POST')).toEqual([{ name: 'content-api', limit: 600 }]);
    for (const path of ['/admin/login', '/ADMIN/login', '/admin/login/', '/Admin/Login'])
      expect(bucketsOf(path, 'POST')).toEqual([{ name: 'admin-login', limit: 10 }]);
  });

  it('leaves other routes and health checks uncounted', () => {
    for (const path of ['/_health', '/admin/login', '/admin/init', '/content-manager/init']) expect(bucketsOf(path)).toEqual([]);
  });
});
