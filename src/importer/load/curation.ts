import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { ARTICLE_UID, ENTITY_ALIAS_UID, TOMBSTONE_UID } from '../../content-types';
import { ARTICLE_RELATIONS, type ArticleRelation, type FieldValue, type ImportSnapshot, type TypeSpec } from '../plan/records';
import type { AliasMap } from '../plan/curation';
import { entityId, moveContributions, restoreContributions } from './contributions';
import { createEntryEventLog, emitEntryEvents, type EntryEvent } from './entry-events';
import { inImportTransaction } from './lock';

interface EntityRow {
  id: number;
  documentId: string;
  name: string;
  importKey?: string | null;
  publishedAt: string | Date | null;
}

/** An entity's natural key, as the importer and the articles' snapshots know it. */
const naturalKey = (entity: EntityRow) => entity.importKey || entity.name;

function relationOf(spec: TypeSpec): ArticleRelation {
  const relation = (Object.keys(ARTICLE_RELATIONS) as ArticleRelation[]).find((name) => ARTICLE_RELATIONS[name] === spec);
  if (!relation) throw new errors.ValidationError(`${spec.label} entries cannot be merged`);
  return relation;
}

/** The spellings editors merged away, among these names, mapped to the kept entries' keys. */
export async function readAliases(strapi: Core.Strapi, names: Record<ArticleRelation, string[]>): Promise<AliasMap> {
  const result: Record<string, Map<string, string>> = {};
  for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS) as Array<[ArticleRelation, TypeSpec]>) {
    const found = new Map<string, string>();
    result[relation] = found;
    if (names[relation].length === 0) continue;
    const aliases = (await strapi.db.query(ENTITY_ALIAS_UID).findMany({
      where: { entityType: spec.label, name: { $in: names[relation] } },
      select: ['name', 'targetDocumentId'],
    })) as Array<{ name: string; targetDocumentId: string }>;
    if (aliases.length === 0) continue;
    const targets = (await strapi.db.query(spec.uid).findMany({
      where: { documentId: { $in: aliases.map((alias) => alias.targetDocumentId) }, publishedAt: null },
      select: ['documentId', 'name', 'importKey'],
    })) as EntityRow[];
    const keyOf = new Map(targets.map((target) => [target.documentId, naturalKey(target)]));
    // An alias whose kept entry an editor has since deleted links nothing: the spelling is new again.
    for (const alias of aliases) {
      const key = keyOf.get(alias.targetDocumentId);
      if (key) found.set(alias.name, key);
    }
  }
  return result as unknown as AliasMap;
}

/**
 * A digest of every alias and tombstone. It is part of what a page's import stamp remembers: after
 * an un-merge or a tombstone removed by hand, pages whose documents did not change must be planned
 * again, or the spelling or article they now bring back would never come.
 */
export async function curationState(strapi: Core.Strapi): Promise<string> {
  const aliases = await strapi.db.query(ENTITY_ALIAS_UID).findMany({ select: ['id', 'targetDocumentId'], orderBy: { id: 'asc' } });
  const tombstones = await strapi.db.query(TOMBSTONE_UID).findMany({ select: ['id'], orderBy: { id: 'asc' } });
  const rows = JSON.stringify([aliases.map((alias) => [alias.id, alias.targetDocumentId]), tombstones.map((tombstone) => tombstone.id)]);
  return createHash('sha256').update(rows).digest('hex');
}

/** Which of these article keys editors deleted. */
export async function readDeletedKeys(strapi: Core.Strapi, sourceKeys: string[]): Promise<Set<string>> {
  if (sourceKeys.length === 0) return new Set();
  const rows = (await strapi.db.query(TOMBSTONE_UID).findMany({
    where: { sourceKey: { $in: sourceKeys } },
    select: ['sourceKey'],
  })) as Array<{ sourceKey: string }>;
  return new Set(rows.map((row) => row.sourceKey));
}

