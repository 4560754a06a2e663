import type { Core } from '@strapi/strapi';
import { createAdminFromEnv } from './admin-user';
import { grantPublicReadAccess } from './public-permissions';
import { applySignupSwitch } from './signup';

/** Who may do what, set on every start: anonymous read access, the sign-up switch, the first admin. */
export const accessFeature = {
  name: 'access',
  async bootstrap(strapi: Core.Strapi) {
    await grantPublicReadAccess(strapi);
    await applySignupSwitch(strapi);
    await createAdminFromEnv(strapi);
  },
};
