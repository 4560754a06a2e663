import type { Core } from '@strapi/strapi';
import { registerImportHooks } from '../importer';
import { invalidateResponseCacheFor, registerResponseCache } from '.';

/**
 * The cache of anonymous reads: its Document Service middleware (registered first of all, so it is
 * the outermost) and, for the importer's own writes, which the Document Service never sees, an
 * invalidation after each unit the importer commits, of the answers its published writes can change.
 */
export const responseCacheFeature = {
  name: 'response-cache',
  register(strapi: Core.Strapi) {
    registerResponseCache(strapi);
    registerImportHooks(strapi, { committed: invalidateResponseCacheFor });
  },
};
