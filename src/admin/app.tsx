import type { StrapiApp } from '@strapi/strapi/admin';
import { Eye, Upload } from '@strapi/icons';
import { chineseOf, CONTENT_TYPE_LABELS, TYPE_DISPLAY_NAMES } from '../desk/labels';
import { DESK_PERMISSION } from './desk/api';
import { ARTICLE_LIST_MESSAGES, articleListFilters, articleReviewColumns, articlesFirstAwaitingReview } from './desk/article-list';
import strapiContentManagerZh from './translations/content-manager.zh-Hans.json';
import contentManagerAdditionsZh from './translations/content-manager-additions.zh-Hans.json';
import adminAdditionsZh from './translations/admin-additions.zh-Hans.json';
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
 * bilingual names.
 *
 * Strapi's own content manager stays English in zh-Hans: its zh-Hans file (5.54) has its keys
 * prefixed with `content-manager.` already, and the plugin prefixes them again when it registers
 * them, so none match ("Create new entry", "3 entries found", "Collection Types"…).
 * `translations/content-manager.zh-Hans.json` holds those keys as the plugin looks them up;
 * tests/unit/admin/chinese-translations.test.ts derives it from Strapi's file again and fails the
 * day Strapi changes or mends that file. `content-manager-additions.zh-Hans.json` is our Chinese
 * for the edit view's and list's strings Strapi has none for ("More actions", "Delete entry",
 * "Modified"…), `admin-additions.zh-Hans.json` for the home page's ("Hello", its widgets); below,
 * the few where Strapi's Chinese is not good enough.
 */
const STRAPI_FIELD_NAMES = { id: 'ID', documentId: '文档 ID', createdAt: '创建时间', updatedAt: '更新时间', publishedAt: '发布时间' };
const CHINESE_NAMES: Record<string, string> = {
  ...strapiContentManagerZh,
  ...contentManagerAdditionsZh,
  ...adminAdditionsZh,
  ...Object.fromEntries(TYPE_DISPLAY_NAMES.map((name) => [name, chineseOf(name)])),
  ...Object.fromEntries(
    Object.entries(CONTENT_TYPE_LABELS).flatMap(([uid, labels]) =>
      Object.entries({ ...labels, ...STRAPI_FIELD_NAMES }).map(([field, label]) => [
        `content-manager.content-types.${uid}.${field}`,
        chineseOf(label),
      ]),
    ),
  ),
  'content-manager.plugin.name': '内容管理',
  'content-manager.header.name': '内容管理',
  // Strapi's Chinese drops the count: "项目" instead of "13 项".
  'content-manager.containers.list.items': '{number} 项',
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
    translations: {
      en: {
        'newsroom-desk.import': 'Import pages 导入版面',
        'newsroom-desk.review': 'Review queue 审核队列',
        ...ARTICLE_LIST_MESSAGES.en,
      },
      'zh-Hans': {
        ...CHINESE_NAMES,
        'newsroom-desk.import': '导入版面',
        'newsroom-desk.review': '审核队列',
        ...ARTICLE_LIST_MESSAGES['zh-Hans'],
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
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', articleListFilters);
  },
};
