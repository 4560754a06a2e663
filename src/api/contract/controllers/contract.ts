import type { Core } from '@strapi/strapi';
import { openApiDocument } from '../../../contract/openapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Record<string, unknown> | undefined;
  return {
    async openapi(ctx: Parameters<Core.MiddlewareHandler>[0]) {
      // Routes do not change while the app runs: generated once, on first request.
      document ??= openApiDocument(strapi);
      ctx.body = document;
    },
  };
};
