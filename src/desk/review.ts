import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, ENTITY_CONTRIBUTION_UID, type NewsroomUid } from '../content-types';
import { ARTICLE_RELATIONS, readEntities, sameField } from '../importer';
import type { ArticleRelation, CurrentRecord, Fields, TypeSpec } from '../importer';
import { printedSource, type PrintedArticle, type PrintedSource } from './printed-source';

interface ArticleDraft {
  documentId: string;
  [relation: string]: unknown;
}

interface LinkedEntity {
  documentId: string;
  name: string;
  importKey: string | null;
}

async function articleDrafts(strapi: Core.Strapi, documentIds: string[]): Promise<ArticleDraft[]> {
  const populate = Object.fromEntries(Object.keys(ARTICLE_RELATIONS).map((relation) => [relation, { select: ['documentId', 'name', 'importKey'] }]));
  const drafts = (await strapi.db.query(ARTICLE_UID).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: null },
    select: ['documentId'],
    populate,
  })) as ArticleDraft[];
  const missing = documentIds.filter((id) => !drafts.some((draft) => draft.documentId === id));
  if (missing.length > 0) throw new errors.NotFoundError(`No article ${missing.join(', ')}`);
  return drafts;
}

/**
 * What publishing the articles does to an entry they link:
 * `publish` when it was never published or its draft holds only what the importer wrote;
 * `up-to-date` when its published version already says what the draft says;
 * `editor-edits` when its draft holds an editor's unpublished edits, which stay that editor's to publish.
 */
export type RelatedDecision = 'publish' | 'up-to-date' | 'editor-edits';

export interface RelatedPublication {
  type: ArticleRelation;
  documentId: string;
  name: string;
  decision: RelatedDecision;
}

function sameManagedFields(spec: TypeSpec, a: Fields, b: Fields | undefined): boolean {
  return b !== undefined && Object.entries(spec.fields).every(([field, kind]) => sameField(kind, a[field], b[field]));
}

function decide(spec: TypeSpec, entry: CurrentRecord): RelatedDecision {
  if (!entry.published) return 'publish';
  if (sameManagedFields(spec, entry.fields, entry.published.fields)) return 'up-to-date';
  return sameManagedFields(spec, entry.fields, entry.snapshot?.written) ? 'publish' : 'editor-edits';
}

/** Every entry the articles link, once, with what publishing the articles would do to it. */
async function relatedPublications(strapi: Core.Strapi, drafts: ArticleDraft[]): Promise<RelatedPublication[]> {
  const decisions: RelatedPublication[] = [];
  for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS) as Array<[ArticleRelation, TypeSpec]>) {
    const linked = new Map<string, LinkedEntity>();
    for (const draft of drafts) for (const entity of draft[relation] as LinkedEntity[]) linked.set(entity.documentId, entity);
    if (linked.size === 0) continue;
    const keys = [...linked.values()].map((entity) => entity.importKey || entity.name);
    const stored = await readEntities(strapi, spec, keys, new Map());
    for (const entry of stored.values()) {
      if (!linked.has(entry.documentId)) continue;
      decisions.push({ type: relation, documentId: entry.documentId, name: linked.get(entry.documentId)!.name, decision: decide(spec, entry) });
    }
  }
  return decisions;
}

/** What "Mark reviewed and publish" would do to the entries the articles link, for the confirmation. */
export async function reviewPlan(strapi: Core.Strapi, documentIds: string[]): Promise<{ related: RelatedPublication[] }> {
  return { related: await relatedPublications(strapi, await articleDrafts(strapi, [...new Set(documentIds)])) };
}

/**
 * Marks articles reviewed and, when asked, publishes them with the pending changes the importer
 * made to the entries they link (an official's new posts), so the published article shows them;
 * an entry whose draft holds an editor's own edits keeps its published version.
 *
 * The review status is bookkeeping, not content: it is written to the draft and the published
 * rows alike through the query engine's updateMany, which leaves `updatedAt` alone, so a published
 * article does not turn Modified and need publishing again.
 */
export async function markReviewed(
  strapi: Core.Strapi,
  documentIds: string[],
  publish: boolean,
): Promise<{ reviewed: number; published: number; relatedPublished: number; related: RelatedPublication[] }> {
  const unique = [...new Set(documentIds)];
  return strapi.db.transaction(async () => {
    const drafts = await articleDrafts(strapi, unique);
    await strapi.db.query(ARTICLE_UID).updateMany({ where: { documentId: { $in: unique } }, data: { reviewStatus: 'reviewed' } });
    if (!publish) return { reviewed: drafts.length, published: 0, relatedPublished: 0, related: [] };

    const related = await relatedPublications(strapi, drafts);
    const toPublish = related.filter((entry) => entry.decision === 'publish');
    for (const entry of toPublish) {
      await strapi.documents(ARTICLE_RELATIONS[entry.type].uid as NewsroomUid).publish({ documentId: entry.documentId });
    }
    for (const draft of drafts) await strapi.documents(ARTICLE_UID).publish({ documentId: draft.documentId });
    return { reviewed: drafts.length, published: drafts.length, relatedPublished: toPublish.length, related };
  });
}

interface LinkedRow {
  documentId: string;
  name: string;
  importKey: string | null;
  nameGenerated?: boolean | null;
}

type PrintedRow = Omit<PrintedArticle, 'officials' | 'projects' | 'researchPlatforms'> & { sourceKey: string | null } & Record<ArticleRelation, LinkedRow[]>;

/** How sure the importer is of each of the article's links, by entity type and key (its contributions). */
async function linkConfidences(strapi: Core.Strapi, sourceKey: string | null): Promise<Map<string, number>> {
  if (!sourceKey) return new Map();
  const rows = (await strapi.db.query(ENTITY_CONTRIBUTION_UID).findMany({
    where: { articleKey: sourceKey },
    select: ['entityType', 'entityKey', 'confidence'],
  })) as Array<{ entityType: string; entityKey: string; confidence: number | string | null }>;
  return new Map(rows.filter((row) => row.confidence !== null).map((row) => [`${row.entityType}\u0000${row.entityKey}`, Number(row.confidence)]));
}

export async function articlePrintedSource(strapi: Core.Strapi, documentId: string): Promise<PrintedSource> {
  const linked = { select: ['documentId', 'name', 'importKey'] };
  const article = (await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, publishedAt: null },
    select: ['title', 'titleGenerated', 'sourceKey'],
    populate: {
      source: true,
      figures: true,
      officials: linked,
      projects: linked,
      researchPlatforms: { select: ['documentId', 'name', 'importKey', 'nameGenerated'] },
    },
  })) as PrintedRow | null;
  if (!article) throw new errors.NotFoundError(`No article ${documentId}`);
  const confidences = await linkConfidences(strapi, article.sourceKey);
  const withConfidence = (relation: ArticleRelation) =>
    article[relation].map((entity) => ({
      ...entity,
      confidence: confidences.get(`${ARTICLE_RELATIONS[relation].label}\u0000${entity.importKey || entity.name}`) ?? null,
    }));
  return printedSource({
    ...article,
    officials: withConfidence('officials'),
    projects: withConfidence('projects'),
    researchPlatforms: withConfidence('researchPlatforms'),
  });
}