/** Lets the next import re-create these deleted articles. */
export async function forgetDeleted(strapi: Core.Strapi, sourceKeys: string[]): Promise<void> {
  if (sourceKeys.length === 0) return;
  await strapi.db.query(TOMBSTONE_UID).deleteMany({ where: { sourceKey: { $in: sourceKeys } } });
}

/** A deleted article's versions, kept on its tombstone (private) so that restoring it needs no import. */
const DeletedArticleVersionsSchema = z.object({
  draft: z.record(z.string(), z.unknown()).nullable(),
  published: z.record(z.string(), z.unknown()).nullable(),
});
type DeletedArticleVersions = z.infer<typeof DeletedArticleVersionsSchema>;

/**
 * A Document Service middleware: an imported article deleted by anyone (content manager, bulk
 * delete, API) leaves a tombstone keyed by its natural key, so importing its page again does
 * not bring it back, with the article as it was (its versions, fields, components and links).
 */
export function rememberDeletedArticles(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE_UID || context.action !== 'delete') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    const row = documentId
      ? ((await strapi.db.query(ARTICLE_UID).findOne({
          where: { documentId },
          select: ['sourceKey', 'title'],
          populate: { source: { select: ['fileName'] } },
        })) as { sourceKey: string | null; title: string | null; source?: { fileName: string | null } | null } | null)
      : null;
    const article: DeletedArticleVersions | null =
      documentId && row?.sourceKey
        ? {
            draft: await restorableData(strapi, ARTICLE_UID, documentId, 'draft', { withLinks: true }),
            published: await restorableData(strapi, ARTICLE_UID, documentId, 'published', { withLinks: true }),
          }
        : null;
    const result = await next();
    if (row?.sourceKey) {
      const existing = await strapi.db.query(TOMBSTONE_UID).findOne({ where: { sourceKey: row.sourceKey } });
      if (!existing) {
        await strapi.documents(TOMBSTONE_UID).create({
          data: { sourceKey: row.sourceKey, title: row.title ?? undefined, fileName: row.source?.fileName ?? undefined, article: article as never },
        });
      }
    }
    return result;
  });
}

export interface MergeResult {
  kept: { documentId: string; name: string };
  aliases: string[];
  articlesRelinked: number;
}

async function entityRows(strapi: Core.Strapi, spec: TypeSpec, documentId: string, label: string): Promise<EntityRow[]> {
  const rows = (await strapi.db.query(spec.uid).findMany({
    where: { documentId },
    select: ['id', 'documentId', 'name', 'importKey', 'publishedAt'],
  })) as EntityRow[];
  if (rows.length === 0) throw new errors.NotFoundError(`${spec.label} ${label} ${documentId} does not exist`);
  return rows;
}

const isDraft = (row: { publishedAt: unknown }) => row.publishedAt === null || row.publishedAt === undefined;

/**
 * Merges one entity into another: every article (draft and published version alike) that linked
 * the merged entry links the kept one, the merged entry is deleted, and its spellings become
 * aliases of the kept entry so imports link them there. Articles' import snapshots are rewritten
 * too: the kept link counts as the importer's own, so the next import neither drops it nor
 * reports it as an editor's change. What articles said about the merged entry is said about the
 * kept one from now on. Runs in one transaction that locks both entries and the spellings merged
 * into the merged one, as imports lock what a page names: imports of pages that name any of them
 * wait for the merge (and it for them); all others go on. (A merge of a frequent official relinks
 * hundreds of articles, one statement each: holding the whole archive for it stopped every
 * import for half a minute.)
 */
