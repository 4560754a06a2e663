import type { Core } from '@strapi/strapi';
import { storageLayout } from '../../strapi-rows';
import { ARTICLE_UID, ENTITY_ALIAS_UID, ENTITY_CONTRIBUTION_UID, OFFICIAL_UID, PAGE_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, TOMBSTONE_UID } from '../../content-types';

/**
 * The columns the importer looks documents up by, page after page: natural keys, names,
 * deletions and merged spellings. Strapi indexes none of them (`unique` in a schema is checked
 * by the application, not the database), so each page's lookups scanned whole tables and an
 * archive's import time grew with the square of its size.
 */
const LOOKUP_COLUMNS: ReadonlyArray<readonly [uid: string, attributes: readonly string[]]> = [
  [ARTICLE_UID, ['sourceKey']],
  [OFFICIAL_UID, ['importKey']],
  [OFFICIAL_UID, ['name']],
  [PROJECT_UID, ['importKey']],
  [PROJECT_UID, ['name']],
  [RESEARCH_PLATFORM_UID, ['importKey']],
  [RESEARCH_PLATFORM_UID, ['name']],
  [PAGE_UID, ['fileName']],
  [TOMBSTONE_UID, ['sourceKey']],
  [ENTITY_ALIAS_UID, ['name']],
  // A page's say is found by its articles, an entity's by its type and key.
  [ENTITY_CONTRIBUTION_UID, ['articleKey']],
  [ENTITY_CONTRIBUTION_UID, ['entityType', 'entityKey']],
];

/**
 * Links the importer appends to: a new article goes last in each linked entity's list, found as
 * the largest order among the entity's links. Strapi indexes the entity column and the order
 * column apart, so that maximum read every link of a frequent official; one index on both makes
 * it a single step.
 */
const APPENDED_RELATIONS: ReadonlyArray<readonly [uid: string, attribute: string]> = [
  [ARTICLE_UID, 'officials'],
  [ARTICLE_UID, 'projects'],
  [ARTICLE_UID, 'researchPlatforms'],
  [ARTICLE_UID, 'sourcePage'],
];

export interface LookupIndex {
  table: string;
  columns: string[];
  name: string;
}

/** Every index the importer needs, named after its table and columns. */
export function lookupIndexes(strapi: Core.Strapi): LookupIndex[] {
  const layout = storageLayout(strapi);
  const named = (table: string, columns: string[]): LookupIndex => ({ table, columns, name: `${table}_${columns.join('_')}_lookup` });
  const byColumn = LOOKUP_COLUMNS.map(([uid, attributes]) => {
    const document = layout.document(uid);
    return named(document.table, attributes.map((attribute) => document.column(attribute)));
  });
  const byLastLink = APPENDED_RELATIONS.map(([uid, attribute]) => {
    const link = layout.link(uid, attribute);
    if (!link.targetOrderColumn) throw new Error(`${uid}.${attribute} has no ordered join table to index`);
    return named(link.name, [link.targetColumn, link.targetOrderColumn]);
  });
  return [...byColumn, ...byLastLink];
}

export async function hasIndex(strapi: Core.Strapi, table: string, name: string): Promise<boolean> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'postgres') return (await knex('pg_indexes').where({ tablename: table, indexname: name }).first()) !== undefined;
  if (client === 'sqlite') return (await knex('sqlite_master').where({ type: 'index', tbl_name: table, name }).first()) !== undefined;
  return (await knex('information_schema.statistics').whereRaw('table_schema = database()').andWhere({ table_name: table, index_name: name }).first()) !== undefined;
}

/**
 * Adds the lookup indexes Strapi's schema sync does not know about (so it leaves them alone), on
 * every start: after the sync, so the tables exist even on a fresh database.
 */
export async function ensureLookupIndexes(strapi: Core.Strapi): Promise<void> {
  for (const { table, columns, name } of lookupIndexes(strapi)) {
    if (await hasIndex(strapi, table, name)) continue;
    try {
      await strapi.db.connection.schema.alterTable(table, (builder) => {
        builder.index(columns, name);
      });
    } catch (error) {
      // Another instance starting at the same time may have created it first.
      if (!(await hasIndex(strapi, table, name))) throw error;
    }
  }
}
