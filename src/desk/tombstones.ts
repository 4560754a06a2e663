import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TOMBSTONE_UID } from '../content-types';
import { restoreDeletedArticle, type RestoredArticle } from '../importer';

export interface DeletedArticle {
  documentId: string;
  sourceKey: string;
  title: string | null;
  fileName: string | null;
  createdAt: string;
}

const FIELDS = ['documentId', 'sourceKey', 'title', 'fileName', 'createdAt'];
const LISTED = 100;

/** The articles editors deleted, newest first: imports of their pages leave them deleted. */
export async function deletedArticles(strapi: Core.Strapi): Promise<DeletedArticle[]> {
  return (await strapi.db
    .query(TOMBSTONE_UID)
    .findMany({ select: FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: LISTED })) as DeletedArticle[];
}

/**
 * Restores one deleted article at once, as it was, from what its tombstone kept (the page's other
 * deleted articles stay deleted); a tombstone from before articles were kept on it lets the next
 * import of its page create the article again.
 */
export async function restoreDeleted(strapi: Core.Strapi, documentId: string): Promise<DeletedArticle & { restored: RestoredArticle | null }> {
  const tombstone = (await strapi.db.query(TOMBSTONE_UID).findOne({ where: { documentId }, select: FIELDS })) as DeletedArticle | null;
  if (!tombstone) throw new errors.NotFoundError(`No deleted article ${documentId}`);
  return { ...tombstone, restored: await restoreDeletedArticle(strapi, documentId) };
}
