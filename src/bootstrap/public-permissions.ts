import type { Core } from '@strapi/strapi';
import { NEWSROOM_UIDS } from '../content-types';

const PUBLIC_READ_ACTIONS = ['find', 'findOne'] as const;

/**
 * Lets anonymous readers `find` and `findOne` the newsroom types and nothing else.
 * Runs on every start and only adds what is missing, so an admin's extra grants survive.
 */
export async function grantPublicReadAccess(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) {
    throw new Error('users-permissions public role is missing: is the plugin installed?');
  }

  const wanted = NEWSROOM_UIDS.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`));
  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: publicRole.id, action: { $in: wanted } },
  });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));

  for (const action of wanted.filter((candidate) => !granted.has(candidate))) {
    await strapi.db.query('plugin::users-permissions.permission').create({
      data: { action, role: publicRole.id },
    });
  }
}
