import type { Core } from '@strapi/strapi';
import { IMPORT_BOOKKEEPING_FIELDS } from '../middlewares/import-bookkeeping';
import { COMPONENT_LABELS, CONTENT_TYPE_LABELS } from './labels';

/**
 * List-view columns and bilingual field labels for the content manager.
 *
 * Columns and the main field are applied once per type and layout revision (remembered in the
 * core store), so an editor who rearranges the columns keeps their layout until the type's
 * fields change. With them, each relation field shows its entries by their type's main field
 * (an official's articles by title): the content manager reads that from the relation field's own
 * metadata, which Strapi fills with the target's first text field (an article's kicker, mostly
 * empty, shown as "Untitled"). Labels are filled in on every start wherever a field still has Strapi's
 * default label (its name): fields added by a model change get theirs on databases set up
 * before, and a label an editor chose is never overwritten.
 */
interface ListView {
  /** Bump when the columns change, so databases laid out by an earlier revision get the new ones. */
  revision: number;
  mainField: string;
  columns: string[];
  /** The order the list opens in; the most recently changed first unless said otherwise. */
  sort?: { by: string; order: 'ASC' | 'DESC' };
}

interface ViewSpec {
  list?: ListView;
  labels: Record<string, string>;
}

const CONTENT_TYPE_VIEWS: Record<string, ViewSpec> = {
  'api::article.article': {
    // The menu's link opens it filtered to what needs review (src/admin/desk/article-list.tsx),
    // the least sure first; the draft/published status column is the content manager's own, the
    // doubtful items and review flags a column the admin adds; relation columns show how many are linked.
    list: {
      revision: 5,
      mainField: 'title',
      columns: ['title', 'issueDate', 'reviewStatus', 'confidence', 'officials', 'projects', 'researchPlatforms'],
      sort: { by: 'confidence', order: 'ASC' },
    },
    labels: CONTENT_TYPE_LABELS['api::article.article'],
  },
  'api::official.official': {
    list: { revision: 3, mainField: 'name', columns: ['name', 'updatedAt'] },
    labels: CONTENT_TYPE_LABELS['api::official.official'],
  },
  'api::project.project': {
    list: { revision: 2, mainField: 'name', columns: ['name', 'stage', 'updatedAt'] },
    labels: CONTENT_TYPE_LABELS['api::project.project'],
  },
  'api::research-platform.research-platform': {
    list: { revision: 2, mainField: 'name', columns: ['name', 'kind', 'hostInstitution', 'nameGenerated'] },
    labels: CONTENT_TYPE_LABELS['api::research-platform.research-platform'],
  },
  'api::page.page': {
    list: { revision: 2, mainField: 'fileName', columns: ['fileName', 'issueDate', 'page', 'unassigned'] },
    labels: CONTENT_TYPE_LABELS['api::page.page'],
  },
};

const COMPONENT_VIEWS: Record<string, ViewSpec> = Object.fromEntries(
  Object.entries(COMPONENT_LABELS).map(([uid, labels]): [string, ViewSpec] => [uid, { labels }]),
);

const APPLIED_KEY = 'admin-views-applied';

/** Column revisions applied per type; the first version of this store kept a list of types. */
type AppliedRevisions = Record<string, number>;

function appliedRevisions(stored: unknown): AppliedRevisions {
  if (Array.isArray(stored)) return Object.fromEntries(stored.map((uid: string) => [uid, 1]));
  return (stored as AppliedRevisions | null) ?? {};
}

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;

/** The metadatas with our labels on every field whose label is still its name. */
function labelled(metadatas: Metadatas, labels: Record<string, string>): { metadatas: Metadatas; changed: boolean } {
  let changed = false;
  const result: Metadatas = {};
  for (const [field, metadata] of Object.entries(metadatas)) {
    const label = labels[field];
    const isDefault = (text: unknown) => label !== undefined && (text === undefined || text === field);
    const edit = isDefault(metadata.edit?.label) ? { ...metadata.edit, label } : metadata.edit;
    const list = isDefault(metadata.list?.label) ? { ...metadata.list, label } : metadata.list;
    changed ||= edit !== metadata.edit || list !== metadata.list;
    result[field] = { ...metadata, edit, list };
  }
  return { metadatas: result, changed };
}

