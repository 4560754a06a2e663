import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../access/read-route-config';

export default factories.createCoreRouter('api::research-platform.research-platform', { config: readRouteConfig('api::research-platform.research-platform', { articles: { count: true } }) });
