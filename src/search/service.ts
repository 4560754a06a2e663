import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { z } from 'zod';
import { parseQueryParams } from '../limits/query-params';
import { entryOf, INDEXED_FIELDS, isSearchable, SEARCHABLE, type EntryKind, type SearchableUid } from './entry';
import { highlightAll, snippet } from './highlight';
import { normalizeText, runsOf } from './normalize';
import { searchStoreFor, type SearchStore } from './store';

export const SEARCH_LIMITS = {
  maxQueryLength: 100,
  /** Words (letter-and-digit runs) of one query; each is one more index condition. */
  maxQueryRuns: 8,
  maxPageSize: 50,
  defaultPageSize: 10,
  /** Results a client can page through: page × pageSize; deeper pages cost a sort of every match. */
  maxWindow: 1000,
  /** Officials, projects and platforms returned beside the articles, per type. */
  entitiesPerType: 10,
} as const;

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${name} must be a positive integer`)
    .transform(Number)
    .refine((n) => n >= 1, `${name} must be a positive integer`);

export const SearchParamsSchema = z
  .object({
    q: z
      .string({ error: 'q is required: the text to search for' })
      .trim()
      .min(1, 'q is required: the text to search for')
      .max(SEARCH_LIMITS.maxQueryLength, `q is at most ${SEARCH_LIMITS.maxQueryLength} characters`),
    page: positiveInt('page').default(1),
    pageSize: positiveInt('pageSize')
      .refine((n) => n <= SEARCH_LIMITS.maxPageSize, `pageSize is at most ${SEARCH_LIMITS.maxPageSize}`)
      .default(SEARCH_LIMITS.defaultPageSize),
  })
  .strict()
  .refine((params) => params.page * params.pageSize <= SEARCH_LIMITS.maxWindow, {
    message: `Only the first ${SEARCH_LIMITS.maxWindow} results can be paged through: narrow the query`,
    path: ['page'],
  });

export type SearchParams = z.output<typeof SearchParamsSchema>;

/** Validates raw parameters (a query string or GraphQL arguments) into a SearchParams, or a 400. */
export function parseSearchParams(raw: unknown): SearchParams {
  return parseQueryParams(SearchParamsSchema, raw);
}

function queryRuns(q: string): string[] {
  const runs = [...new Set(runsOf(normalizeText(q)))];
  if (runs.length === 0) throw new errors.ValidationError('q has no letters or digits to search for', { source: 'query', param: 'q' });
  if (runs.length > SEARCH_LIMITS.maxQueryRuns) {
    throw new errors.ValidationError(`q has at most ${SEARCH_LIMITS.maxQueryRuns} words`, { source: 'query', param: 'q' });
  }
  return runs;
}

function storeOf(strapi: Core.Strapi): SearchStore {
  const store = searchStoreFor(strapi.db.dialect.client);
  if (!store) throw new errors.NotImplementedError(`Search needs SQLite or PostgreSQL, not ${strapi.db.dialect.client}`);
  return store;
}

/** Runs work on the current transaction when there is one (an import's), else on a new one. */
function inTransaction<T>(strapi: Core.Strapi, work: (db: Knex) => Promise<T>): Promise<T> {
  return strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;
}

/**
 * Brings these documents' entries in step with their published versions: written where there is
 * one, removed where not (unpublished, deleted, or a draft that was never published).
 */
export async function syncDocuments(strapi: Core.Strapi, uid: SearchableUid, documentIds: string[]): Promise<void> {
  const store = searchStoreFor(strapi.db.dialect.client);
  if (!store || documentIds.length === 0) return;
  // By the query engine, unordered: the Document Service sorts by id under a limit, and PostgreSQL
  // then walked the primary key of a large archive instead of looking the few documents up.
  const published = (await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    select: ['documentId', ...INDEXED_FIELDS[uid]],
  })) as Array<Record<string, unknown>>;
  const byDocument = new Map(published.map((document) => [String(document.documentId), document]));
  const unpublished = [...new Set(documentIds)].filter((documentId) => !byDocument.has(documentId));
  await inTransaction(strapi, async (db) => {
    await store.upsert(db, published.map((document) => entryOf(uid, document)));
    await store.remove(db, SEARCHABLE[uid], unpublished);
  });
}

/** Documents indexed between two turns of the event loop while an import's page commits. */
const IMPORTED_PER_TURN = 50;

/** An import's published documents (src/importer/hooks.ts), in its transaction, a batch a turn. */
export async function syncImported(strapi: Core.Strapi, documents: ReadonlyArray<{ uid: string; documentId: string }>): Promise<void> {
  const byType = new Map<SearchableUid, string[]>();
  for (const { uid, documentId } of documents) {
    if (!isSearchable(uid)) continue;
    byType.set(uid, [...(byType.get(uid) ?? []), documentId]);
  }
  for (const [uid, documentIds] of byType) {
    for (let start = 0; start < documentIds.length; start += IMPORTED_PER_TURN) {
      await syncDocuments(strapi, uid, documentIds.slice(start, start + IMPORTED_PER_TURN));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

const REINDEX_BATCH = 200;

/** Empties the index and writes every published document again; returns the entries written. */
export async function reindex(strapi: Core.Strapi): Promise<number> {
  const store = storeOf(strapi);
  return inTransaction(strapi, async (db) => {
    await store.clear(db);
    let written = 0;
    for (const uid of Object.keys(SEARCHABLE) as SearchableUid[]) {
      for (let start = 0; ; start += REINDEX_BATCH) {
        const batch = await strapi.documents(uid).findMany({
          status: 'published', fields: INDEXED_FIELDS[uid] as never, sort: 'id', start, limit: REINDEX_BATCH,
        });
        await store.upsert(db, batch.map((document) => entryOf(uid, document as Record<string, unknown>)));
        written += batch.length;
        if (batch.length < REINDEX_BATCH) break;
      }
    }
    await store.afterRebuild(db);
    return written;
  });
}

/** Fills an empty index from the published content, e.g. on the first start after the migration. */
export async function fillEmptyIndex(strapi: Core.Strapi): Promise<void> {
  const store = searchStoreFor(strapi.db.dialect.client);
  if (!store || (await store.count(strapi.db.connection)) > 0) return;
  for (const uid of Object.keys(SEARCHABLE) as SearchableUid[]) {
    if ((await strapi.documents(uid).count({ status: 'published' })) > 0) {
      await reindex(strapi);
      return;
    }
  }
}

export interface ArticleHit {
  documentId: string;
  title: string;
  subtitle: string | null;
  issueDate: string | null;
  page: string | null;
  /** The title, HTML-escaped, hits in <mark>. */
  titleHighlight: string;
  /** A stretch of the body around the first hit, HTML-escaped, hits in <mark>. */
  snippet: string;
}

export interface EntityHit {
  documentId: string;
  name: string;
  nameHighlight: string;
}

export interface SearchResult {
  articles: ArticleHit[];
  officials: EntityHit[];
  projects: EntityHit[];
  researchPlatforms: EntityHit[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

const ENTITY_GROUPS: Array<[Exclude<keyof SearchResult, 'articles' | 'pagination'>, EntryKind]> = [
  ['officials', 'official'],
  ['projects', 'project'],
  ['researchPlatforms', 'research-platform'],
];

/** Published articles matching every word of q, best first, and the entities whose names match. */
export async function search(strapi: Core.Strapi, params: SearchParams): Promise<SearchResult> {
  const store = storeOf(strapi);
  const runs = queryRuns(params.q);
  const db = strapi.db.connection;
  const { page, pageSize } = params;
  const articles = await store.search(db, { runs, scope: 'articles', limit: pageSize, offset: (page - 1) * pageSize });
  const result: SearchResult = {
    articles: articles.rows.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      subtitle: row.subtitle,
      issueDate: row.issueDate,
      page: row.page,
      titleHighlight: highlightAll(row.title, runs),
      snippet: snippet(row.body, runs),
    })),
    officials: [],
    projects: [],
    researchPlatforms: [],
    pagination: { page, pageSize, pageCount: Math.ceil(articles.total / pageSize), total: articles.total },
  };
  for (const [group, kind] of ENTITY_GROUPS) {
    const { rows } = await store.search(db, { runs, scope: kind, limit: SEARCH_LIMITS.entitiesPerType, offset: 0 });
    result[group] = rows.map((row) => ({ documentId: row.documentId, name: row.title, nameHighlight: highlightAll(row.title, runs) }));
  }
  return result;
}

/** Published articles whose indexed text matches, at most `limit` of them, best first. */
export async function matchingArticleIds(strapi: Core.Strapi, q: string, limit: number): Promise<string[]> {
  const { rows } = await storeOf(strapi).search(strapi.db.connection, { runs: queryRuns(q), scope: 'articles', limit, offset: 0 });
  return rows.map((row) => row.documentId);
}