interface Model {
  attributes: Record<string, { type: string; target?: string }>;
}

/** Each relation field to one of our types shows its entries by that type's main field. */
function relationsByMainField(model: Model, metadatas: Metadatas): Metadatas {
  const result: Metadatas = { ...metadatas };
  for (const [field, attribute] of Object.entries(model.attributes)) {
    const mainField = attribute.type === 'relation' && attribute.target ? CONTENT_TYPE_VIEWS[attribute.target]?.list?.mainField : undefined;
    if (mainField && result[field]) result[field] = { ...result[field], edit: { ...result[field].edit, mainField } };
  }
  return result;
}

interface ConfigurationService {
  findConfiguration(model: unknown): Promise<{ settings: Record<string, unknown>; metadatas: Metadatas; layouts: Record<string, unknown> }>;
  updateConfiguration(model: unknown, configuration: unknown): Promise<unknown>;
}

export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  const applied = appliedRevisions(await store.get({ key: APPLIED_KEY }));
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types') as ConfigurationService & { findContentType(uid: string): Model };
  const components = contentManager.service('components') as ConfigurationService & { findComponent(uid: string): Model };

  const configure = async (service: ConfigurationService, model: Model, uid: string, view: ViewSpec) => {
    const configuration = await service.findConfiguration(model);
    const labels = labelled(configuration.metadatas, view.labels);
    const newLayout = view.list !== undefined && (applied[uid] ?? 0) < view.list.revision;
    if (!labels.changed && !newLayout) return;
    const metadatas = newLayout ? relationsByMainField(model, labels.metadatas) : labels.metadatas;
    const settings = newLayout
      ? {
          ...configuration.settings,
          mainField: view.list?.mainField,
          defaultSortBy: view.list?.sort?.by ?? 'updatedAt',
          defaultSortOrder: view.list?.sort?.order ?? 'DESC',
        }
      : configuration.settings;
    const layouts = newLayout ? { ...configuration.layouts, list: view.list?.columns } : configuration.layouts;
    await service.updateConfiguration(model, { settings, metadatas, layouts });
    if (newLayout) applied[uid] = view.list?.revision as number;
  };

  for (const [uid, view] of Object.entries(CONTENT_TYPE_VIEWS)) {
    await configure(contentTypes, contentTypes.findContentType(uid), uid, view);
  }
  for (const [uid, view] of Object.entries(COMPONENT_VIEWS)) {
    await configure(components, components.findComponent(uid), uid, view);
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
  await hidePrintedTextField(strapi);
}

/**
 * The Source component's fields are shown read-only: the component's own configuration decides
 * how its fields look, whatever the article's `source` field says. The text as printed is read in
 * the edit view's `Printed source 原文` panel, with line numbers and marks; as a form field it
 * would be a long box nobody may edit.
 */
const SOURCE_COMPONENT_EDIT: Record<string, { editable?: false; visible?: false }> = {
  fileName: { editable: false },
  sha256: { editable: false },
  firstLine: { editable: false },
  lastLine: { editable: false },
  rawText: { visible: false },
};

async function hidePrintedTextField(strapi: Core.Strapi): Promise<void> {
  const components = strapi.plugin('content-manager').service('components');
  const component = components.findComponent('article.source');
  const configuration = await components.findConfiguration(component);
  const pending = Object.entries(SOURCE_COMPONENT_EDIT).filter(([field, wanted]) =>
    Object.entries(wanted).some(([setting, value]) => configuration.metadatas[field]?.edit?.[setting] !== value),
  );
  if (pending.length === 0) return;
  const metadatas = { ...configuration.metadatas };
  for (const [field, wanted] of pending) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, ...wanted } };
  await components.updateConfiguration(component, { settings: configuration.settings, metadatas, layouts: configuration.layouts });
}
