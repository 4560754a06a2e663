import type { Core } from '@strapi/strapi';
import {
  ARTICLE_RELATIONS,
  ARTICLE_SPEC,
  PAGE_SPEC,
  type CurrentRecord,
  type FieldValue,
  type Fields,
  type ImportSnapshot,
  type StoredVersion,
  type TypeSpec,
} from '../plan/records';

/** documentIds of related documents by natural key, per related type uid. */
export type DocumentIndex = Map<string, Map<string, string>>;

export function indexDocument(index: DocumentIndex, uid: string, key: string, documentId: string): void {
  const byKey = index.get(uid) ?? new Map<string, string>();
  byKey.set(key, documentId);
  index.set(uid, byKey);
}

interface StoredRow {
  documentId: string;
  publishedAt: string | Date | null;
  importSnapshot?: ImportSnapshot | null;
  [field: string]: unknown;
}

interface StoredEntity extends StoredRow {
  name: string;
  importKey?: string | null;
}

/** An entity's natural key: what the importer called it, or its name if an editor created it. */
function entityKey(entity: StoredEntity): string {
  return entity.importKey || entity.name;
}

interface ComponentAttribute {
  type: 'component';
  component: string;
  repeatable?: boolean;
}

function componentFields(strapi: Core.Strapi, spec: TypeSpec): Record<string, ComponentAttribute> {
  const attributes = strapi.contentType(spec.uid).attributes as Record<string, { type: string }>;
  return Object.fromEntries(
    Object.keys(spec.fields)
      .filter((field) => attributes[field]?.type === 'component')
      .map((field) => [field, attributes[field] as unknown as ComponentAttribute]),
  );
}

/**
 * A stored component as the plain object the importer writes: its own attributes only (no
 * database id), decimals as numbers (PostgreSQL returns them as strings).
 */
function plainComponent(strapi: Core.Strapi, uid: string, row: Record<string, unknown>): FieldValue {
  const attributes = strapi.components[uid as keyof typeof strapi.components].attributes as Record<string, { type: string }>;
  return Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => {
      const value = (row[name] ?? null) as FieldValue;
      return [name, value !== null && (attribute.type === 'decimal' || attribute.type === 'float') ? Number(value) : value];
    }),
  );
}

/** Managed and create-only fields of one stored row, in the plain shape the plan compares. */
function versionOf(strapi: Core.Strapi, spec: TypeSpec, row: StoredRow, index: DocumentIndex): StoredVersion {
  const fields: Fields = {};
  for (const field of [...Object.keys(spec.fields), ...spec.createOnly]) fields[field] = (row[field] ?? null) as FieldValue;

  for (const [field, attribute] of Object.entries(componentFields(strapi, spec))) {
    const stored = row[field] as Record<string, unknown> | Array<Record<string, unknown>> | null | undefined;
    if (attribute.repeatable) fields[field] = ((stored ?? []) as Array<Record<string, unknown>>).map((item) => plainComponent(strapi, attribute.component, item));
    else fields[field] = stored ? plainComponent(strapi, attribute.component, stored as Record<string, unknown>) : null;
  }

  if (spec === ARTICLE_SPEC) {
    for (const [relation, related] of Object.entries(ARTICLE_RELATIONS)) {
      fields[relation] = ((row[relation] ?? []) as StoredEntity[]).map((entity) => {
        indexDocument(index, related.uid, entityKey(entity), entity.documentId);
        return entityKey(entity);
      });
    }
    const page = row.sourcePage as { documentId: string; fileName: string } | null | undefined;
    if (page) indexDocument(index, PAGE_SPEC.uid, page.fileName, page.documentId);
    fields.sourcePage = page?.fileName ?? null;
  }
  return { fields, snapshot: row.importSnapshot ?? null };
}

function populateFor(strapi: Core.Strapi, spec: TypeSpec): Record<string, unknown> {
  const populate: Record<string, unknown> = Object.fromEntries(Object.keys(componentFields(strapi, spec)).map((field) => [field, true]));
  if (spec === ARTICLE_SPEC) {
    const relationFields = { select: ['documentId', 'name', 'importKey'] };
    for (const relation of Object.keys(ARTICLE_RELATIONS)) populate[relation] = relationFields;
    populate.sourcePage = { select: ['documentId', 'fileName'] };
  }
  return populate;
}

