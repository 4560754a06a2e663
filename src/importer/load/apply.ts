import type { Core } from '@strapi/strapi';
import { nextTurnOfEventLoop } from '../event-loop';
import { runPublishedHooks } from '../hooks';
import type { PlanEntry } from '../plan/plan';
import { ARTICLE_RELATIONS, PAGE_SPEC, type Fields, type ImportSnapshot } from '../plan/records';
import { indexDocument, type DocumentIndex } from './current';
import type { EntryEventLog, EntryEventName } from './entry-events';
import type { VersionStatus, VersionWriter } from './versions';
import { createImportWriter } from './writers';

type Knex = Core.Strapi['db']['connection'];

/**
 * The only code that writes imported documents, inside the page's import transaction `trx`.
 * Entries arrive page first, then entities, then articles, so by the time a document links to
 * another, that one has a documentId in the index and, when publishing, is published already: a
 * published article keeps only the relations to published entities.
 */
export async function applyPlan(
  strapi: Core.Strapi,
  trx: Knex,
  entries: PlanEntry[],
  index: DocumentIndex,
  options: { publish: boolean },
  events: EntryEventLog,
): Promise<void> {
  const { writer, emitsEntryEvents } = createImportWriter(strapi, trx);
  const republished: Array<{ uid: string; documentId: string }> = [];
  /** The entry events the Document Service would have emitted for these writes (it emits its own). */
  const record = (name: EntryEventName, uid: string, documentId: string, status: VersionStatus) => {
    if (!emitsEntryEvents) events.record({ name, uid, documentId, status });
  };

  for (const entry of entries) {
    await nextTurnOfEventLoop();
    const { uid } = entry.spec;
    const publishing = options.publish && entry.spec.draftAndPublish;
    const { publication } = entry;

    if (entry.action === 'create') {
      const documentId = await writer.create(uid, payload(entry.data, entry.snapshot, index), { publish: publishing });
      entry.documentId = documentId;
      indexDocument(index, uid, entry.key, documentId);
      record('entry.create', uid, documentId, 'draft');
      if (publishing) {
        record('entry.publish', uid, documentId, 'published');
        republished.push({ uid, documentId });
      }
      continue;
    }

    const documentId = entry.documentId as string;
    if (publishing && publication.kind === 'merged') {
      await publishMerged(writer, entry, publication.published, publication.draft, index);
      record('entry.update', uid, documentId, 'draft');
      record('entry.publish', uid, documentId, 'published');
      republished.push({ uid, documentId });
      continue;
    }
    if (entry.action === 'update') {
      await writer.update(uid, documentId, 'draft', payload(entry.data, entry.snapshot, index));
      record('entry.update', uid, documentId, 'draft');
    } else if (entry.snapshotOnly) await writeSnapshotOnly(strapi, entry);
    if (publishing && publication.kind === 'draft') {
      await writer.publish(uid, documentId);
      record('entry.publish', uid, documentId, 'published');
      republished.push({ uid, documentId });
    }
  }

  // Derived data (the search index) is kept in step by whoever registered for it (the search feature),
  // in this transaction, so a page that rolls back leaves it as it was.
  await runPublishedHooks(strapi, republished);
}

function payload(data: Fields, snapshot: ImportSnapshot, index: DocumentIndex): Fields {
  return { ...withRelationIds(data, index), importSnapshot: snapshot as never };
}

/**
 * The draft holds an editor's changes that were never published: the published version gets the
 * last published version plus the importer's changes, the draft its own merge. The draft is
 * written a millisecond later so that editors still see it as modified.
 */
async function publishMerged(writer: VersionWriter, entry: PlanEntry, published: Fields, draft: Fields, index: DocumentIndex): Promise<void> {
  const at = new Date();
  const documentId = entry.documentId as string;
  await writer.update(entry.spec.uid, documentId, 'published', payload(published, entry.snapshot, index), at);
  await writer.update(entry.spec.uid, documentId, 'draft', payload(draft, entry.snapshot, index), new Date(at.getTime() + 1));
}

/**
 * What each page said changed but no visible field did: record it on the draft without touching
 * its `updatedAt`, so the draft does not turn into "modified". The published version keeps the
 * snapshot it was published with: it tells what the importer wrote into it.
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
