import type { Core } from '@strapi/strapi';
import coBody from 'co-body';
import type { Limits } from '../../config/limits';
import { isGraphqlPath, requestPathOf } from '../limits/request-route';
import { fragmentProblem } from '../graphql/request-document';

/**
 * Checks done on /graphql before Apollo: the body size, and fragments that cannot be followed
 * (src/graphql/request-document.ts). strapi::body skips every spelling of the endpoint
 * (src/limits/body-parser.ts), so the JSON body is read here,
 * within its limit, and the plugin's own body parser finds it already parsed. Everything else about an operation (aliases, depth, cost,
 * tokens) is bounded inside Apollo (src/graphql/limits.ts). Answers in GraphQL's error
 * shape, which GraphQL clients expect.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { graphql } = strapi.config.get<Limits>('limits');

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (!isGraphqlPath(strapi, requestPathOf(ctx))) return next();

    const reject = (status: number, message: string) => {
      ctx.status = status;
      ctx.body = { errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'GRAPHQL_VALIDATION_FAILED' } }] };
    };
    if ((ctx.request.length ?? 0) > graphql.maxBodyBytes) {
      return reject(413, `GraphQL requests are limited to ${graphql.maxBodyBytes} bytes.`);
    }
    if (ctx.method === 'POST' && ctx.is('application/json')) {
      try {
        ctx.request.body = await coBody.json(ctx, { limit: graphql.maxBodyBytes });
      } catch (error) {
        const status = (error as { status?: number }).status ?? 400;
        return reject(status === 413 ? 413 : 400, status === 413 ? `GraphQL requests are limited to ${graphql.maxBodyBytes} bytes.` : 'The request body is not valid JSON.');
      }
    }
    const body = ctx.request.body as { query?: unknown } | undefined;
    const query = ctx.method === 'GET' ? ctx.query.query : body?.query;
    if (typeof query === 'string') {
      const problem = fragmentProblem(query, graphql.maxTokens);
      if (problem) return reject(400, problem);
    }
    return next();
  };
  return middleware;
};
