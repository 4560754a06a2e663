import type { Core } from '@strapi/strapi';
import { registerImportHooks } from '../importer';
import { fillEmptyIndex, syncImported } from './service';
import { registerArticleListSearch } from './list-search';
import { registerSearchSync } from './sync';

/**
 * The search index: kept in step with Document Service writes and, inside each page's import
 * transaction, with what the importer published; built at bootstrap when it is empty; read by
 * the article list's search.
 */
export const searchFeature = {
  name: 'search',
  register(strapi: Core.Strapi) {
    registerSearchSync(strapi);
    registerArticleListSearch(strapi);
    registerImportHooks(strapi, { published: syncImported });
  },
  bootstrap: fillEmptyIndex,
};
