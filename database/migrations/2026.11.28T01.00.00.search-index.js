'use strict';

/**
 * The search index (src/search/): one row per published article, official, project and research
 * platform in `search_entries`, and the index that finds them by any substring of one or more
 * characters. Strapi's schema sync leaves these tables alone (they are no content type's).
 *
 * - SQLite: an FTS5 table `search_grams` whose rowid is the entry's id, holding the text as
 *   character pairs (src/search/normalize.ts); the `ascii` tokenizer splits on spaces only,
 *   so every pair is one token and a query is a phrase of pairs.
 * - PostgreSQL: every character and character pair of the entry as the lexemes of a GIN-indexed
 *   tsvector (built from the list, never by a text-search parser; pg_trgm cannot serve one- and
 *   two-character queries), with the normalized text beside it for the substring check of longer
 *   words and the ranking.
 *
 * The bootstrap fills the index when it is empty and published content exists, so a database
 * filled before this migration becomes searchable on its first start.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('search_entries')) return;
    const client = knex.client.config.client;
    const postgres = client === 'postgres' || client === 'pg';

    await knex.schema.createTable('search_entries', (table) => {
      table.increments('id');
      table.string('kind', 32).notNullable();
      table.string('document_id', 64).notNullable();
      table.text('title').notNullable();
      table.text('subtitle');
      table.text('body').notNullable();
      table.date('issue_date');
      table.string('page', 32);
      table.unique(['kind', 'document_id']);
      if (postgres) {
        table.text('norm_title').notNullable();
        table.text('norm_body').notNullable();
        table.specificType('grams', 'tsvector').notNullable();
      }
    });

    if (postgres) {
      await knex.raw('CREATE INDEX search_entries_grams ON search_entries USING GIN (grams)');
      await knex.raw('CREATE INDEX search_entries_kind_issue_date ON search_entries (kind, issue_date)');
    } else if (client === 'sqlite' || client === 'better-sqlite3') {
      await knex.raw("CREATE VIRTUAL TABLE search_grams USING fts5(title_grams, body_grams, tokenize = 'ascii')");
    }
    // Other databases (MySQL is configured but untested) get no index; search answers 501 there.
  },
};
