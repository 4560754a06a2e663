'use strict';

/**
 * Content model v2 turns two JSON lists into repeatable components: `articles.reporters` becomes
 * `credits` and `officials.titles` becomes `posts`.
 *
 * Strapi runs this before it syncs the schema, and the sync then drops the old columns and
 * creates the component tables. So this step only copies every stored list, row by row (draft
 * and published versions alike), into a holding table the sync leaves alone (it was never part
 * of Strapi's schema). On the first start after the sync, `convertHeldJsonLists`
 * (src/importer/startup/json-lists.ts) turns the held lists into components and drops the table.
 * A fresh database, or one already converted, has no old columns and gets no table.
 */
const HOLDING_TABLE = 'newsroom_held_json_lists';
const LISTS = [
  { table: 'articles', column: 'reporters' },
  { table: 'officials', column: 'titles' },
];
const ROWS_PER_INSERT = 100;

/** Through columnInfo: knex's hasColumn answers an array on SQLite. */
async function hasColumn(knex, table, column) {
  return (await knex.schema.hasTable(table)) && column in (await knex(table).columnInfo());
}

module.exports = {
  async up(knex) {
    const present = [];
    for (const list of LISTS) {
      if (await hasColumn(knex, list.table, list.column)) present.push(list);
    }
    if (present.length === 0) return;

    await knex.schema.createTable(HOLDING_TABLE, (table) => {
      table.increments('id');
      table.string('table_name', 64).notNullable();
      table.integer('row_id').notNullable();
      // The list as JSON text: SQLite stores it as text already, PostgreSQL hands back parsed jsonb.
      table.text('items').notNullable();
    });

    for (const { table, column } of present) {
      const rows = await knex(table).select('id', column).whereNotNull(column);
      const held = rows.map((row) => ({
        table_name: table,
        row_id: row.id,
        items: typeof row[column] === 'string' ? row[column] : JSON.stringify(row[column]),
      }));
      for (let start = 0; start < held.length; start += ROWS_PER_INSERT) {
        await knex(HOLDING_TABLE).insert(held.slice(start, start + ROWS_PER_INSERT));
      }
    }
  },
};
