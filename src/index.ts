import type { Core } from '@strapi/strapi';
import { hideEditorOnlyTypesFromGraphql } from './bootstrap/editor-only-types';
import { registerGraphqlGuards } from './bootstrap/graphql-guards';
import { grantPublicReadAccess } from './bootstrap/public-permissions';
import { createAdminFromEnv } from './bootstrap/admin-user';
import { configureAdminViews } from './bootstrap/admin-views';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerGraphqlGuards(strapi);
    hideEditorOnlyTypesFromGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicReadAccess(strapi);
    await createAdminFromEnv(strapi);
    await configureAdminViews(strapi);
  },
};
