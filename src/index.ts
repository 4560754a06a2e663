import type { Core } from '@strapi/strapi';
import { FEATURES } from './features';

/** Strapi's lifecycle: each feature in src/features.ts, in that order (destroy in reverse). */
export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    for (const feature of FEATURES) await feature.register?.(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    for (const feature of FEATURES) await feature.bootstrap?.(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    for (const feature of [...FEATURES].reverse()) await feature.destroy?.(strapi);
  },
};