export async function mergeEntity(
  strapi: Core.Strapi,
  spec: TypeSpec,
  mergedDocumentId: string,
  keptDocumentId: string,
): Promise<MergeResult> {
  if (mergedDocumentId === keptDocumentId) throw new errors.ValidationError('An entry cannot be merged into itself');
  const relation = relationOf(spec);
  /** The attempt that committed: a retried transaction records its events afresh. */
  let committedEvents: readonly EntryEvent[] = [];
  const result = await inImportTransaction(strapi, `merge:${mergedDocumentId}`, async (_trx, locks) => {
    const events = createEntryEventLog();
    const mergedRows = await entityRows(strapi, spec, mergedDocumentId, 'to merge');
    const keptRows = await entityRows(strapi, spec, keptDocumentId, 'to keep');
    const mergedDraft = mergedRows.find(isDraft) ?? mergedRows[0];
    const keptDraft = keptRows.find(isDraft) ?? keptRows[0];
    const mergedKey = naturalKey(mergedDraft);
    const keptKey = naturalKey(keptDraft);
    const earlierSpellings = (await strapi.db.query(ENTITY_ALIAS_UID).findMany({
      where: { entityType: spec.label, targetDocumentId: mergedDocumentId },
      select: ['name'],
    })) as Array<{ name: string }>;
    await locks.lockKeys([mergedKey, mergedDraft.name, keptKey, ...earlierSpellings.map((alias) => alias.name)].map((key) => entityId(spec.label, key)));

    const [draftData, publishedData] = await Promise.all(
      (['draft', 'published'] as const).map((status) => restorableData(strapi, spec.uid, mergedDocumentId, status)),
    );
    const relinked: MergeUndo['articles'] = [];
    let articlesRelinked = 0;
    for (const mergedRow of mergedRows) {
      const keptRow = keptRows.find((row) => isDraft(row) === isDraft(mergedRow));
      const articles = (await strapi.db.query(ARTICLE_UID).findMany({
        where: { [relation]: { id: mergedRow.id } },
        select: ['id', 'documentId', 'importSnapshot'],
        populate: { [relation]: { select: ['id'] } },
      })) as Array<{ id: number; documentId: string; importSnapshot: ImportSnapshot | null } & Record<string, unknown>>;
      for (const article of articles) {
        const linked = (article[relation] as Array<{ id: number }>).map((entity) => entity.id).filter((id) => id !== mergedRow.id);
        const keptLinkedBefore = keptRow !== undefined && linked.includes(keptRow.id);
        relinked.push({ documentId: article.documentId, status: isDraft(mergedRow) ? 'draft' : 'published', keptLinkedBefore });
        // A published article keeps no link to an unpublished kept entry, as publishing would do.
        if (keptRow && !keptLinkedBefore) linked.push(keptRow.id);
        await strapi.db.query(ARTICLE_UID).update({
          where: { id: article.id },
          data: { [relation]: linked, importSnapshot: snapshotRelinked(article.importSnapshot, relation, mergedKey, keptKey) },
        });
        // As the Document Service would report relinking a draft, or a published version by publishing it again.
        events.record(
          isDraft(mergedRow)
            ? { name: 'entry.update', uid: ARTICLE_UID, documentId: article.documentId, status: 'draft' }
            : { name: 'entry.publish', uid: ARTICLE_UID, documentId: article.documentId, status: 'published' },
        );
        if (isDraft(mergedRow)) articlesRelinked += 1;
      }
    }

    await strapi.documents(spec.uid).delete({ documentId: mergedDocumentId });
    const contributions = await moveContributions(strapi, spec, mergedKey, keptKey);
    await forgetSummary(strapi, spec, keptDocumentId);

    // Spellings merged into the merged entry earlier follow it to the kept one.
    await strapi.db.query(ENTITY_ALIAS_UID).updateMany({
      where: { entityType: spec.label, targetDocumentId: mergedDocumentId },
      data: { targetDocumentId: keptDocumentId, targetName: keptDraft.name },
    });
    const spellings = [...new Set([mergedKey, mergedDraft.name])];
    const mergeUndo: MergeUndo = {
      mergedKey,
      keptKey,
      draft: draftData ?? {},
      published: publishedData,
      articles: relinked,
      contributions,
      spellings,
      earlierSpellings: earlierSpellings.map((alias) => alias.name),
    };
    for (const name of spellings) {
      await strapi.db.query(ENTITY_ALIAS_UID).deleteMany({ where: { entityType: spec.label, name } });
      await strapi.documents(ENTITY_ALIAS_UID).create({
        data: {
          name,
          entityType: spec.label as 'Official' | 'Project' | 'ResearchPlatform',
          targetDocumentId: keptDocumentId,
          targetName: keptDraft.name,
          mergeUndo: mergeUndo as never,
        },
      });
    }
    committedEvents = events.events();
    return { kept: { documentId: keptDocumentId, name: keptDraft.name }, aliases: spellings, articlesRelinked };
  }, 'keys');
  await emitEntryEvents(strapi, committedEvents);
  return result;
}

