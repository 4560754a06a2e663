import type { Core } from '@strapi/strapi';
import type { PlanEntry } from '../plan/plan';
import { ARTICLE_RELATIONS, ARTICLE_SPEC, type Fields } from '../plan/records';
import { indexDocument, type DocumentIndex } from './current';

/**
 * The only code that writes newsroom documents. Entries arrive entities first, so by the time an
 * article is written every entity it links to has a documentId in the index.
 */
export async function applyPlan(
  strapi: Core.Strapi,
  entries: PlanEntry[],
  index: DocumentIndex,
  options: { publish: boolean },
): Promise<void> {
  const toPublish: PlanEntry[] = [];

  for (const entry of entries) {
    // Publishing also covers what is on the page but was never published: a published article
    // only keeps relations to published entities, and a `--publish` run after a draft import
    // must make the page visible.
    if (options.publish && (entry.action !== 'unchanged' || !entry.wasPublished)) toPublish.push(entry);
    if (entry.action === 'unchanged') {
      if (entry.snapshotOnly) await writeSnapshotOnly(strapi, entry);
      continue;
    }
    const data = entry.spec === ARTICLE_SPEC ? withRelationIds(entry.data, index) : entry.data;
    const documents = strapi.documents(entry.spec.uid);
    const payload = { ...data, importSnapshot: entry.snapshot } as never;
    if (entry.action === 'create') {
      const created = await documents.create({ data: payload });
      entry.documentId = created.documentId;
      indexDocument(index, entry.spec.uid, entry.key, created.documentId);
    } else {
      await documents.update({ documentId: entry.documentId as string, data: payload });
    }
  }

  // In entry order: an article is published after the entities it links, or its published
  // version would lose those relations.
  for (const entry of toPublish) {
    await strapi.documents(entry.spec.uid).publish({ documentId: entry.documentId as string });
  }
}

/**
 * What each page said changed but no visible field did: record it on every version without
 * going through the Document Service, so a published entry does not turn into "modified".
 */
async function writeSnapshotOnly(strapi: Core.Strapi, entry: PlanEntry): Promise<void> {
  await strapi.db.query(entry.spec.uid).updateMany({
    where: { documentId: entry.documentId },
    data: { importSnapshot: entry.snapshot },
  });
}

function withRelationIds(data: Fields, index: DocumentIndex): Fields {
  const resolved: Fields = { ...data };
  for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS)) {
    const keys = data[relation];
    if (!Array.isArray(keys)) continue;
    const ids = index.get(spec.uid);
    resolved[relation] = keys.map((key) => {
      const documentId = ids?.get(key as string);
      if (!documentId) throw new Error(`${spec.label} "${String(key)}" has no document to link to`);
      return documentId;
    });
  }
  return resolved;
}
