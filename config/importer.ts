import type { Core } from '@strapi/strapi';

/**
 * The importer's own budgets, apart from the content API's.
 * - statementTimeoutMs: how long one SQL statement of a page's import may run on PostgreSQL.
 *   DATABASE_STATEMENT_TIMEOUT_MS (10 s) guards the server against runaway reads; an import is an
 *   editor's or operator's job, some of whose statements grow with the archive (the links of a
 *   frequent official), on a server that may be busy, and cancelling one rolls the whole page
 *   back. 0 means no limit.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  statementTimeoutMs: env.int('IMPORT_STATEMENT_TIMEOUT_MS', 600000),
});
