import type { Core } from '@strapi/strapi';
import { guardBodyParser } from './bootstrap/body-parser';
import { hideEditorOnlyTypesFromGraphql } from './bootstrap/editor-only-types';
import { registerGraphqlGuards } from './bootstrap/graphql-guards';
import { grantPublicReadAccess } from './bootstrap/public-permissions';
import { applySignupSwitch } from './bootstrap/signup';
import { useSqliteWriteAheadLog } from './bootstrap/sqlite-journal';
import { createAdminFromEnv } from './bootstrap/admin-user';
import { configureAdminViews, lockImportBookkeeping } from './bootstrap/admin-views';
import { registerImportHooks, registerImporter, startup as startImporter } from './importer';
import { grantDeskAction, registerDeskAction } from './desk/permission';
import { registerDeskRoutes } from './desk/routes';
import { closePageReader } from './desk/page-reader';
import { registerBatchedFields } from './graphql/batched-fields';
import { registerRankingQuery } from './queries/graphql';
import { closeSharedRedis, registerSharedRedis } from './redis';
import { invalidateResponseCacheFor, registerResponseCache } from './response-cache';
import { registerSearchQuery } from './search/graphql';
import { fillEmptyIndex, syncImported } from './search/service';
import { registerSearchSync } from './search/sync';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before what counts or caches through it (rate limits, the response cache).
    registerSharedRedis(strapi);
    // First, so that its Document Service middleware is the outermost: it empties the cache after
    // the others (the search index's sync among them) have written.
    registerResponseCache(strapi);
    // Before the server instantiates its middlewares, which happens after register.
    guardBodyParser(strapi);
    registerGraphqlGuards(strapi);
    hideEditorOnlyTypesFromGraphql(strapi);
    registerImporter(strapi);
    // Before the admin's bootstrap, which drops stored permissions of actions it does not know.
    await registerDeskAction(strapi);
    registerBatchedFields(strapi);
    registerSearchSync(strapi);
    // The importer's own writes: the search index in each page's transaction, the cache after it.
    registerImportHooks(strapi, { published: syncImported, committed: invalidateResponseCacheFor });
    registerSearchQuery(strapi);
    registerRankingQuery(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await useSqliteWriteAheadLog(strapi);
    // Before anything reads content: the importer's migrations, lookup indexes and writer choice.
    await startImporter(strapi);
    await fillEmptyIndex(strapi);
    await grantPublicReadAccess(strapi);
    await applySignupSwitch(strapi);
    await createAdminFromEnv(strapi);
    await configureAdminViews(strapi);
    await lockImportBookkeeping(strapi);
    await grantDeskAction(strapi);
    registerDeskRoutes(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closePageReader(strapi);
    await closeSharedRedis(strapi);
  },
};
