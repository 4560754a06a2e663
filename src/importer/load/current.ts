import type { Core } from '@strapi/strapi';
import { ARTICLE_RELATIONS, ARTICLE_SPEC, type CurrentRecord, type Fields, type ImportSnapshot, type TypeSpec } from '../plan/records';

/** documentIds of related documents by natural key, per related type uid. */
export type DocumentIndex = Map<string, Map<string, string>>;

export function indexDocument(index: DocumentIndex, uid: string, key: string, documentId: string): void {
  const byKey = index.get(uid) ?? new Map<string, string>();
  byKey.set(key, documentId);
  index.set(uid, byKey);
}

interface StoredEntity {
  documentId: string;
  name: string;
  importKey?: string | null;
  importSnapshot?: ImportSnapshot | null;
  [field: string]: unknown;
}

/** An entity's natural key: what the importer called it, or its name if an editor created it. */
function entityKey(entity: StoredEntity): string {
  return entity.importKey || entity.name;
}

async function publishedIds(strapi: Core.Strapi, uid: TypeSpec['uid'], documentIds: string[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const published = await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    select: ['documentId'],
  });
  return new Set(published.map((doc: { documentId: string }) => doc.documentId));
}

function pickFields(spec: TypeSpec, doc: Record<string, unknown>): Fields {
  return Object.fromEntries(Object.keys(spec.fields).map((field) => [field, (doc[field] ?? null) as Fields[string]]));
}

/**
 * The draft versions (the rows editors edit) of the entities with these natural keys, by import
 * key first, then by name. Reads go through the query engine: the Document Service's parameter
 * validation refuses the private `importKey`.
 */
export async function readEntities(
  strapi: Core.Strapi,
  spec: TypeSpec,
  keys: string[],
  index: DocumentIndex,
): Promise<Map<string, CurrentRecord>> {
  const found = new Map<string, StoredEntity>();
  if (keys.length > 0) {
    const drafts = strapi.db.query(spec.uid);
    const byImportKey = (await drafts.findMany({ where: { importKey: { $in: keys }, publishedAt: null } })) as StoredEntity[];
    for (const doc of byImportKey) found.set(entityKey(doc), doc);
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length > 0) {
      const byName = (await drafts.findMany({ where: { name: { $in: missing }, publishedAt: null } })) as StoredEntity[];
      for (const doc of byName) if (!found.has(doc.name)) found.set(doc.name, doc);
    }
  }

  const published = await publishedIds(strapi, spec.uid, [...found.values()].map((doc) => doc.documentId));
  const records = new Map<string, CurrentRecord>();
  for (const [key, doc] of found) {
    indexDocument(index, spec.uid, key, doc.documentId);
    records.set(key, {
      documentId: doc.documentId,
      key,
      fields: pickFields(spec, doc),
      snapshot: doc.importSnapshot ?? null,
      published: published.has(doc.documentId),
    });
  }
  return records;
}

interface StoredArticle {
  documentId: string;
  sourceKey: string;
  importSnapshot?: ImportSnapshot | null;
  figures?: Array<{ label: string; value: number | string; unit: string | null }>;
  source?: { fileName: string; sha256: string; firstLine: number; lastLine: number; rawText: string | null } | null;
  [field: string]: unknown;
}

/** Components and relations in the same plain shape the importer writes them in. */
function articleFields(doc: StoredArticle, index: DocumentIndex): Fields {
  const fields = pickFields(ARTICLE_SPEC, doc);
  fields.figures = (doc.figures ?? []).map(({ label, value, unit }) => ({ label, value: Number(value), unit }));
  fields.source = doc.source
    ? {
        fileName: doc.source.fileName, sha256: doc.source.sha256, firstLine: doc.source.firstLine,
        lastLine: doc.source.lastLine, rawText: doc.source.rawText,
      }
    : null;
  for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS)) {
    const related = (doc[relation] ?? []) as StoredEntity[];
    fields[relation] = related.map((entity) => {
      indexDocument(index, spec.uid, entityKey(entity), entity.documentId);
      return entityKey(entity);
    });
  }
  return fields;
}

export async function readArticles(
  strapi: Core.Strapi,
  keys: string[],
  index: DocumentIndex,
): Promise<Map<string, CurrentRecord>> {
  if (keys.length === 0) return new Map();
  const relationFields = { select: ['documentId', 'name', 'importKey'] };
  const docs = (await strapi.db.query(ARTICLE_SPEC.uid).findMany({
    where: { sourceKey: { $in: keys }, publishedAt: null },
    populate: {
      figures: true,
      source: true,
      officials: relationFields,
      projects: relationFields,
      researchPlatforms: relationFields,
    },
  })) as StoredArticle[];

  const published = await publishedIds(strapi, ARTICLE_SPEC.uid, docs.map((doc) => doc.documentId));
  return new Map(
    docs.map((doc) => [
      doc.sourceKey,
      {
        documentId: doc.documentId,
        key: doc.sourceKey,
        fields: articleFields(doc, index),
        snapshot: doc.importSnapshot ?? null,
        published: published.has(doc.documentId),
      },
    ]),
  );
}
