import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, type NewsroomUid } from '../content-types';
import { ARTICLE_RELATIONS } from '../importer';
import { printedSource, type PrintedArticle, type PrintedSource } from './printed-source';

interface ArticleDraft {
  documentId: string;
  [relation: string]: unknown;
}

async function articleDrafts(strapi: Core.Strapi, documentIds: string[]): Promise<ArticleDraft[]> {
  const populate = Object.fromEntries(Object.keys(ARTICLE_RELATIONS).map((relation) => [relation, { select: ['documentId', 'publishedAt'] }]));
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
 * Marks articles reviewed and, when asked, publishes them with the entries they link that were
 * never published (so the published article shows them); an entry with a published version keeps
 * it, since its pending edits are another editor's to publish.
 */
export async function markReviewed(
  strapi: Core.Strapi,
  documentIds: string[],
  publish: boolean,
): Promise<{ reviewed: number; published: number; relatedPublished: number }> {
  const unique = [...new Set(documentIds)];
  return strapi.db.transaction(async () => {
    const drafts = await articleDrafts(strapi, unique);
    let relatedPublished = 0;
    for (const draft of drafts) {
      await strapi.documents(ARTICLE_UID).update({ documentId: draft.documentId, data: { reviewStatus: 'reviewed' } });
      if (!publish) continue;
      for (const [relation, spec] of Object.entries(ARTICLE_RELATIONS)) {
        for (const related of draft[relation] as Array<{ documentId: string }>) {
          const publishedVersions = await strapi.db.query(spec.uid).count({ where: { documentId: related.documentId, publishedAt: { $notNull: true } } });
          if (publishedVersions > 0) continue;
          await strapi.documents(spec.uid as NewsroomUid).publish({ documentId: related.documentId });
          relatedPublished += 1;
        }
      }
      await strapi.documents(ARTICLE_UID).publish({ documentId: draft.documentId });
    }
    return { reviewed: drafts.length, published: publish ? drafts.length : 0, relatedPublished };
  });
}

export async function articlePrintedSource(strapi: Core.Strapi, documentId: string): Promise<PrintedSource> {
  const article = (await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, publishedAt: null },
    select: ['title', 'titleGenerated'],
    populate: {
      source: true,
      figures: true,
      officials: { select: ['name'] },
      projects: { select: ['name'] },
      researchPlatforms: { select: ['name', 'nameGenerated'] },
    },
  })) as PrintedArticle | null;
  if (!article) throw new errors.NotFoundError(`No article ${documentId}`);
  return printedSource(article);
}
