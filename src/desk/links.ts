import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, type NewsroomUid } from '../content-types';
import { ARTICLE_RELATIONS, besideSelectedName, type BesideName, type SelectedKind } from '../importer';
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

const SELECTED_KIND: Record<EntityType, SelectedKind> = {
  officials: 'official',
  projects: 'project',
  'research-platforms': 'researchPlatform',
};

/** A new entry's fields from what is printed beside its name: an official's posts, a project's stage, a platform's kind. */
function fieldsBeside(beside: BesideName, issueDate: string | null): Record<string, unknown> {
  if ('titles' in beside) return { posts: beside.titles.map((title) => ({ title, firstSeen: issueDate, lastSeen: issueDate })) };
  if ('stage' in beside) return { stage: beside.stage };
  return { kind: beside.kind };
}

/**
 * Links a name the editor selected in the printed text: the entry of that name if there is one,
 * otherwise a new draft entry with what the print says beside the name (`beside`). An editor's
 * addition, kept by later imports like the unlink.
 */
export async function link(
  strapi: Core.Strapi,
  documentId: string,
  type: EntityType,
  name: string,
): Promise<{ linked: { documentId: string; name: string }; created: boolean; beside: BesideName | null }> {
  const article = (await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, publishedAt: null },
    select: ['issueDate'],
    populate: { source: { select: ['rawText'] } },
  })) as { issueDate: string | null; source: { rawText: string | null } | null } | null;
  if (!article) throw new errors.NotFoundError(`No article ${documentId}`);
  const uid = ARTICLE_RELATIONS[RELATION_OF[type]].uid as NewsroomUid;
  const existing = (await strapi.db.query(uid).findOne({
    where: { publishedAt: null, $or: [{ name }, { importKey: name }] },
    select: ['documentId', 'name'],
  })) as { documentId: string; name: string } | null;
  const beside = existing ? null : besideSelectedName(article.source?.rawText ?? '', SELECTED_KIND[type], name);
  const entry = existing ?? {
    documentId: (await strapi.documents(uid).create({ data: { name, ...fieldsBeside(beside!, article.issueDate) } as never })).documentId,
    name,
  };
  await strapi.documents(ARTICLE_UID).update({ documentId, data: { [RELATION_OF[type]]: { connect: [entry.documentId] } } as never });
  return { linked: entry, created: existing === null, beside };
}
