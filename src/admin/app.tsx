import type { StrapiApp } from '@strapi/strapi/admin';

/** Editors can switch the admin interface to Simplified Chinese in their profile. */
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap(_app: StrapiApp) {},
};
