import type { Core } from '@strapi/strapi';
import { NEWSROOM_UIDS } from '../content-types';

const READ_ACTIONS = ['find', 'findOne'] as const;

/**
 * Lets anonymous readers, and readers signed in through users-permissions, `find` and `findOne`
 * the newsroom types and nothing else, so a frontend with logged-in readers keeps working.
 * Runs on every start and only adds what is missing, so an admin's extra grants survive.
 */
export async function grantPublicReadAccess(strapi: Core.Strapi): Promise<void> {
  for (const type of ['public', 'authenticated']) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    if (!role) throw new Error(`users-permissions ${type} role is missing: is the plugin installed?`);

    const wanted = NEWSROOM_UIDS.flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`));
    const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { role: role.id, action: { $in: wanted } },
    });
    const granted = new Set(existing.map((permission: { action: string }) => permission.action));
    for (const action of wanted.filter((candidate) => !granted.has(candidate))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}
