import type { Core } from '@strapi/strapi';
import { registerGraphqlGuards } from './bootstrap/graphql-guards';
import { grantPublicReadAccess } from './bootstrap/public-permissions';
import { applySignupSwitch } from './bootstrap/signup';
import { createAdminFromEnv } from './bootstrap/admin-user';
import { configureAdminViews, lockImportBookkeeping } from './bootstrap/admin-views';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerGraphqlGuards(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicReadAccess(strapi);
    await applySignupSwitch(strapi);
    await createAdminFromEnv(strapi);
    await configureAdminViews(strapi);
    await lockImportBookkeeping(strapi);
  },
};
