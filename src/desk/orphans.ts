import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, type NewsroomUid } from '../content-types';
import { ARTICLE_RELATIONS, type ArticleRelation } from '../importer';
import type { ENTITY_TYPES } from './inputs';

type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_OF: Record<EntityType, ArticleRelation> = {
  officials: 'officials',
  projects: 'projects',
  'research-platforms': 'researchPlatforms',
};
const TYPE_OF = Object.fromEntries(Object.entries(RELATION_OF).map(([type, relation]) => [relation, type])) as Record<
  ArticleRelation,
  EntityType
>;

export interface EntryRef {
  type: EntityType;
  documentId: string;
  name: string;
}

/** How many articles link each entry (drafts: every article has one, published or not). */
async function articleCounts(strapi: Core.Strapi, relation: ArticleRelation, documentIds: string[]): Promise<Map<string, number>> {
  const rows = (await strapi.db.query(ARTICLE_RELATIONS[relation].uid).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: null },
    select: ['documentId'],
    populate: { articles: { select: ['id'], where: { publishedAt: null } } },
  })) as Array<{ documentId: string; articles: unknown[] }>;
  return new Map(rows.map((row) => [row.documentId, row.articles.length]));
}

/** The entries of a type that no article links: left behind when the articles that named them were deleted. */
export async function orphans(strapi: Core.Strapi, type: EntityType): Promise<EntryRef[]> {
  const uid = ARTICLE_RELATIONS[RELATION_OF[type]].uid;
  const drafts = (await strapi.db.query(uid).findMany({
    where: { publishedAt: null },
    select: ['documentId', 'name'],
    populate: { articles: { select: ['id'], where: { publishedAt: null } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })) as Array<{ documentId: string; name: string; articles: unknown[] }>;
  return drafts.filter((draft) => draft.articles.length === 0).map(({ documentId, name }) => ({ type, documentId, name }));
}

/** The entries this article alone links: deleting it would leave them linked by no article. */
export async function ownEntries(strapi: Core.Strapi, documentId: string): Promise<EntryRef[]> {
  const populate = Object.fromEntries(Object.keys(ARTICLE_RELATIONS).map((relation) => [relation, { select: ['documentId', 'name'] }]));
  const article = (await strapi.db
    .query(ARTICLE_UID)
    .findOne({ where: { documentId, publishedAt: null }, select: ['id'], populate })) as Record<
    ArticleRelation,
    Array<{ documentId: string; name: string }>
  > | null;
  if (!article) throw new errors.NotFoundError(`No article ${documentId}`);
  const own: EntryRef[] = [];
  for (const relation of Object.keys(ARTICLE_RELATIONS) as ArticleRelation[]) {
    const linked = article[relation];
    if (linked.length === 0) continue;
    const counts = await articleCounts(
      strapi,
      relation,
      linked.map((entity) => entity.documentId),
    );
    for (const entity of linked)
      if (counts.get(entity.documentId) === 1) own.push({ type: TYPE_OF[relation], documentId: entity.documentId, name: entity.name });
  }
  return own;
}

/**
 * Deletes an article (its tombstone keeps later imports from re-creating it) with the entries it
 * alone linked that the editor ticked; an entry another article links is refused, not deleted.
 */
export async function deleteArticle(
  strapi: Core.Strapi,
  documentId: string,
  alsoDelete: string[],
): Promise<{ deleted: EntryRef[]; left: EntryRef[] }> {
  return strapi.db.transaction(async () => {
    const own = await ownEntries(strapi, documentId);
    const ownIds = new Set(own.map((entry) => entry.documentId));
    const shared = alsoDelete.filter((id) => !ownIds.has(id));
    if (shared.length > 0) throw new errors.ValidationError(`Not linked by this article alone, not deleted: ${shared.join(', ')}`);

    const requested = new Set(alsoDelete);
    const deleted = own.filter((entry) => requested.has(entry.documentId));
    await strapi.documents(ARTICLE_UID).delete({ documentId });
    for (const entry of deleted) {
      await strapi.documents(ARTICLE_RELATIONS[RELATION_OF[entry.type]].uid as NewsroomUid).delete({ documentId: entry.documentId });
    }
    return { deleted, left: own.filter((entry) => !requested.has(entry.documentId)) };
  });
}
