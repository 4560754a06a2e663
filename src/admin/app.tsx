import type { StrapiApp } from '@strapi/strapi/admin';
import { Upload } from '@strapi/icons';
import { DESK_PERMISSION } from './desk/api';
import { PrintedSourcePanel } from './desk/PrintedSourcePanel';
import { AliasesPanel } from './desk/AliasesPanel';
import { BulkMarkReviewedAction, MarkReviewedAction, MarkReviewedAndPublishAction, MergeIntoAction } from './desk/actions';

/** Editors can switch the admin interface to Simplified Chinese in their profile. */
export default {
  config: {
    locales: ['zh-Hans'],
  },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'newsroom-desk/import',
      icon: Upload,
      intlLabel: { id: 'newsroom-desk.import', defaultMessage: 'Import pages 导入版面' },
      permissions: [{ action: DESK_PERMISSION, subject: null }],
      Component: () => import('./desk/ImportPage'),
    });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel(panels: unknown[]): void;
      addDocumentAction(actions: unknown[]): void;
      addBulkAction(actions: unknown[]): void;
    };
    contentManager.addEditViewSidePanel([PrintedSourcePanel, AliasesPanel]);
    contentManager.addDocumentAction([MarkReviewedAction, MarkReviewedAndPublishAction, MergeIntoAction]);
    contentManager.addBulkAction([BulkMarkReviewedAction]);
  },
};
