import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TOMBSTONE_UID } from '../content-types';
import { forgetDeleted } from '../importer';

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
 * Restores one deleted article: its tombstone goes, so the next import of its page creates it
 * again (the page's other deleted articles stay deleted). The article's text lives in the page,
 * not in the tombstone, hence the import.
 */
export async function restoreDeleted(strapi: Core.Strapi, documentId: string): Promise<DeletedArticle> {
  const tombstone = (await strapi.db.query(TOMBSTONE_UID).findOne({ where: { documentId }, select: FIELDS })) as DeletedArticle | null;
  if (!tombstone) throw new errors.NotFoundError(`No deleted article ${documentId}`);
  await forgetDeleted(strapi, [tombstone.sourceKey]);
  return tombstone;
}
