import type { Core } from '@strapi/strapi';
import { configureAdminViews, lockImportBookkeeping } from './admin-views';
import { closePageReader } from './page-reader';
import { grantDeskAction, registerDeskAction } from './permission';
import { registerDeskRoutes } from './routes';

/**
 * The editors' desk: its RBAC action at register (the admin's bootstrap drops stored permissions
 * of actions it does not know by then), the content manager's views and the desk's routes at
 * bootstrap, its page reader thread closed at destroy.
 */
export const deskFeature = {
  name: 'desk',
  register: registerDeskAction,
  async bootstrap(strapi: Core.Strapi) {
    await configureAdminViews(strapi);
    await lockImportBookkeeping(strapi);
    await grantDeskAction(strapi);
    registerDeskRoutes(strapi);
  },
  destroy: closePageReader,
};
