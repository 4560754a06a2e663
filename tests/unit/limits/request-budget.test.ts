import Koa from 'koa';
import request from 'supertest';
import { env } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import requestBudget from '../../../src/middlewares/request-budget';
import { graphqlLimits } from '../../../src/graphql/limits';
import limitsConfig from '../../../config/limits';

const BUDGET_MS = 100;

function appWithHandler(handlerMs: number) {
  const config: Record<string, unknown> = { 'api.rest.prefix': '/api', 'plugin::graphql.endpoint': '/graphql', 'limits.requestBudgetMs': BUDGET_MS };
  const strapi = { config: { get: (key: string, fallback?: unknown) => config[key] ?? fallback }, log: { debug: () => {} } } as unknown as Core.Strapi;
  const app = new Koa();
  app.use(requestBudget(undefined, { strapi }) as unknown as Koa.Middleware);
  app.use(async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, handlerMs));
    ctx.body = { data: 'late' };
  });
  return app.callback();
}

describe('request time budget', () => {
  it('answers 503 with a Strapi error once a content-API request outlives its budget', async () => {
    const started = Date.now();
    const res = await request(appWithHandler(BUDGET_MS * 5)).get('/api/articles');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: expect.stringMatching(/time budget of 100 ms/), details: {} },
    });
    expect(Date.now() - started).toBeLessThan(BUDGET_MS * 4);
  });

  it('lets requests inside the budget, and routes outside the content API, through untouched', async () => {
    await request(appWithHandler(5)).get('/api/articles').expect(200, { data: 'late' });
    await request(appWithHandler(BUDGET_MS * 2)).get('/admin/init').expect(200, { data: 'late' });
  });

  it('stops GraphQL resolvers once the deadline has passed', async () => {
    const { plugins } = graphqlLimits({ limits: limitsConfig({ env }), defaultLimit: 25, maxLimit: 100 });
    const limits = plugins[plugins.length - 1];
    const listener = await limits.requestDidStart!({} as any);
    const execution = await listener!.executionDidStart!({ contextValue: { state: { deadline: Date.now() - 1 } } } as any);
    expect(() => (execution as { willResolveField: () => void }).willResolveField()).toThrow(/time budget/);
    const inTime = await listener!.executionDidStart!({ contextValue: { state: { deadline: Date.now() + 60_000 } } } as any);
    expect(() => (inTime as { willResolveField: () => void }).willResolveField()).not.toThrow();
  });
});
