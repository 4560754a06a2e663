import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::research-platform.research-platform');
