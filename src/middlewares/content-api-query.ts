import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Limits } from '../../config/limits';
import { contentApiRouteOf, isContentApiPath, requestPathOf } from '../limits/request-route';
import { createQueryValidator, isPlausibleDocumentId } from '../limits/query-schema';

/**
 * First stop of every content-API request: the length of the query string, then the query and the
 * path id of core REST routes against the content type (src/limits/query-schema.ts), before any
 * controller or database sees them. Runs for every client, API
 * tokens included: a malformed query is malformed whoever sends it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const limits = strapi.config.get<Limits>('limits');
  const validator = createQueryValidator(strapi, limits);

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const path = requestPathOf(ctx);
    if (!isContentApiPath(strapi, path)) return next();

    if (ctx.querystring.length > limits.maxQueryStringLength) {
      throw new errors.ValidationError(`The query string is too long: at most ${limits.maxQueryStringLength} characters.`);
    }
    const route = contentApiRouteOf(strapi, path);
    if (route) {
      if (route.documentId !== undefined && !isPlausibleDocumentId(route.documentId)) {
        throw new errors.ValidationError('Invalid document id: expected the documentId of an entry (letters and digits).', {
          source: 'path',
          param: 'id',
        });
      }
      await validator.validate(route.uid, ctx.query as Record<string, unknown>);
    }
    return next();
  };
  return middleware;
};