/**
 * The kept entry's summary no longer covers everything said about it, so the next import that
 * names it rebuilds the summary from every contribution (desiredEntity). Its draft keeps its
 * `updatedAt`: nothing an editor sees changed.
 */
async function forgetSummary(strapi: Core.Strapi, spec: TypeSpec, documentId: string): Promise<void> {
  const draft = (await strapi.db.query(spec.uid).findOne({
    where: { documentId, publishedAt: null },
    select: ['id', 'importSnapshot'],
  })) as { id: number; importSnapshot: ImportSnapshot | null } | null;
  if (!draft?.importSnapshot?.summary) return;
  const { summary: _forgotten, ...snapshot } = draft.importSnapshot;
  await strapi.db.query(spec.uid).updateMany({ where: { id: draft.id }, data: { importSnapshot: snapshot } });
}

function snapshotRelinked(snapshot: ImportSnapshot | null, relation: ArticleRelation, from: string, to: string): ImportSnapshot | null {
  const written = snapshot?.written[relation];
  if (!snapshot || !Array.isArray(written) || !written.includes(from)) return snapshot;
  const relinked = [...new Set(written.map((key: FieldValue) => (key === from ? to : key)))];
  return { ...snapshot, written: { ...snapshot.written, [relation]: relinked } };
}

export interface AliasRecord {
  documentId: string;
  name: string;
  entityType: string;
  targetDocumentId: string;
  targetName: string | null;
}

/** The spellings merged into an entry. */
export async function aliasesOf(strapi: Core.Strapi, spec: TypeSpec, targetDocumentId: string): Promise<AliasRecord[]> {
  return (await strapi.db.query(ENTITY_ALIAS_UID).findMany({
    where: { entityType: spec.label, targetDocumentId },
    select: ['documentId', 'name', 'entityType', 'targetDocumentId', 'targetName'],
    orderBy: { name: 'asc' },
  })) as AliasRecord[];
}

/**
 * What a merge took apart, kept on the aliases it created (private), so that un-merging puts it
 * back: the merged entry's fields (draft and published), the article versions it was linked from
 * and whether they already linked the kept entry, what those articles said about it, and the
 * spellings the merge made aliases of or moved over.
 */
const MergeUndoSchema = z.object({
  mergedKey: z.string().min(1),
  keptKey: z.string().min(1),
  draft: z.record(z.string(), z.unknown()),
  published: z.record(z.string(), z.unknown()).nullable(),
  articles: z.array(z.object({ documentId: z.string(), status: z.enum(['draft', 'published']), keptLinkedBefore: z.boolean() })),
  contributions: z.object({
    taken: z.array(
      z.object({ entityType: z.string(), entityKey: z.string(), articleKey: z.string(), said: z.any(), confidence: z.number().nullable() }),
    ),
    movedArticleKeys: z.array(z.string()),
  }),
  spellings: z.array(z.string()),
  earlierSpellings: z.array(z.string()),
});
type MergeUndo = z.infer<typeof MergeUndoSchema>;

/** Attributes a document keeps that Strapi does not manage itself: what recreating it needs. */
const MANAGED_ATTRIBUTES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (key === 'id' ? [] : [[key, withoutIds(inner)]])));
  return value;
}

