import type { Core } from '@strapi/strapi';

/**
 * Applies PUBLIC_SIGNUP (config/access.ts) to users-permissions' "allow registration" setting on
 * every start, so the environment, not a toggle someone once clicked in the admin, decides whether
 * anyone may create an account through REST or GraphQL.
 */
export async function applySignupSwitch(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const allowRegister = strapi.config.get<boolean>('access.publicSignup', false);
  if (advanced.allow_register === allowRegister) return;
  await store.set({ key: 'advanced', value: { ...advanced, allow_register: allowRegister } });
}
