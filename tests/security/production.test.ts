import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { startOnArchive } from './archive';

/**
 * The two switches an operator flips: NODE_ENV=production (no GraphQL landing page, no
 * introspection, no stack traces, no schema suggestions) and PUBLIC_SIGNUP=true. One boot with
 * both; the defaults are covered by probes.test.ts and tests/unit/config.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startOnArchive({ NODE_ENV: 'production', PUBLIC_SIGNUP: 'true' });
});

afterAll(async () => {
  await app?.stop();
});

const graphql = (query: string) => request(app.http).post('/graphql').send({ query });

describe('NODE_ENV=production', () => {
  it('serves no GraphQL landing page to a browser', async () => {
    const res = await request(app.http).get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expect(res.text).not.toMatch(/<html/i);
  });

  it('refuses introspection', async () => {
    const res = await graphql('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/introspection/i);
  });

  it('answers a mistyped field without suggesting the real names, and without a stack trace', async () => {
    const res = await graphql('{ articlez { title } }');
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/did you mean/i);
    expect(text).not.toMatch(/stacktrace/i);
  });

  it('keeps the limits and their messages', async () => {
    const res = await graphql('{ articles { ...A } } fragment A on Article { title ...A }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/fragment/i);
  });
});

describe('PUBLIC_SIGNUP=true', () => {
  it('lets readers register through REST and GraphQL, as Authenticated readers of published content', async () => {
    const rest = await request(app.http)
      .post('/api/auth/local/register')
      .send({ username: 'newreader', email: 'newreader@example.org', password: 'Reader-Pass-1' })
      .expect(200);
    expect(rest.body.jwt).toBeTruthy();
    const articles = await request(app.http).get('/api/articles').set('Authorization', `Bearer ${rest.body.jwt}`).expect(200);
    expect(articles.body.data.length).toBeGreaterThan(0);

    const mutation = await graphql('mutation { register(input: { username: "gqlreader", email: "gqlreader@example.org", password: "Reader-Pass-1" }) { jwt } }');
    expect(mutation.body.errors).toBeUndefined();
    expect(mutation.body.data.register.jwt).toBeTruthy();
  });
});
