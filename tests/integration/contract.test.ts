import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { APP_ROOT, startTestApp, type TestApp } from '../helpers/strapi';
import { CONTRACT_FILES } from '../../src/contract/files';
import { servedSchemaText } from '../../src/contract/served-schema';

/** The committed contract is what the app serves; after an API change, `npm run contract:write`. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

const committed = (file: string) => readFileSync(path.join(APP_ROOT, file), 'utf8');
const HINT = 'the committed contract differs from what the app serves: run `npm run contract:write` and commit docs/';

describe('contract', () => {
  it('GET /api/openapi.json serves the committed OpenAPI description, search included', async () => {
    const res = await request(app.http).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body)).not.toEqual(expect.arrayContaining(['x-strapi-version']));
    expect(Object.keys(res.body)).not.toEqual(expect.arrayContaining(['x-powered-by']));
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/articles', '/articles/{id}', '/search', '/official-rankings']));
    const drift = JSON.stringify(res.body) !== JSON.stringify(JSON.parse(committed(CONTRACT_FILES.openapi)));
    expect(drift ? HINT : 'in step').toBe('in step');
  });

  it('the served GraphQL schema is the committed one', () => {
    const served = servedSchemaText();
    expect(served).toContain('search(pagination: PaginationArg, q: String!): SearchResult!');
    expect(served === committed(CONTRACT_FILES.graphql) ? 'in step' : HINT).toBe('in step');
  });
});
