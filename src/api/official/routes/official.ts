import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../access/read-route-config';

export default factories.createCoreRouter('api::official.official', {
  config: readRouteConfig('api::official.official', { posts: true, articles: { count: true } }),
});
