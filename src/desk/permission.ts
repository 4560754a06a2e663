import type { Core } from '@strapi/strapi';

/** The RBAC action every desk route requires (Settings → Roles → Newsroom desk). */
export const DESK_ACTION = 'api::newsroom-desk.use';

/** Roles that work at the desk from the start; Authors only write and do not import or merge. */
const DESK_ROLE_CODES = ['strapi-super-admin', 'strapi-editor'];

/**
 * Registered in the register phase: the admin's bootstrap deletes stored permissions of actions
 * not registered by then, and grants Super Admin every registered action.
 */
export async function registerDeskAction(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      uid: 'newsroom-desk.use',
      section: 'settings',
      category: 'Newsroom desk 编辑台',
      displayName: 'Import pages, review, merge 导入、审核、合并',
    },
  ]);
}

/**
 * Grants the desk to Super Admin and Editor once, when neither has it yet; an admin who later
 * takes it away from Editors is not overruled on the next start, since the grant is remembered.
 */
export async function grantDeskAction(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if (await store.get({ key: 'desk-action-granted' })) return;
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: DESK_ROLE_CODES } } })) as Array<{ id: number }>;
  for (const role of roles) {
    const existing = await strapi.db.query('admin::permission').findOne({ where: { action: DESK_ACTION, role: role.id } });
    if (!existing) {
      await strapi.db.query('admin::permission').create({
        data: { action: DESK_ACTION, role: role.id, subject: null, properties: {}, conditions: [], actionParameters: {} },
      });
    }
  }
  await store.set({ key: 'desk-action-granted', value: true });
}
