import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Limits } from '../../config/limits';
import { isRestPath, requestPathOf } from '../limits/request-route';

/**
 * Lets a CDN or browser cache anonymous REST reads: `Cache-Control: public, max-age=…` and an
 * ETag of the body, answered with 304 when the client already has it. Responses to a request
 * with credentials (an API token reading drafts, a signed-in reader) are `private, no-store`, so
 * no shared cache ever keeps a preview. Publishing shows within max-age; purge sooner with a
 * webhook (README, "Caching").
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxAge = strapi.config.get<Limits>('limits').publicCacheMaxAgeSeconds;

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    const reading = ctx.method === 'GET' || ctx.method === 'HEAD';
    if (!reading || !isRestPath(strapi, requestPathOf(ctx))) return next();
    await next();
    if (ctx.status !== 200 || ctx.body === undefined || ctx.body === null) return;

    if (ctx.get('Authorization') || maxAge <= 0) {
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    const body = typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body) ? ctx.body : JSON.stringify(ctx.body);
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) return; // a stream: nothing to hash
    // The JSON just hashed is what Koa sends, so it is not serialised a second time.
    if (body !== ctx.body) {
      ctx.body = body;
      ctx.type = 'application/json';
    }
    ctx.set('Cache-Control', `public, max-age=${maxAge}`);
    ctx.set('ETag', `W/"${createHash('sha1').update(body).digest('base64url')}"`);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
  return middleware;
};
