import type { StrapiApp } from '@strapi/strapi/admin';
import { Eye, Upload } from '@strapi/icons';
import { chineseOf, CONTENT_TYPE_LABELS, TYPE_DISPLAY_NAMES } from '../desk/labels';
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

/**
 * Strapi's banner announcing its new Media Library is for developers; editors' browsers start with
 * it dismissed (both of its messages). Strapi keys its dismissal by the project's uuid, which
 * package.json sets to false (no telemetry), hence the `:false` suffix.
 */
const MEDIA_LIBRARY_BANNER_KEYS = [true, false].map((legacy) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:false`);
function dismissMediaLibraryBannerForNewBrowsers(): void {
  for (const key of MEDIA_LIBRARY_BANNER_KEYS) if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, 'true');
}

/**
 * The content manager translates a type by its display name and a list column by
 * `content-manager.content-types.<uid>.<field>`: in Simplified Chinese, the Chinese half of our
 * bilingual names; and the few strings of Strapi's own that its zh-Hans translation lacks where
 * editors look.
 */
const CHINESE_NAMES: Record<string, string> = {
  ...Object.fromEntries(TYPE_DISPLAY_NAMES.map((name) => [name, chineseOf(name)])),
  ...Object.fromEntries(
    Object.entries(CONTENT_TYPE_LABELS).flatMap(([uid, labels]) =>
      Object.entries(labels).map(([field, label]) => [`content-manager.content-types.${uid}.${field}`, chineseOf(label)]),
    ),
  ),
  'content-manager.plugin.name': '内容管理',
  'content-manager.containers.list.table-headers.status': '状态',
  'search.placeholder': '搜索',
  User: '用户',
};

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
        ...CHINESE_NAMES,
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
    dismissMediaLibraryBannerForNewBrowsers();
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