/**
 * Both versions of each document: the draft is what editors edit and what the plan merges
 * into; the published version is merged separately so publishing never carries a pending edit.
 * Reads go through the query engine: the Document Service's parameter validation refuses the
 * private bookkeeping fields.
 */
async function readDocuments(
  strapi: Core.Strapi,
  spec: TypeSpec,
  drafts: StoredRow[],
  keyOf: (row: StoredRow) => string,
  index: DocumentIndex,
): Promise<Map<string, CurrentRecord>> {
  const published = new Map<string, StoredRow>();
  if (spec.draftAndPublish && drafts.length > 0) {
    const rows = (await strapi.db.query(spec.uid).findMany({
      where: { documentId: { $in: drafts.map((row) => row.documentId) }, publishedAt: { $notNull: true } },
      populate: populateFor(strapi, spec),
    })) as StoredRow[];
    for (const row of rows) published.set(row.documentId, row);
  }

  const records = new Map<string, CurrentRecord>();
  for (const draft of drafts) {
    const key = keyOf(draft);
    indexDocument(index, spec.uid, key, draft.documentId);
    const publishedRow = published.get(draft.documentId);
    records.set(key, {
      documentId: draft.documentId,
      key,
      ...versionOf(strapi, spec, draft, index),
      published: publishedRow ? versionOf(strapi, spec, publishedRow, index) : null,
    });
  }
  return records;
}

/** The editable version: the draft, or the only row of a type without Draft & Publish. */
function editableRows(spec: TypeSpec, where: Record<string, unknown>): Record<string, unknown> {
  return spec.draftAndPublish ? { ...where, publishedAt: null } : where;
}

/** The entities with these natural keys, found by import key first, then by name. */
export async function readEntities(
  strapi: Core.Strapi,
  spec: TypeSpec,
  keys: string[],
  index: DocumentIndex,
): Promise<Map<string, CurrentRecord>> {
  const found = new Map<string, StoredEntity>();
  if (keys.length > 0) {
    const query = strapi.db.query(spec.uid);
    const populate = populateFor(strapi, spec);
    const byImportKey = (await query.findMany({ where: editableRows(spec, { importKey: { $in: keys } }), populate })) as StoredEntity[];
    for (const doc of byImportKey) found.set(entityKey(doc), doc);
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length > 0) {
      const byName = (await query.findMany({ where: editableRows(spec, { name: { $in: missing } }), populate })) as StoredEntity[];
      for (const doc of byName) if (!found.has(doc.name)) found.set(doc.name, doc);
    }
  }
  const rows = [...found.entries()];
  const keyByDocument = new Map(rows.map(([key, doc]) => [doc.documentId, key]));
  return readDocuments(strapi, spec, rows.map(([, doc]) => doc), (row) => keyByDocument.get(row.documentId) as string, index);
}

export async function readArticles(strapi: Core.Strapi, keys: string[], index: DocumentIndex): Promise<Map<string, CurrentRecord>> {
  if (keys.length === 0) return new Map();
  const drafts = (await strapi.db.query(ARTICLE_SPEC.uid).findMany({
    where: editableRows(ARTICLE_SPEC, { sourceKey: { $in: keys } }),
    populate: populateFor(strapi, ARTICLE_SPEC),
  })) as StoredRow[];
  return readDocuments(strapi, ARTICLE_SPEC, drafts, (row) => row.sourceKey as string, index);
}

export async function readStoredPage(strapi: Core.Strapi, fileName: string, index: DocumentIndex): Promise<CurrentRecord | null> {
  const rows = (await strapi.db.query(PAGE_SPEC.uid).findMany({
    where: { fileName },
    populate: populateFor(strapi, PAGE_SPEC),
  })) as StoredRow[];
  const records = await readDocuments(strapi, PAGE_SPEC, rows, (row) => row.fileName as string, index);
  return records.get(fileName) ?? null;
}
