import type { Knex } from 'knex';
import type { EntryKind, SearchEntry } from './entry';
import { gramSet, gramText, normalizeText, requiredGrams } from './normalize';

/**
 * The search tables of database/migrations/…search-index.js, one implementation per database.
 * Every query goes through an index (FTS5 on SQLite, the GIN array on PostgreSQL); the substring
 * check and ranking on PostgreSQL only read the rows the index returned.
 */
/** A stored entry, as a search reads it back. */
export type SearchHitRow = SearchEntry;

export interface SearchQuery {
  /** Normalized letter-and-digit runs of the query; a document must contain every one. */
  runs: string[];
  /** Articles, or entities (officials, projects, platforms) matched by name. */
  scope: 'articles' | EntryKind;
  limit: number;
  offset: number;
}

export interface SearchStore {
  /** Writes these entries, replacing what the index held for their documents. */
  upsert(db: Knex, entries: SearchEntry[]): Promise<void>;
  remove(db: Knex, kind: EntryKind, documentIds: string[]): Promise<void>;
  clear(db: Knex): Promise<void>;
  count(db: Knex): Promise<number>;
  search(db: Knex, query: SearchQuery): Promise<{ rows: SearchHitRow[]; total: number }>;
  /** After a rebuild: the index merged (SQLite) or the planner's statistics refreshed (PostgreSQL). */
  afterRebuild(db: Knex): Promise<void>;
}

const ENTRIES = 'search_entries';
const COLUMNS = ['id', 'kind', 'document_id', 'title', 'subtitle', 'body', 'issue_date', 'page'];

/** On SQLite, where bm25 ranks: title matches count ten times a body match. */
const TITLE_WEIGHT = 10;

