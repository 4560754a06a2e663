import type { Core } from '@strapi/strapi';

/**
 * The importer's own budgets, apart from the content API's.
 * - writer: `rows` writes Strapi's rows directly (on the Strapi versions it was verified on,
 *   otherwise the Document Service writes), `document-service` always writes through the
 *   Document Service (src/importer/load/writers.ts).
 * - statementTimeoutMs: how long one SQL statement of a page's import may run on PostgreSQL.
 *   DATABASE_STATEMENT_TIMEOUT_MS (10 s) guards the server against runaway reads; an import is an
 *   editor's or operator's job, some of whose statements grow with the archive (the links of a
 *   frequent official), on a server that may be busy, and cancelling one rolls the whole page
 *   back. 0 means no limit.
 * - desk: the editors' desk reads pages on a thread of its own (src/desk/page-reader.ts), so a
 *   large page never stops the server. At most `pagesAtOnce` pages are previewed or imported
 *   through it at once (more answer 429 with Retry-After), one page is read at a time, a page
 *   whose reading takes longer than `pageTimeoutMs` or more than `readerHeapMb` of memory fails
 *   alone with a message naming it.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  writer: env('IMPORT_WRITER', 'rows'),
  statementTimeoutMs: env.int('IMPORT_STATEMENT_TIMEOUT_MS', 600000),
  desk: {
    pagesAtOnce: env.int('DESK_PAGES_AT_ONCE', 4),
    pageTimeoutMs: env.int('DESK_PAGE_TIMEOUT_MS', 60000),
    readerHeapMb: env.int('DESK_READER_HEAP_MB', 512),
  },
});
