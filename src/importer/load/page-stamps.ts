import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { storageLayout } from '../../strapi-rows';
import { ARTICLE_SPEC, ARTICLE_RELATIONS, PAGE_SPEC } from '../plan/records';
import type { PageMeta } from '../plan/desired';

/**
 * A stamp per page file: what the importer read (the file's checksum, the issue date and page
 * it was given, the rules it ran with, whether it published) and the state it left the page's
 * documents in. A page whose stamp still matches on all of it would plan to write nothing, so
 * the importer skips it without extracting or planning. Anything an editor did to the page's
 * documents since (an edit, a deletion, publishing or unpublishing, an unlinked entity) changes
 * the state and the page is planned in full again, by the rules that respect the editor's work.
 * The table is the importer's cache, never the truth: without it every page is simply planned.
 */
const STAMP_TABLE = 'newsroom_import_stamps';

type Knex = Core.Strapi['db']['connection'];

export interface PageRun {
  fileName: string;
  sha256: string;
  meta: PageMeta;
  publish: boolean;
  rules: string;
  /** Editors' merges and deletions, which change what the rules make of the same text. */
  curation: string;
}

/** Everything but the state: what the importer was asked to do with which text. */
function runKey(run: PageRun): string {
  const { fileName, sha256, meta, publish, rules, curation } = run;
  const stable = JSON.stringify([fileName, sha256, meta.issueDate, meta.page, publish, rules, curation]);
  return createHash('sha256').update(stable).digest('hex');
}

async function ensureStampTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(STAMP_TABLE)) return;
  try {
    await knex.schema.createTable(STAMP_TABLE, (table) => {
      table.string('file_name', 512).primary();
      table.integer('page_row_id').notNullable();
      table.string('run_key', 64).notNullable();
      table.string('state', 64).notNullable();
      table.text('report').notNullable();
    });
  } catch (error) {
    // Two importers creating it at once: one of them wins, which is all that is needed.
    if (!(await knex.schema.hasTable(STAMP_TABLE))) throw error;
  }
}

const linkTableOf = (strapi: Core.Strapi, relation: string) => storageLayout(strapi).link(ARTICLE_SPEC.uid, relation);

/**
 * How many entities each article links through `relation`, counted on the link table by its
 * indexed article column (the query engine's populate count joins the whole target table).
 */
async function linksPerArticle(strapi: Core.Strapi, knex: Knex, relation: string, articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const link = linkTableOf(strapi, relation);
  const column = link.ownerColumn;
  const rows = (await knex(link.name).whereIn(column, articleIds).groupBy(column).select(column).count({ links: '*' })) as Array<Record<string, unknown>>;
  return new Map(rows.map((row) => [Number(row[column]), Number(row.links)]));
}

/**
 * A digest of the page's record and of every version of its articles: when each was last
 * written and how many entities each links. Every lookup goes by primary key or an indexed link
 * column, so checking a page costs the same in an archive of any size. `knex` is the import's
 * transaction while stamping, so it sees the import's own uncommitted writes, as the query
 * engine does there.
 */
async function pageState(strapi: Core.Strapi, knex: Knex, pageRowId: number, fileName: string): Promise<string | null> {
  const page = (await strapi.db.query(PAGE_SPEC.uid).findOne({
    where: { id: pageRowId },
    select: ['id', 'documentId', 'fileName', 'sha256', 'updatedAt'],
  })) as { fileName: string } | null;
  if (!page || page.fileName !== fileName) return null;

  const link = linkTableOf(strapi, 'sourcePage');
  const linked = (await knex(link.name).where(link.targetColumn, pageRowId).select(link.ownerColumn)) as Array<Record<string, number>>;
  const ids = linked.map((row) => Number(row[link.ownerColumn]));
  const relations = Object.keys(ARTICLE_RELATIONS);
  const articles =
    ids.length === 0
      ? []
      : ((await strapi.db.query(ARTICLE_SPEC.uid).findMany({
          where: { id: { $in: ids } },
          select: ['id', 'documentId', 'publishedAt', 'updatedAt'],
          orderBy: { id: 'asc' },
        })) as Array<Record<string, unknown>>);
  const linkCounts: Array<Map<number, number>> = [];
  for (const relation of relations) linkCounts.push(await linksPerArticle(strapi, knex, relation, ids));
  const versions = articles.map((article) => [
    article.id,
    article.documentId,
    article.publishedAt,
    article.updatedAt,
    ...linkCounts.map((counts) => counts.get(Number(article.id)) ?? 0),
  ]);
  return createHash('sha256').update(JSON.stringify({ page, versions })).digest('hex');
}

interface StampRow {
  page_row_id: number;
  run_key: string;
  state: string;
  report: string;
}

/** The report of the run that stamped the page, if nothing has changed since. Needs `preparePageStamps`. */
export async function unchangedSinceStamp<Report>(strapi: Core.Strapi, run: PageRun): Promise<Report | null> {
  const knex = strapi.db.connection;
  const stamp = (await knex(STAMP_TABLE).where({ file_name: run.fileName }).first()) as StampRow | undefined;
  if (!stamp || stamp.run_key !== runKey(run)) return null;
  if (stamp.state !== (await pageState(strapi, knex, Number(stamp.page_row_id), run.fileName))) return null;
  return JSON.parse(stamp.report) as Report;
}

/** Records the run inside the import's transaction, after its writes, so both commit or neither. */
export async function stampPage(strapi: Core.Strapi, trx: Knex, run: PageRun, report: unknown): Promise<void> {
  const page = (await strapi.db.query(PAGE_SPEC.uid).findOne({ where: { fileName: run.fileName }, select: ['id'] })) as { id: number } | null;
  if (!page) return;
  const state = await pageState(strapi, trx, page.id, run.fileName);
  if (state === null) return;
  const row = { file_name: run.fileName, page_row_id: page.id, run_key: runKey(run), state, report: JSON.stringify(report) };
  await trx(STAMP_TABLE).insert(row).onConflict('file_name').merge();
}

/** Created before the import's transaction: PostgreSQL would otherwise roll the table back with a failed page. */
export async function preparePageStamps(strapi: Core.Strapi): Promise<void> {
  await ensureStampTable(strapi.db.connection);
}