function rowOf(row: Record<string, unknown>): SearchHitRow {
  const date = row.issue_date;
  return {
    kind: row.kind as EntryKind,
    documentId: String(row.document_id),
    title: String(row.title),
    subtitle: (row.subtitle as string | null) ?? null,
    body: String(row.body ?? ''),
    // PostgreSQL hands back a Date at local midnight, SQLite the stored text.
    issueDate: date instanceof Date ? localDate(date) : ((date as string | null) ?? null),
    page: (row.page as string | null) ?? null,
  };
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function baseColumns(entry: SearchEntry) {
  return {
    kind: entry.kind,
    document_id: entry.documentId,
    title: entry.title,
    subtitle: entry.subtitle,
    body: entry.body,
    issue_date: entry.issueDate,
    page: entry.page,
  };
}

function titleText(entry: SearchEntry): string {
  return entry.subtitle ? `${entry.title}\n${entry.subtitle}` : entry.title;
}

/**
 * An FTS5 query of plain data: each run is the phrase of its character pairs (`"郑州 州市"`), a
 * one-character run a prefix (`"郑"*`, which also matches a run's last character, indexed alone).
 * Runs hold letters and digits only, so nothing in them is FTS5 syntax.
 */
function ftsExpression(runs: string[], titleOnly: boolean): string {
  const phrases = runs.map((run) => {
    const chars = Array.from(run);
    if (chars.length === 1) return `"${run}"*`;
    const pairs: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
    return `"${pairs.join(' ')}"`;
  });
  const columns = titleOnly ? '{title_grams}' : '{title_grams body_grams}';
  return `${columns}: (${phrases.join(' AND ')})`;
}

/** Entries of several kinds, grouped so each kind is removed in one statement. */
function documentIdsByKind(entries: SearchEntry[]): Map<EntryKind, string[]> {
  const byKind = new Map<EntryKind, string[]>();
  for (const entry of entries) {
    const documentIds = byKind.get(entry.kind) ?? [];
    documentIds.push(entry.documentId);
    byKind.set(entry.kind, documentIds);
  }
  return byKind;
}

/** Keeps a multi-row statement under SQLite's limit of bound parameters. */
const SQLITE_ROWS_PER_INSERT = 100;

const sqliteStore: SearchStore = {
  async upsert(db, entries) {
    for (const [kind, documentIds] of documentIdsByKind(entries)) await this.remove(db, kind, documentIds);
    for (let start = 0; start < entries.length; start += SQLITE_ROWS_PER_INSERT) {
      const chunk = entries.slice(start, start + SQLITE_ROWS_PER_INSERT);
      const inserted = (await db(ENTRIES).insert(chunk.map(baseColumns)).returning('id')) as Array<{ id: number } | number>;
      // One statement's ids ascend in the order of its rows.
      const ids = inserted.map((row) => Number(typeof row === 'object' ? row.id : row)).sort((a, b) => a - b);
      const grams = chunk.flatMap((entry, index) => [ids[index], gramText(titleText(entry)), gramText(entry.body)]);
      await db.raw(`INSERT INTO search_grams (rowid, title_grams, body_grams) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, grams);
    }
  },

  async remove(db, kind, documentIds) {
    if (documentIds.length === 0) return;
    const ids = (await db(ENTRIES).select('id').where({ kind }).whereIn('document_id', documentIds)).map((row: { id: number }) => row.id);
    if (ids.length === 0) return;
    await db.raw(`DELETE FROM search_grams WHERE rowid IN (${ids.map(() => '?').join(', ')})`, ids);
    await db(ENTRIES).whereIn('id', ids).delete();
  },

  async clear(db) {
    await db.raw('DELETE FROM search_grams');
    await db(ENTRIES).delete();
  },

  async count(db) {
    const [{ total }] = await db(ENTRIES).count({ total: '*' });
    return Number(total);
  },

  async search(db, { runs, scope, limit, offset }) {
    const match = ftsExpression(runs, scope !== 'articles');
    const kind = scope === 'articles' ? 'article' : scope;
    const matching = () =>
      db('search_grams')
        .join(`${ENTRIES} as e`, 'e.id', 'search_grams.rowid')
        .whereRaw('search_grams MATCH ?', [match])
        .andWhere('e.kind', kind);
    const [{ total }] = await matching().count({ total: '*' });
    const rows = await matching()
      .select(COLUMNS.map((column) => `e.${column}`))
      // bm25 is smaller for better matches; the newer issue first among equals.
      .orderByRaw(`bm25(search_grams, ${TITLE_WEIGHT}.0, 1.0), e.issue_date DESC, e.id DESC`)
      .limit(limit)
      .offset(offset);
    return { rows: rows.map(rowOf), total: Number(total) };
  },

  async afterRebuild(db) {
    await db.raw("INSERT INTO search_grams (search_grams) VALUES ('optimize')");
  },
};

const postgresStore: SearchStore = {
  async upsert(db, entries) {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => {
      const title = titleText(entry);
      return {
        ...baseColumns(entry),
        norm_title: normalizeText(title),
        norm_body: normalizeText(entry.body),
        // Lexemes as they are: array_to_tsvector applies no parser, stemming or stop words.
        grams: db.raw('array_to_tsvector(?::text[])', [gramSet(`${title}\n${entry.body}`)]),
      };
    });
    await db(ENTRIES).insert(rows).onConflict(['kind', 'document_id']).merge();
  },

  async remove(db, kind, documentIds) {
    if (documentIds.length > 0) await db(ENTRIES).where({ kind }).whereIn('document_id', documentIds).delete();
  },

  async clear(db) {
    await db(ENTRIES).delete();
  },

  async count(db) {
    const [{ total }] = await db(ENTRIES).count({ total: '*' });
    return Number(total);
  },

  async search(db, { runs, scope, limit, offset }) {
    const kind = scope === 'articles' ? 'article' : scope;
    const grams = [...new Set(runs.flatMap(requiredGrams))];
    const matching = () => {
      // Grams hold letters and digits only, so quoting each makes a tsquery of plain lexemes.
      const lexemes = grams.map((gram) => `'${gram}'`).join(' & ');
      const query = db(ENTRIES).where('kind', kind).whereRaw('grams @@ ?::tsquery', [lexemes]);
      for (const run of runs) {
        // A run of one or two characters is one indexed gram: the index answered it exactly.
        // Longer runs need their pairs next to each other, which only the text can tell.
        if (Array.from(run).length <= 2) continue;
        query.andWhere((inner) => {
          inner.whereRaw('strpos(norm_title, ?) > 0', [run]);
          if (scope === 'articles') inner.orWhereRaw('strpos(norm_body, ?) > 0', [run]);
        });
      }
      return query;
    };
    const [{ total }] = await matching().count({ total: '*' });
    // Words found in the title first, then the newest issue: reading every matching body to
    // count occurrences costs more than the whole index lookup when a word is common.
    const titleHits = runs.map(() => '(strpos(norm_title, ?) > 0)::int').join(' + ');
    const rows = await matching()
      .select(COLUMNS)
      .orderByRaw(`${titleHits} DESC, issue_date DESC NULLS LAST, id DESC`, runs)
      .limit(limit)
      .offset(offset);
    return { rows: rows.map(rowOf), total: Number(total) };
  },

  async afterRebuild(db) {
    await db.raw('ANALYZE search_entries');
  },
};

export function searchStoreFor(dialect: string): SearchStore | undefined {
  if (dialect === 'sqlite') return sqliteStore;
  if (dialect === 'postgres') return postgresStore;
  return undefined;
}
