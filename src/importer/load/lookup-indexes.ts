import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, ENTITY_ALIAS_UID, OFFICIAL_UID, PAGE_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, TOMBSTONE_UID } from '../../content-types';

/**
 * The columns the importer looks documents up by, page after page: natural keys, names,
 * deletions and merged spellings. Strapi indexes none of them (`unique` in a schema is checked
 * by the application, not the database), so each page's lookups scanned whole tables and an
 * archive's import time grew with the square of its size.
 */
export const LOOKUP_COLUMNS: ReadonlyArray<readonly [uid: string, attribute: string]> = [
  [ARTICLE_UID, 'sourceKey'],
  [OFFICIAL_UID, 'importKey'],
  [OFFICIAL_UID, 'name'],
  [PROJECT_UID, 'importKey'],
  [PROJECT_UID, 'name'],
  [RESEARCH_PLATFORM_UID, 'importKey'],
  [RESEARCH_PLATFORM_UID, 'name'],
  [PAGE_UID, 'fileName'],
  [TOMBSTONE_UID, 'sourceKey'],
  [ENTITY_ALIAS_UID, 'name'],
];

interface TableMeta {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
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
  for (const [uid, attribute] of LOOKUP_COLUMNS) {
    const meta = strapi.db.metadata.get(uid as never) as unknown as TableMeta;
    const column = meta.attributes[attribute]?.columnName;
    if (!column) throw new Error(`${uid} has no column for ${attribute} to index`);
    const name = `${meta.tableName}_${column}_lookup`;
    if (await hasIndex(strapi, meta.tableName, name)) continue;
    try {
      await strapi.db.connection.schema.alterTable(meta.tableName, (table) => {
        table.index([column], name);
      });
    } catch (error) {
      // Another instance starting at the same time may have created it first.
      if (!(await hasIndex(strapi, meta.tableName, name))) throw error;
    }
  }
}
