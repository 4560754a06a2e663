import { guardBodyParser } from './body-parser';

/**
 * The request limits that hook into Strapi: the body parser's, before the server instantiates its
 * middlewares. The rest are middlewares (config/middlewares.ts) and route config.
 */
export const limitsFeature = {
  name: 'limits',
  register: guardBodyParser,
};
