import type { Core } from '@strapi/strapi';
import { IMPORT_BOOKKEEPING_FIELDS } from '../middlewares/import-bookkeeping';

/**
 * List-view columns and bilingual field labels for the content manager. Applied once per type
 * (remembered in the core store), so an editor who rearranges the columns keeps their layout.
 */
interface ViewSpec {
  listColumns: string[];
  mainField: string;
  labels: Record<string, string>;
}

const VIEWS: Record<string, ViewSpec> = {
  'api::article.article': {
    mainField: 'title',
    listColumns: ['title', 'dateline', 'reporters', 'reviewStatus', 'titleGenerated', 'continuedOn'],
    labels: {
      title: 'Title 标题', subtitle: 'Subtitle 副题', titleGenerated: 'Title generated 标题为自动生成',
      outlet: 'Outlet 媒体', reporters: 'Reporters 记者', dateline: 'Dateline 电头日期',
      issueDate: 'Issue date 出版日期', page: 'Page 版次', continuedOn: 'Continued on 转版',
      body: 'Body 正文', figures: 'Figures 数据', source: 'Source 来源', sourceKey: 'Source key 导入键',
      reviewStatus: 'Review status 审核状态', officials: 'Officials 官员', projects: 'Projects 项目',
      researchPlatforms: 'Research platforms 科研平台',
    },
  },
  'api::official.official': {
    mainField: 'name',
    listColumns: ['name', 'titles', 'updatedAt'],
    labels: { name: 'Name 姓名', titles: 'Titles 职务', articles: 'Articles 文章' },
  },
  'api::project.project': {
    mainField: 'name',
    listColumns: ['name', 'stage', 'updatedAt'],
    labels: { name: 'Name 项目名称', stage: 'Stage 阶段', articles: 'Articles 文章' },
  },
  'api::research-platform.research-platform': {
    mainField: 'name',
    listColumns: ['name', 'kind', 'hostInstitution', 'nameGenerated'],
    labels: {
      name: 'Name 名称', nameGenerated: 'Name generated 名称为自动生成', kind: 'Kind 类别',
      hostInstitution: 'Host institution 依托单位', articles: 'Articles 文章',
    },
  },
};

const APPLIED_KEY = 'admin-views-applied';

export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  const applied = ((await store.get({ key: APPLIED_KEY })) as string[] | null) ?? [];
  const contentTypes = strapi.plugin('content-manager').service('content-types');

  for (const [uid, view] of Object.entries(VIEWS)) {
    if (applied.includes(uid)) continue;
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = Object.fromEntries(
      Object.entries(configuration.metadatas).map(([field, metadata]: [string, any]) => {
        const label = view.labels[field];
        if (!label) return [field, metadata];
        return [field, { ...metadata, edit: { ...metadata.edit, label }, list: { ...metadata.list, label } }];
      }),
    );
    await contentTypes.updateConfiguration(contentType, {
      settings: { ...configuration.settings, mainField: view.mainField, defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
      metadatas,
      layouts: { ...configuration.layouts, list: view.listColumns },
    });
    applied.push(uid);
  }
  await store.set({ key: APPLIED_KEY, value: applied });
}

/**
 * The importer's visible bookkeeping (`sourceKey`, `source`) is shown read-only in the edit view
 * on every start, whatever an editor arranged; writes are dropped by `global::import-bookkeeping`.
 */
export async function lockImportBookkeeping(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, fields] of Object.entries(IMPORT_BOOKKEEPING_FIELDS)) {
    if (uid === '*') continue;
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const locked = fields.filter((field) => configuration.metadatas[field]?.edit?.editable !== false);
    if (locked.length === 0) continue;
    const metadatas = { ...configuration.metadatas };
    for (const field of locked) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, editable: false } };
    await contentTypes.updateConfiguration(contentType, { settings: configuration.settings, metadatas, layouts: configuration.layouts });
  }
}