/** A relation as data the Document Service connects again: the linked documents' ids. */
function linkedDocumentIds(value: unknown): string[] | string | null {
  if (Array.isArray(value)) return value.map((linked: { documentId: string }) => linked.documentId);
  return (value as { documentId?: string } | null)?.documentId ?? null;
}

/**
 * One version of a document as data its re-creation takes: its own fields and components and,
 * when asked, the documents it links (owning side only: the other side is the linked type's).
 */
async function restorableData(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  status: 'draft' | 'published',
  { withLinks = false } = {},
): Promise<Record<string, unknown> | null> {
  const model = strapi.getModel(uid as never) as unknown as { attributes: Record<string, { type: string; mappedBy?: string }> };
  const kept = Object.entries(model.attributes).filter(
    ([name, attribute]) => !MANAGED_ATTRIBUTES.has(name) && (attribute.type !== 'relation' || (withLinks && !attribute.mappedBy)),
  );
  const populate = kept.filter(([, attribute]) => attribute.type === 'component' || attribute.type === 'relation').map(([name]) => name);
  const entry = (await strapi.documents(uid as never).findOne({ documentId, status, populate: populate as never })) as Record<string, unknown> | null;
  if (!entry) return null;
  return Object.fromEntries(
    kept.flatMap(([name, attribute]) =>
      !(name in entry) ? [] : [[name, attribute.type === 'relation' ? linkedDocumentIds(entry[name]) : withoutIds(entry[name])]],
    ),
  );
}

export interface UnmergeResult extends AliasRecord {
  /** The merged entry, created again with its links, when the merge that made the alias recorded it. */
  restored: { documentId: string; name: string; articlesRelinked: number } | null;
}

/**
 * Un-merges a spelling. When the merge that made it recorded what it took apart, the merged entry
 * is created again (draft and published versions as they were), the article versions it was
 * linked from link it again (and drop the kept entry where they had not linked it before), what
 * they said about it is theirs again, and the merge's aliases go, its earlier spellings following
 * the restored entry. An alias from before such records only goes: the next import that prints
 * the spelling creates its entry again. Runs under the same key locks as a merge.
 */
export async function removeAlias(strapi: Core.Strapi, aliasDocumentId: string): Promise<UnmergeResult> {
  let committedEvents: readonly EntryEvent[] = [];
  const result = await inImportTransaction(
    strapi,
    `unmerge:${aliasDocumentId}`,
    async (_trx, locks) => {
      const events = createEntryEventLog();
      const alias = (await strapi.db.query(ENTITY_ALIAS_UID).findOne({
        where: { documentId: aliasDocumentId },
        select: ['documentId', 'name', 'entityType', 'targetDocumentId', 'targetName', 'mergeUndo'],
      })) as (AliasRecord & { mergeUndo: unknown }) | null;
      if (!alias) throw new errors.NotFoundError(`Alias ${aliasDocumentId} does not exist`);
      const { mergeUndo, ...record } = alias;
      const undo = mergeUndo === null || mergeUndo === undefined ? null : MergeUndoSchema.parse(mergeUndo);
      if (!undo) {
        await strapi.db.query(ENTITY_ALIAS_UID).delete({ where: { documentId: aliasDocumentId } });
        return { ...record, restored: null };
      }
      const spec = Object.values(ARTICLE_RELATIONS).find((candidate) => candidate.label === alias.entityType);
      if (!spec) throw new errors.ValidationError(`${alias.entityType} entries cannot be un-merged`);
      await locks.lockKeys([undo.mergedKey, undo.keptKey, ...undo.spellings, ...undo.earlierSpellings].map((key) => entityId(spec.label, key)));
      const restored = await restoreMerged(strapi, spec, alias.targetDocumentId, undo, events);
      await strapi.db.query(ENTITY_ALIAS_UID).deleteMany({ where: { entityType: spec.label, name: { $in: undo.spellings } } });
      if (undo.earlierSpellings.length > 0)
        await strapi.db.query(ENTITY_ALIAS_UID).updateMany({
          where: { entityType: spec.label, name: { $in: undo.earlierSpellings }, targetDocumentId: alias.targetDocumentId },
          data: { targetDocumentId: restored.documentId, targetName: restored.name },
        });
      committedEvents = events.events();
      return { ...record, restored };
    },
    'keys',
  );
  await emitEntryEvents(strapi, committedEvents);
  return result;
}

