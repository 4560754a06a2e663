import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../access/read-route-config';

export default factories.createCoreRouter('api::project.project', { config: readRouteConfig('api::project.project', { articles: { count: true } }) });
