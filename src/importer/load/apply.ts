import type { Core } from '@strapi/strapi';
import type { NewsroomUid } from '../../content-types';
import type { PlanEntry } from '../plan/plan';
import { ARTICLE_RELATIONS, PAGE_SPEC, type Fields, type ImportSnapshot } from '../plan/records';
import { indexDocument, type DocumentIndex } from './current';

/**
 * The only code that writes imported documents. Entries arrive page first, then entities, then
 * articles, so by the time a document links to another, that one has a documentId in the index
 * and, when publishing, is published already: a published article keeps only the relations to
 * published entities.
 */
export async function applyPlan(
  strapi: Core.Strapi,
  entries: PlanEntry[],
  index: DocumentIndex,
  options: { publish: boolean },
): Promise<void> {
  for (const entry of entries) {
    const publishing = options.publish && entry.spec.draftAndPublish;
    const { publication } = entry;
    if (publishing && publication.kind === 'merged') {
      await publishMerged(strapi, entry, publication.published, publication.draft, index);
      continue;
    }

    if (entry.action === 'create') {
      const created = await strapi.documents(entry.spec.uid).create({ data: payload(entry.data, entry.snapshot, index) });
      entry.documentId = created.documentId;
      indexDocument(index, entry.spec.uid, entry.key, created.documentId);
    } else if (entry.action === 'update') {
      await writeDraft(strapi, entry, entry.data, index);
    } else if (entry.snapshotOnly) {
      await writeSnapshotOnly(strapi, entry);
    }
    if (publishing && publication.kind === 'draft') await publishDraft(strapi, entry);
  }
}

function payload(data: Fields, snapshot: ImportSnapshot, index: DocumentIndex): never {
  return { ...withRelationIds(data, index), importSnapshot: snapshot } as never;
}

async function writeDraft(strapi: Core.Strapi, entry: PlanEntry, data: Fields, index: DocumentIndex): Promise<void> {
  await strapi.documents(entry.spec.uid).update({ documentId: entry.documentId as string, data: payload(data, entry.snapshot, index) });
}

/** Only called for types with Draft & Publish, which are the newsroom types. */
async function publishDraft(strapi: Core.Strapi, entry: PlanEntry): Promise<void> {
  await strapi.documents(entry.spec.uid as NewsroomUid).publish({ documentId: entry.documentId as string });
}

/**
 * Strapi publishes by copying the draft, so the published version is staged in the draft,
 * published, and the draft then gets back the editor's pending changes merged with the
 * importer's. All of it runs in the page's transaction, so nobody sees the staged draft.
 */
async function publishMerged(strapi: Core.Strapi, entry: PlanEntry, published: Fields, draft: Fields, index: DocumentIndex): Promise<void> {
  await writeDraft(strapi, entry, published, index);
  await publishDraft(strapi, entry);
  await writeDraft(strapi, entry, draft, index);
}

/**
 * What each page said changed but no visible field did: record it on the draft without going
 * through the Document Service, so the draft does not turn into "modified". The published
 * version keeps the snapshot it was published with: it tells what the importer wrote into it.
 */
async function writeSnapshotOnly(strapi: Core.Strapi, entry: PlanEntry): Promise<void> {
  const where = entry.spec.draftAndPublish ? { documentId: entry.documentId, publishedAt: null } : { documentId: entry.documentId };
  await strapi.db.query(entry.spec.uid).updateMany({ where, data: { importSnapshot: entry.snapshot } });
}

function documentIdOf(index: DocumentIndex, uid: string, label: string, key: string): string {
  const documentId = index.get(uid)?.get(key);
  if (!documentId) throw new Error(`${label} "${key}" has no document to link to`);
  return documentId;
}

/** Natural keys of linked documents become their documentIds; other types link to nothing. */
function withRelationIds(data: Fields, index: DocumentIndex): Fields {
  const resolved: Fields = { ...data };
  for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS)) {
    const keys = data[relation];
    if (Array.isArray(keys)) resolved[relation] = keys.map((key) => documentIdOf(index, spec.uid, spec.label, String(key)));
  }
  const page = data.sourcePage;
  if (typeof page === 'string') resolved.sourcePage = documentIdOf(index, PAGE_SPEC.uid, PAGE_SPEC.label, page);
  return resolved;
}
