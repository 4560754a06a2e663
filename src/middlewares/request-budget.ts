import type { Core } from '@strapi/strapi';
import { setDeadline, timeBudgetMessage } from '../limits/deadline';
import { isContentApiPath, requestPathOf } from '../limits/request-route';

/**
 * Wall-clock budget for content-API requests (REST under the API prefix, and /graphql). Node
 * cannot preempt a running request, so the request limits bound the work first; this answers
 * 503 once the budget is spent, so a client never waits on a request that is stuck behind a
 * slow query, and GraphQL stops resolving further fields (src/graphql/limits.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!isContentApiPath(strapi, requestPathOf(ctx))) return next();

    const budgetMs = strapi.config.get<number>('limits.requestBudgetMs');
    const deadline = setDeadline(ctx.state, budgetMs);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), Math.max(deadline - Date.now(), 0));
    });
    const handled = next().then(() => 'done' as const);
    try {
      if ((await Promise.race([handled, expired])) === 'done') return;
    } finally {
      clearTimeout(timer);
    }

    // The handler goes on until its current query returns; whatever it produces then is dropped.
    handled.catch((error: unknown) => strapi.log.debug(`Request past its time budget failed afterwards: ${String(error)}`));
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.body = {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: timeBudgetMessage(budgetMs), details: {} },
    };
  };
  return middleware;
};
