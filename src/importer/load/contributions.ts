import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { ENTITY_CONTRIBUTION_UID } from '../../content-types';
import type { Contribution, ContributionRow, TypeSpec } from '../plan/records';
import { nextTurnOfEventLoop } from '../event-loop';

/**
 * What each imported article said about each entity, one row per article and entity: the
 * importer's own record (src/api/entity-contribution). An entity's snapshot keeps only the
 * summary of it, so a page that names a frequent official reads and writes its own say, not
 * every say before it. Reads go through the query engine, which joins the import's transaction.
 */

type Said = Record<string, Contribution>;

const query = (strapi: Core.Strapi) => strapi.db.query(ENTITY_CONTRIBUTION_UID);

/** SQLite refuses statements with too many bound values; a few hundred rows per insert stay clear of it. */
const ROWS_PER_INSERT = 200;

/** One key for an entity of any type, as readArticlesSay groups by. */
export const entityId = (entityType: string, entityKey: string) => `${entityType}\u0000${entityKey}`;

export function entityOf(id: string): { entityType: string; entityKey: string } {
  const separator = id.indexOf('\u0000');
  return { entityType: id.slice(0, separator), entityKey: id.slice(separator + 1) };
}

interface StoredContribution extends ContributionRow {
  id: number;
}

function parsed(said: unknown): Contribution {
  return (typeof said === 'string' ? JSON.parse(said) : said) as Contribution;
}

/** What these articles said, by entity (see entityId) and article key. */
export async function readArticlesSay(strapi: Core.Strapi, articleKeys: readonly string[]): Promise<Map<string, Said>> {
  if (articleKeys.length === 0) return new Map();
  const rows = (await query(strapi).findMany({
    where: { articleKey: { $in: [...articleKeys] } },
    select: ['entityType', 'entityKey', 'articleKey', 'said'],
  })) as ContributionRow[];
  return sayByEntity(rows.map((row) => ({ ...row, said: parsed(row.said) })));
}

/** Rows grouped by entity (see entityId), each entity's say by article key. */
export function sayByEntity(rows: readonly ContributionRow[]): Map<string, Said> {
  const byEntity = new Map<string, Said>();
  for (const { entityType, entityKey, articleKey, said } of rows) {
    const id = entityId(entityType, entityKey);
    byEntity.set(id, { ...byEntity.get(id), [articleKey]: said });
  }
  return byEntity;
}

/** Everything said about these entities by articles other than `exceptArticleKeys`, by entity key. */
export async function readOthersSay(
  strapi: Core.Strapi,
  spec: TypeSpec,
  entityKeys: readonly string[],
  exceptArticleKeys: readonly string[],
): Promise<Map<string, Said>> {
  const byKey = new Map<string, Said>(entityKeys.map((key) => [key, {}]));
  if (entityKeys.length === 0) return byKey;
  const except = new Set(exceptArticleKeys);
  const rows = (await query(strapi).findMany({
    where: { entityType: spec.label, entityKey: { $in: [...entityKeys] } },
    select: ['entityKey', 'articleKey', 'said'],
  })) as ContributionRow[];
  for (const row of rows) {
    if (!except.has(row.articleKey)) (byKey.get(row.entityKey) as Said)[row.articleKey] = parsed(row.said);
  }
  return byKey;
}

export async function insertContributionRows(strapi: Core.Strapi, rows: readonly ContributionRow[]): Promise<void> {
  const now = new Date();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const data = rows
      .slice(start, start + ROWS_PER_INSERT)
      .map((row) => ({ ...row, documentId: createId(), createdAt: now, updatedAt: now }));
    await query(strapi).createMany({ data });
    await nextTurnOfEventLoop();
  }
}

/** How one page's import changes the contributions: set by the plan, written by the loader. */
export interface ContributionChange {
  /** Every article the page prints: what they said before is replaced by `rows`. */
  articleKeys: string[];
  rows: ContributionRow[];
  /** Entities created now: rows left by a deleted entry of the same name are not theirs. */
  createdEntities: Array<{ entityType: string; entityKey: string }>;
}

export async function writeContributions(strapi: Core.Strapi, change: ContributionChange): Promise<void> {
  const createdByType = new Map<string, string[]>();
  for (const { entityType, entityKey } of change.createdEntities)
    createdByType.set(entityType, [...(createdByType.get(entityType) ?? []), entityKey]);
  for (const [entityType, entityKeys] of createdByType) {
    await query(strapi).deleteMany({ where: { entityType, entityKey: { $in: entityKeys } } });
  }
  if (change.articleKeys.length > 0) await query(strapi).deleteMany({ where: { articleKey: { $in: change.articleKeys } } });
  await insertContributionRows(strapi, change.rows);
}

/** What a merge took from the merged entry's contributions, so that un-merging gives it back. */
export interface MovedContributions {
  /** What every article said about the merged entry, as it was. */
  taken: ContributionRow[];
  /** Articles that said nothing of the kept entry: their rows now speak of it, and only they. */
  movedArticleKeys: string[];
}

/**
 * A merge moves what articles said about the merged entry to the kept one. Where an article
 * named both, the kept entry's row stays: the next import of that page writes what both said.
 */
export async function moveContributions(strapi: Core.Strapi, spec: TypeSpec, fromKey: string, toKey: string): Promise<MovedContributions> {
  const rows = (await query(strapi).findMany({
    where: { entityType: spec.label, entityKey: { $in: [fromKey, toKey] } },
    select: ['id', 'entityType', 'entityKey', 'articleKey', 'said', 'confidence'],
  })) as StoredContribution[];
  const keptArticles = new Set(rows.filter((row) => row.entityKey === toKey).map((row) => row.articleKey));
  const moving = rows.filter((row) => row.entityKey === fromKey);
  const duplicate = moving.filter((row) => keptArticles.has(row.articleKey)).map((row) => row.id);
  if (duplicate.length > 0) await query(strapi).deleteMany({ where: { id: { $in: duplicate } } });
  const moved = moving.filter((row) => !keptArticles.has(row.articleKey));
  if (moved.length > 0) await query(strapi).updateMany({ where: { id: { $in: moved.map((row) => row.id) } }, data: { entityKey: toKey } });
  return {
    taken: moving.map(({ entityType, entityKey, articleKey, said, confidence }) => ({
      entityType,
      entityKey,
      articleKey,
      said: parsed(said),
      confidence: confidence === null ? null : Number(confidence),
    })),
    movedArticleKeys: moved.map((row) => row.articleKey),
  };
}

/** Un-merging: the kept entry gives back the rows it took, and the merged one has its own again. */
export async function restoreContributions(strapi: Core.Strapi, spec: TypeSpec, keptKey: string, moved: MovedContributions): Promise<void> {
  if (moved.movedArticleKeys.length > 0)
    await query(strapi).deleteMany({ where: { entityType: spec.label, entityKey: keptKey, articleKey: { $in: moved.movedArticleKeys } } });
  await insertContributionRows(strapi, moved.taken);
}