async function restoreMerged(
  strapi: Core.Strapi,
  spec: TypeSpec,
  keptDocumentId: string,
  undo: MergeUndo,
  events: ReturnType<typeof createEntryEventLog>,
): Promise<{ documentId: string; name: string; articlesRelinked: number }> {
  const relation = relationOf(spec);
  const documents = strapi.documents(spec.uid as never);
  const taken = (await strapi.db.query(spec.uid).findMany({
    where: { $or: [{ importKey: undo.mergedKey }, { name: undo.mergedKey }] },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  if (taken.length > 0) throw new errors.ValidationError(`${spec.label} ${undo.mergedKey} exists again: merge it instead of un-merging`);

  // Through the Document Service, so that its events, the search index and the cache see it; the
  // draft is written last when it differed from the published version, as it did before the merge.
  const first = (await documents.create({ data: (undo.published ?? undo.draft) as never, status: undo.published ? 'published' : 'draft' })) as {
    documentId: string;
  };
  if (undo.published && !sameData(undo.published, undo.draft)) await documents.update({ documentId: first.documentId, data: undo.draft as never });
  const rows = await entityRows(strapi, spec, first.documentId, 'restored');
  const keptRows = (await strapi.db.query(spec.uid).findMany({ where: { documentId: keptDocumentId }, select: ['id', 'publishedAt'] })) as Array<
    Pick<EntityRow, 'id' | 'publishedAt'>
  >;

  let articlesRelinked = 0;
  for (const { documentId, status, keptLinkedBefore } of undo.articles) {
    const draft = status === 'draft';
    const restoredRow = rows.find((row) => isDraft(row) === draft);
    const keptRow = keptRows.find((row) => isDraft(row) === draft);
    const article = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: draft ? null : { $notNull: true } },
      select: ['id', 'importSnapshot'],
      populate: { [relation]: { select: ['id'] } },
    })) as ({ id: number; importSnapshot: ImportSnapshot | null } & Record<string, unknown>) | null;
    // An article deleted since, or a published one whose restored entry has no published version.
    if (!article || !restoredRow) continue;
    const linked = (article[relation] as Array<{ id: number }>)
      .map((entity) => entity.id)
      .filter((id) => keptLinkedBefore || id !== keptRow?.id);
    if (!linked.includes(restoredRow.id)) linked.push(restoredRow.id);
    const snapshot = keptLinkedBefore
      ? snapshotLinked(article.importSnapshot, relation, undo.mergedKey)
      : snapshotRelinked(article.importSnapshot, relation, undo.keptKey, undo.mergedKey);
    await strapi.db.query(ARTICLE_UID).update({ where: { id: article.id }, data: { [relation]: linked, importSnapshot: snapshot } });
    events.record(
      draft
        ? { name: 'entry.update', uid: ARTICLE_UID, documentId, status: 'draft' }
        : { name: 'entry.publish', uid: ARTICLE_UID, documentId, status: 'published' },
    );
    if (draft) articlesRelinked += 1;
  }
  await restoreContributions(strapi, spec, undo.keptKey, undo.contributions);
  await forgetSummary(strapi, spec, keptDocumentId);
  return { documentId: first.documentId, name: String(undo.draft.name ?? undo.mergedKey), articlesRelinked };
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

function snapshotLinked(snapshot: ImportSnapshot | null, relation: ArticleRelation, key: string): ImportSnapshot | null {
  const written = snapshot?.written[relation];
  if (!snapshot || !Array.isArray(written) || written.includes(key)) return snapshot;
  return { ...snapshot, written: { ...snapshot.written, [relation]: [...written, key] } };
}

