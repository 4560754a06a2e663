import type { Core } from '@strapi/strapi';
import { registerImportHooks } from '../importer';
import { fillEmptyIndex, syncImported } from './service';
import { registerSearchSync } from './sync';

/**
 * The search index: kept in step with Document Service writes and, inside each page's import
 * transaction, with what the importer published; built at bootstrap when it is empty.
 */
export const searchFeature = {
  name: 'search',
  register(strapi: Core.Strapi) {
    registerSearchSync(strapi);
    registerImportHooks(strapi, { published: syncImported });
  },
  bootstrap: fillEmptyIndex,
};
