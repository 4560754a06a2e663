import type { Core } from '@strapi/strapi';
import { legacyCredits, legacyPosts, datedContributions, upgradeSnapshot } from '../plan/legacy';
import { ARTICLE_SPEC, OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC, type TypeSpec } from '../plan/records';

/**
 * The second half of database/migrations/2026.11.28T00.00.00.json-lists-to-components.js: that
 * migration ran before Strapi's schema sync and copied the v1 JSON lists into this table; now
 * that the component tables exist, the lists become components, row by row (a published version
 * keeps its own list, its draft its own), import snapshots become version 2, and the table goes.
 * One transaction: an interrupted conversion leaves the table for the next start to try again.
 */
const HOLDING_TABLE = 'newsroom_held_json_lists';

interface StoredRow {
  id: number;
  documentId: string;
  publishedAt: unknown;
  updatedAt: unknown;
  sourceKey?: string | null;
  importSnapshot: unknown;
}

interface HeldList {
  table_name: string;
  row_id: number;
  items: string;
}

function parseList(items: string | undefined): unknown {
  if (items === undefined) return null;
  try {
    return JSON.parse(items);
  } catch {
    // A v1 JSON box could hold anything an editor typed; what is not a list converts to nothing.
    return null;
  }
}

async function rowsOf(strapi: Core.Strapi, spec: TypeSpec): Promise<StoredRow[]> {
  const select = ['id', 'documentId', 'publishedAt', 'updatedAt', 'importSnapshot', ...(spec === ARTICLE_SPEC ? ['sourceKey'] : [])];
  return (await strapi.db.query(spec.uid).findMany({ select, orderBy: { id: 'asc' } })) as StoredRow[];
}

/** What the v1 importer wrote as each article's issue date, by article key, to date contributions. */
function issueDates(articles: StoredRow[]): (articleKey: string) => string | null {
  const byKey = new Map<string, string | null>();
  for (const article of articles) {
    if (article.publishedAt !== null || !article.sourceKey) continue;
    const written = (article.importSnapshot as { written?: { issueDate?: unknown } } | null)?.written;
    byKey.set(article.sourceKey, typeof written?.issueDate === 'string' ? written.issueDate : null);
  }
  return (articleKey) => byKey.get(articleKey) ?? null;
}

/**
 * Writes a row's components and snapshot without touching its `updatedAt`: the admin tells a
 * draft with unpublished changes ("modified") by its being newer than the published version.
 */
async function writeRow(strapi: Core.Strapi, spec: TypeSpec, row: StoredRow, components: Record<string, unknown[]>, snapshot: unknown) {
  const query = strapi.db.query(spec.uid);
  const withItems = Object.fromEntries(Object.entries(components).filter(([, items]) => items.length > 0));
  if (Object.keys(withItems).length > 0) {
    const documents = strapi.documents(spec.uid) as unknown as {
      updateComponents(entry: { id: number }, data: Record<string, unknown>): Promise<Record<string, unknown>>;
    };
    const links = await documents.updateComponents({ id: row.id }, withItems);
    await query.update({ where: { id: row.id }, data: links });
  }
  // updateMany skips the timestamp lifecycle, so this also puts updatedAt back where it was.
  await query.updateMany({ where: { id: row.id }, data: { importSnapshot: snapshot, updatedAt: row.updatedAt } });
}

export async function convertHeldJsonLists(strapi: Core.Strapi): Promise<void> {
  if (!(await strapi.db.connection.schema.hasTable(HOLDING_TABLE))) return;

  await strapi.db.transaction(async ({ trx }) => {
    const held = (await trx(HOLDING_TABLE).select('table_name', 'row_id', 'items')) as HeldList[];
    const byRow = new Map(held.map((list) => [`${list.table_name}:${Number(list.row_id)}`, list.items]));
    const listOf = (table: string, id: number) => parseList(byRow.get(`${table}:${id}`));

    const articles = await rowsOf(strapi, ARTICLE_SPEC);
    const issueDateOf = issueDates(articles);

    for (const article of articles) {
      const credits = legacyCredits(listOf('articles', article.id));
      await writeRow(strapi, ARTICLE_SPEC, article, { credits }, upgradeSnapshot(ARTICLE_SPEC, article.importSnapshot, issueDateOf));
    }

    for (const official of await rowsOf(strapi, OFFICIAL_SPEC)) {
      const stored = official.importSnapshot as { version?: number; contributions?: Record<string, unknown> } | null;
      const contributions = stored?.version === 1 ? datedContributions(stored.contributions, issueDateOf) : {};
      const posts = legacyPosts(listOf('officials', official.id), contributions);
      await writeRow(strapi, OFFICIAL_SPEC, official, { posts }, upgradeSnapshot(OFFICIAL_SPEC, official.importSnapshot, issueDateOf));
    }

    for (const spec of [PROJECT_SPEC, RESEARCH_PLATFORM_SPEC]) {
      for (const row of await rowsOf(strapi, spec)) {
        const snapshot = upgradeSnapshot(spec, row.importSnapshot, issueDateOf);
        if (snapshot !== row.importSnapshot) await writeRow(strapi, spec, row, {}, snapshot);
      }
    }

    await trx.schema.dropTable(HOLDING_TABLE);
  });
  strapi.log.info('Converted the JSON lists of content model v1 into credits and posts');
}
