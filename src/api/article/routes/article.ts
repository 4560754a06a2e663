import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../access/read-route-config';

export default factories.createCoreRouter('api::article.article', {
  config: readRouteConfig('api::article.article', {
    credits: true,
    figures: true,
    officials: { fields: ['documentId', 'name'], populate: { posts: true } },
    projects: { fields: ['documentId', 'name', 'stage'] },
    researchPlatforms: { fields: ['documentId', 'name', 'kind', 'hostInstitution', 'nameGenerated'] },
  }),
});
