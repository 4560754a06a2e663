import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, type NewsroomUid } from '../content-types';
import { ARTICLE_RELATIONS } from '../importer';
import type { ENTITY_TYPES } from './inputs';
import { RELATION_OF } from './orphans';

type EntityType = (typeof ENTITY_TYPES)[number];

async function articleExists(strapi: Core.Strapi, documentId: string): Promise<void> {
  const count = await strapi.db.query(ARTICLE_UID).count({ where: { documentId, publishedAt: null } });
  if (count === 0) throw new errors.NotFoundError(`No article ${documentId}`);
}

/**
 * Removes a wrong official, project or platform from the article's draft. It is an editor's edit
 * of the article's links, so later imports of the page keep it removed, as they keep any edit.
 */
export async function unlink(
  strapi: Core.Strapi,
  documentId: string,
  type: EntityType,
  entityDocumentId: string,
): Promise<{ unlinked: string }> {
  await articleExists(strapi, documentId);
  const relation = RELATION_OF[type];
  const article = (await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, publishedAt: null },
    select: ['id'],
    populate: { [relation]: { select: ['documentId', 'name'] } },
  })) as Record<string, Array<{ documentId: string; name: string }>>;
  const linked = article[relation].find((entity) => entity.documentId === entityDocumentId);
  if (!linked) throw new errors.NotFoundError(`The article links no ${type} ${entityDocumentId}`);
  await strapi.documents(ARTICLE_UID).update({ documentId, data: { [relation]: { disconnect: [entityDocumentId] } } as never });
  return { unlinked: linked.name };
}

/**
 * Links a name the editor selected in the printed text: the entry of that name if there is one,
 * otherwise a new draft entry. An editor's addition, kept by later imports like the unlink.
 */
export async function link(
  strapi: Core.Strapi,
  documentId: string,
  type: EntityType,
  name: string,
): Promise<{ linked: { documentId: string; name: string }; created: boolean }> {
  await articleExists(strapi, documentId);
  const uid = ARTICLE_RELATIONS[RELATION_OF[type]].uid as NewsroomUid;
  const existing = (await strapi.db.query(uid).findOne({
    where: { publishedAt: null, $or: [{ name }, { importKey: name }] },
    select: ['documentId', 'name'],
  })) as { documentId: string; name: string } | null;
  const entry = existing ?? { documentId: (await strapi.documents(uid).create({ data: { name } as never })).documentId, name };
  await strapi.documents(ARTICLE_UID).update({ documentId, data: { [RELATION_OF[type]]: { connect: [entry.documentId] } } as never });
  return { linked: entry, created: existing === null };
}
