import type { StrapiApp } from '@strapi/strapi/admin';
import { Eye, Upload } from '@strapi/icons';
import { DESK_PERMISSION } from './desk/api';
import { articleReviewColumns, articlesFirstAwaitingReview, REVIEW_STATUS_LABELS, reviewFlagFilter } from './desk/article-list';
import { PrintedSourcePanel } from './desk/PrintedSourcePanel';
import { AliasesPanel } from './desk/AliasesPanel';
import {
  BulkMarkReviewedAction,
  BulkMarkReviewedAndPublishAction,
  DeleteArticleAction,
  MarkReviewedAction,
  MarkReviewedAndPublishAction,
  MergeIntoAction,
} from './desk/actions';

/**
 * Strapi's developer guided tour keeps its state in the browser; an editor's browser that has
 * none starts with the tour off (an admin can still start it from the home page).
 */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
function turnOffGuidedTourForNewBrowsers(): void {
  if (window.localStorage.getItem(GUIDED_TOUR_KEY) === null) {
    window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false, hidden: true, completedActions: [] }));
  }
}

/** Editors can switch the admin interface to Simplified Chinese in their profile. */
export default {
  config: {
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
    // The review statuses are also the ids the content manager's filter translates its options by.
    translations: {
      en: {
        'newsroom-desk.import': 'Import pages 导入版面',
        'newsroom-desk.review': 'Review queue 审核队列',
        'newsroom-desk.doubts': 'Doubtful · flags 存疑 · 待核',
        ...REVIEW_STATUS_LABELS,
      },
      'zh-Hans': {
        'newsroom-desk.import': '导入版面',
        'newsroom-desk.review': '审核队列',
        'newsroom-desk.doubts': '存疑 · 待核',
        needs_review: '待审核',
        reviewed: '已审核',
      },
    },
  },
  register(app: StrapiApp) {
    turnOffGuidedTourForNewBrowsers();
    app.addMenuLink({
      to: 'newsroom-desk/review',
      icon: Eye,
      intlLabel: { id: 'newsroom-desk.review', defaultMessage: 'Review queue 审核队列' },
      permissions: [{ action: DESK_PERMISSION, subject: null }],
      Component: () => import('./desk/ReviewQueuePage'),
    });
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
    contentManager.addDocumentAction([MarkReviewedAction, MarkReviewedAndPublishAction, MergeIntoAction, DeleteArticleAction]);
    contentManager.addBulkAction([BulkMarkReviewedAction, BulkMarkReviewedAndPublishAction]);
    app.registerHook('Admin/CM/pages/App/mutate-collection-types-links', articlesFirstAwaitingReview);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', articleReviewColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', reviewFlagFilter);
  },
};