export interface RestoredArticle {
  documentId: string;
  title: string;
}

/**
 * Restores one deleted article from its tombstone: created again through the Document Service as
 * it was (the published version, then the draft where it differed), linking the officials,
 * projects, platforms and page that still exist, and the tombstone goes. The next import of its
 * page finds it as it left it. A tombstone from before articles were kept on it only goes: the
 * next import of the page creates the article again. Under the lock imports take on the article.
 */
export async function restoreDeletedArticle(strapi: Core.Strapi, tombstoneDocumentId: string): Promise<RestoredArticle | null> {
  return inImportTransaction(
    strapi,
    `restore:${tombstoneDocumentId}`,
    async (_trx, locks) => {
      const tombstone = (await strapi.db.query(TOMBSTONE_UID).findOne({
        where: { documentId: tombstoneDocumentId },
        select: ['sourceKey', 'article'],
      })) as { sourceKey: string; article: unknown } | null;
      if (!tombstone) throw new errors.NotFoundError(`No deleted article ${tombstoneDocumentId}`);
      await locks.lockKeys([`article\u0000${tombstone.sourceKey}`]);
      const versions = tombstone.article === null || tombstone.article === undefined ? null : DeletedArticleVersionsSchema.parse(tombstone.article);
      await strapi.db.query(TOMBSTONE_UID).deleteMany({ where: { sourceKey: tombstone.sourceKey } });
      if (!versions?.draft) return null;
      if (await strapi.db.query(ARTICLE_UID).findOne({ where: { sourceKey: tombstone.sourceKey }, select: ['id'] }))
        throw new errors.ValidationError('An article from the same place of the same page exists again: edit that one');

      const [published, draft] = await Promise.all([versions.published, versions.draft].map((data) => data && linkingWhatExists(strapi, data)));
      const documents = strapi.documents(ARTICLE_UID as never);
      const created = (await documents.create({ data: (published ?? draft) as never, status: published ? 'published' : 'draft' })) as {
        documentId: string;
      };
      if (published && draft && !sameData(published, draft)) await documents.update({ documentId: created.documentId, data: draft as never });
      return { documentId: created.documentId, title: String(versions.draft.title ?? '') };
    },
    'keys',
  );
}

/**
 * The article's links, less the documents deleted since (or with it). Its import snapshot forgets
 * them too: the importer wrote those links, no editor removed them, so the next import of the page
 * links what it prints again (creating the entries anew).
 */
async function linkingWhatExists(strapi: Core.Strapi, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const model = strapi.getModel(ARTICLE_UID as never) as unknown as { attributes: Record<string, { type: string; target?: string }> };
  const result = { ...data };
  let snapshot = (data.importSnapshot ?? null) as ImportSnapshot | null;
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type !== 'relation' || !(name in data) || !attribute.target) continue;
    const wanted = [data[name]].flat().filter((id): id is string => typeof id === 'string');
    const targetAttributes = (strapi.getModel(attribute.target as never) as unknown as { attributes: Record<string, unknown> }).attributes;
    const existing = (await strapi.db.query(attribute.target).findMany({
      where: { documentId: { $in: wanted } },
      select: ['documentId', ...['name', 'importKey'].filter((key) => key in targetAttributes)],
    })) as Array<{ documentId: string; name?: string; importKey?: string | null }>;
    const existingIds = new Set(existing.map((row) => row.documentId));
    result[name] = Array.isArray(data[name]) ? wanted.filter((id) => existingIds.has(id)) : existingIds.has(wanted[0]) ? wanted[0] : null;
    const written = snapshot?.written[name];
    if (snapshot && Array.isArray(written) && existingIds.size < wanted.length) {
      const keys = new Set(existing.flatMap((row) => [row.importKey, row.name].filter(Boolean)));
      snapshot = { ...snapshot, written: { ...snapshot.written, [name]: written.filter((key) => keys.has(key as string)) } };
    }
  }
  return snapshot ? { ...result, importSnapshot: snapshot } : result;
}
