import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { APP_ROOT, startTestApp, type TestApp } from '../helpers/strapi';
import type { Importer } from '../../src/importer/service';
import { ARTICLE_UID, OFFICIAL_UID, PAGE_UID, PROJECT_UID, RESEARCH_PLATFORM_UID } from '../../src/content-types';
import { createVersionWriter, type VersionWriter } from '../../src/importer/load/versions';
import { createDocumentServiceWriter } from '../../src/importer/load/writers';
import { storageLayout, type DocumentTable, type StorageLayout } from '../../src/strapi-rows';

/**
 * The row writer (src/importer/load/versions.ts) must leave exactly the rows the Document Service
 * leaves. The same documents are written and published once through each, then every row of the
 * types' main, component, component-join and link tables is compared, ids, documentIds and
 * timestamps aside: a row is named by its content, a link by the rows it joins. It fails the day
 * Strapi stores something differently from what the row writer does.
 */
type Knex = Core.Strapi['db']['connection'];
type Row = Record<string, unknown>;

const UIDS = [PAGE_UID, OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, ARTICLE_UID];
const SNAPSHOT = { writtenBy: 'row-equality test' };
const post = (title: string) => ({ title, firstSeen: '2023-02-07', lastSeen: '2023-03-01' });

/** Creates, links, publishes, changes drafts after publishing and publishes merged versions. */
async function writeScenario(writer: VersionWriter): Promise<void> {
  const page = await writer.create(
    PAGE_UID,
    {
      fileName: 'equality-page.txt',
      sha256: 'abc',
      issueDate: '2023-02-07',
      page: '3',
      lineCount: 40,
      unassigned: [{ firstLine: 1, lastLine: 2, text: '本报讯', reason: 'furniture' }],
      importSnapshot: SNAPSHOT,
    },
    { publish: false },
  );
  const official = (name: string, publish: boolean) =>
    writer.create(OFFICIAL_UID, { name, importKey: name, posts: [post('副市长')], importSnapshot: SNAPSHOT }, { publish });
  const zhou = await official('周立新', true);
  const li = await official('李红', true);
  const wang = await official('王军', false);
  const park = await writer.create(
    PROJECT_UID,
    { name: '智能制造产业园', importKey: 'park', stage: 'signed', importSnapshot: SNAPSHOT },
    { publish: true },
  );
  const lab = await writer.create(
    RESEARCH_PLATFORM_UID,
    { name: '新材料实验室', importKey: 'lab', kind: '实验室', nameGenerated: false, importSnapshot: SNAPSHOT },
    { publish: true },
  );

  const article = (title: string, officials: string[], publish: boolean) =>
    writer.create(
      ARTICLE_UID,
      {
        title,
        sourceKey: title,
        issueDate: '2023-02-07',
        page: '3',
        reviewStatus: 'needs_review',
        titleGenerated: false,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `${title}正文` }] }],
        credits: [
          { name: '张三', role: 'reporter', printedRole: '记者' },
          { name: '李四', role: 'photographer', printedRole: '摄影' },
        ],
        figures: [{ label: '投资', value: 12.5, unit: '亿元' }],
        source: { fileName: 'equality-page.txt', sha256: 'abc', firstLine: 3, lastLine: 9, rawText: title },
        reviewFlags: [{ code: 'title-generated', message: '标题由规则生成', line: 3 }],
        officials,
        projects: [park],
        researchPlatforms: [lab],
        sourcePage: page,
        importSnapshot: SNAPSHOT,
      },
      { publish },
    );
  const first = await article('第一篇', [zhou, li], true);
  const second = await article('第二篇', [li, zhou, wang], true);
  await article('第三篇', [wang, zhou], false);

  // An editor's draft changed after publishing, left unpublished.
  await writer.update(ARTICLE_UID, first, 'draft', {
    title: '第一篇（改）',
    officials: [li],
    credits: [{ name: '王五', role: 'reporter', printedRole: '记者' }],
    source: { fileName: 'equality-page.txt', sha256: 'abc', firstLine: 3, lastLine: 10, rawText: '第一篇' },
  });
  // A draft changed and published again: the published row is rewritten, its links kept in place.
  await writer.update(ARTICLE_UID, second, 'draft', { officials: [zhou, li], figures: [] });
  await writer.publish(ARTICLE_UID, second);
  // A merged publication: the published version and the draft get different content.
  const at = new Date();
  await writer.update(OFFICIAL_UID, li, 'published', { posts: [post('副市长'), post('市长')] }, at);
  await writer.update(OFFICIAL_UID, li, 'draft', { posts: [post('副市长'), post('市长'), post('市委书记')] }, new Date(at.getTime() + 1));
  await writer.publish(OFFICIAL_UID, wang);
}

/**
 * An entity published again after a published article's draft stopped naming it. The Document
 * Service re-derives the new published entity's article links from the articles' drafts, so the
 * published article loses the entity although its published text still names it; the row
 * writer updates the published entity in place and the published article keeps its link.
 */
async function writeRepublishedAfterDraftChange(writer: VersionWriter): Promise<void> {
  const zhou = await writer.create(
    OFFICIAL_UID,
    { name: '周立新', importKey: '周立新', posts: [post('副市长')], importSnapshot: SNAPSHOT },
    { publish: true },
  );
  const page = await writer.create(PAGE_UID, { fileName: 'republish-page.txt', importSnapshot: SNAPSHOT }, { publish: false });
  const article = await writer.create(
    ARTICLE_UID,
    { title: '第一篇', sourceKey: '第一篇', officials: [zhou], sourcePage: page, importSnapshot: SNAPSHOT },
    { publish: true },
  );
  await writer.update(ARTICLE_UID, article, 'draft', { officials: [] });
  await writer.update(OFFICIAL_UID, zhou, 'draft', { posts: [post('市长')] });
  await writer.publish(OFFICIAL_UID, zhou);
}

/** Columns a writer may fill differently without a reader seeing a difference. */
const IGNORED = new Set(['id', 'created_at', 'updated_at', 'created_by_id', 'updated_by_id']);

/** A row as comparable text: its content, with ids replaced by the names of the rows they point at. */
function named(row: Row, replace: Record<string, string> = {}): string {
  const entries = Object.entries(row)
    .filter(([column]) => !IGNORED.has(column))
    .map(([column, value]) => [column, replace[column] ?? (value instanceof Date ? value.toISOString() : value)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

interface Snapshot {
  /** Every table's rows as comparable text, sorted. */
  tables: Record<string, string[]>;
}

/** The attribute that names a document in these tests: its natural key. */
const NATURAL_KEYS: Record<string, string> = {
  [PAGE_UID]: 'fileName',
  [OFFICIAL_UID]: 'importKey',
  [PROJECT_UID]: 'importKey',
  [RESEARCH_PLATFORM_UID]: 'importKey',
  [ARTICLE_UID]: 'sourceKey',
};

/** Every row the writers touch, named so that two databases' worth can be compared. */
async function snapshot(knex: Knex, layout: StorageLayout): Promise<Snapshot> {
  const tables: Record<string, string[]> = {};
  /** `周立新@draft`: a document's natural key and which version the row is. */
  const rowNames = new Map<string, Map<number, string>>();
  const documents = UIDS.map((uid) => layout.document(uid));

  for (const document of documents) {
    const rows = (await knex(document.table).select()) as Row[];
    const keyColumn = document.column(NATURAL_KEYS[document.uid]);
    const keyOf = new Map<string, string>();
    for (const row of rows) keyOf.set(String(row[document.documentIdColumn]), String(row[keyColumn]));
    const names = new Map<number, string>();
    tables[document.table] = rows
      .map((row) => {
        const version = row[document.publishedAtColumn] === null ? 'draft' : 'published';
        names.set(Number(row[document.idColumn]), `${row[keyColumn]}@${version}`);
        // Rows of one document share its documentId: named by the key of the first row holding it.
        return named(row, {
          [document.documentIdColumn]: keyOf.get(String(row[document.documentIdColumn])) as string,
          [document.publishedAtColumn]: version,
        });
      })
      .sort();
    rowNames.set(document.uid, names);
  }

  for (const document of documents) {
    await componentRows(knex, document, rowNames.get(document.uid) as Map<number, string>, tables);
    for (const relation of document.relations.values()) {
      const { link } = relation;
      const owners = rowNames.get(document.uid) as Map<number, string>;
      const targets = rowNames.get(relation.targetUid) as Map<number, string>;
      let rows = (await knex(link.name).select()) as Row[];
      if (link.ownerOrderColumn) rows = withRanks(rows, [link.ownerColumn], link.ownerOrderColumn);
      if (link.targetOrderColumn) rows = withRanks(rows, [link.targetColumn], link.targetOrderColumn);
      tables[link.name] = rows
        .map((row) =>
          named(row, {
            [link.ownerColumn]: owners.get(Number(row[link.ownerColumn])) ?? 'none',
            [link.targetColumn]: targets.get(Number(row[link.targetColumn])) ?? 'none',
          }),
        )
        .sort();
    }
  }
  return { tables };
}

/**
 * Each row's order as its rank among the rows of its group (equal orders share a rank): what
 * readers see. The absolute numbers differ and mean nothing: the Document Service renumbers a
 * list when it re-syncs a relation (1, 2 where the row writer keeps 2, 3 after a link went), and
 * numbers a single component's join row 1 after an update where it leaves it empty on create.
 * A duplicate order still shows, as two rows of one rank.
 */
function withRanks(rows: Row[], groupColumns: string[], orderColumn: string): Row[] {
  const groupOf = (row: Row) => JSON.stringify(groupColumns.map((column) => row[column]));
  const ordersByGroup = new Map<string, number[]>();
  for (const row of rows) {
    const orders = ordersByGroup.get(groupOf(row)) ?? [];
    orders.push(Number(row[orderColumn] ?? 0));
    ordersByGroup.set(groupOf(row), orders);
  }
  return rows.map((row) => {
    const distinct = [...new Set(ordersByGroup.get(groupOf(row)))].sort((a, b) => a - b);
    return { ...row, [orderColumn]: distinct.indexOf(Number(row[orderColumn] ?? 0)) + 1 };
  });
}

/** Component rows by content, and their join rows naming the owner's row and the component's content. */
async function componentRows(
  knex: Knex,
  document: DocumentTable,
  owners: Map<number, string>,
  tables: Record<string, string[]>,
): Promise<void> {
  const componentNames = new Map<string, string>();
  for (const component of document.components.values()) {
    const rows = (await knex(component.componentTable).select()) as Row[];
    for (const row of rows) componentNames.set(`${component.componentUid}:${row.id}`, named(row));
    tables[component.componentTable] = rows.map((row) => named(row)).sort();
  }
  const [first] = document.components.values();
  if (!first) return;
  const { link } = first;
  const rows = withRanks((await knex(link.name).select()) as Row[], [link.ownerColumn, link.fieldColumn], link.orderColumn);
  tables[link.name] = rows
    .map((row) =>
      named(row, {
        [link.ownerColumn]: owners.get(Number(row[link.ownerColumn])) ?? 'none',
        [link.componentColumn]: componentNames.get(`${row[link.componentTypeColumn]}:${row[link.componentColumn]}`) ?? 'none',
      }),
    )
    .sort();
}

/** Empties every table of the snapshot, links before the rows they point at. */
async function wipe(knex: Knex, layout: StorageLayout): Promise<void> {
  const documents = UIDS.map((uid) => layout.document(uid));
  for (const document of documents) {
    for (const relation of document.relations.values()) await knex(relation.link.name).delete();
    const [first] = document.components.values();
    if (first) await knex(first.link.name).delete();
  }
  for (const document of documents) {
    for (const component of document.components.values()) await knex(component.componentTable).delete();
    await knex(document.table).delete();
  }
}

let app: TestApp;
let layout: StorageLayout;

async function written(writerFor: (trx: Knex) => VersionWriter, scenario = writeScenario): Promise<Snapshot> {
  const knex = app.strapi.db.connection;
  await wipe(knex, layout);
  await app.strapi.db.transaction(async ({ trx }) => scenario(writerFor(trx)));
  return snapshot(knex, layout);
}

/** The layout with one relation's two order columns swapped: what a Strapi that moved them would look like to the writer. */
function withSwappedOrderColumns(real: StorageLayout, uid: string, field: string): StorageLayout {
  return {
    ...real,
    document(wanted) {
      const document = real.document(wanted);
      if (wanted !== uid) return document;
      const relations = new Map(document.relations);
      const relation = relations.get(field);
      if (!relation) throw new Error(`${uid}.${field} is no relation`);
      relations.set(field, {
        ...relation,
        link: { ...relation.link, ownerOrderColumn: relation.link.targetOrderColumn, targetOrderColumn: relation.link.ownerOrderColumn },
      });
      return { ...document, relations };
    },
  };
}

let byDocumentService: Snapshot;
let byRows: Snapshot;

beforeAll(async () => {
  app = await startTestApp();
  layout = storageLayout(app.strapi);
  byDocumentService = await written(() => createDocumentServiceWriter(app.strapi));
  byRows = await written((trx) => createVersionWriter(app.strapi, trx));
});

afterAll(async () => {
  await app?.stop();
});

describe('the row writer and the Document Service, writing the same documents', () => {
  it('wrote something to compare in every table', () => {
    for (const [table, rows] of Object.entries(byDocumentService.tables))
      expect({ table, empty: rows.length === 0 }).toEqual({ table, empty: false });
  });

  it('leave the same main rows, drafts and published versions alike', () => {
    for (const uid of UIDS) {
      const { table } = layout.document(uid);
      expect({ table, rows: byRows.tables[table] }).toEqual({ table, rows: byDocumentService.tables[table] });
    }
  });

  it('leave the same component rows and component join rows, orders included', () => {
    for (const uid of UIDS) {
      const document = layout.document(uid);
      for (const component of document.components.values()) {
        for (const table of [component.componentTable, component.link.name]) {
          expect({ table, rows: byRows.tables[table] }).toEqual({ table, rows: byDocumentService.tables[table] });
        }
      }
    }
  });

  it('leave the same link rows, ordered alike on both sides', () => {
    for (const uid of UIDS) {
      for (const { link } of layout.document(uid).relations.values()) {
        expect({ table: link.name, rows: byRows.tables[link.name] }).toEqual({
          table: link.name,
          rows: byDocumentService.tables[link.name],
        });
      }
    }
  });
});

describe('where the row writer keeps what the Document Service drops', () => {
  it('a published article keeps its link to an entity published again after the article’s draft dropped it', async () => {
    const officialLinks = async (writerFor: (trx: Knex) => VersionWriter) => {
      const { link } = layout.document(ARTICLE_UID).relations.get('officials') as { link: { name: string } };
      return (await written(writerFor, writeRepublishedAfterDraftChange)).tables[link.name].map((row) => JSON.parse(row));
    };
    const publishedLink = { article_id: '第一篇@published', official_id: '周立新@published' };
    expect(await officialLinks(() => createDocumentServiceWriter(app.strapi))).toEqual([]);
    expect(await officialLinks((trx) => createVersionWriter(app.strapi, trx))).toEqual([expect.objectContaining(publishedLink)]);
  });
});

describe('a row writer reading a layout that is not Strapi’s', () => {
  it('leaves rows the comparison tells apart', async () => {
    const broken = await written((trx) => createVersionWriter(app.strapi, trx, withSwappedOrderColumns(layout, ARTICLE_UID, 'officials')));
    const { link } = layout.document(ARTICLE_UID).relations.get('officials') as { link: { name: string } };
    expect(broken.tables[link.name]).not.toEqual(byDocumentService.tables[link.name]);
  });
});

describe('the importer on the Document Service path (IMPORT_WRITER=document-service, or a Strapi the row writer was not verified on)', () => {
  afterAll(() => app.strapi.config.set('importer.writer', 'rows'));

  it('imports and publishes a page with its components and links', async () => {
    await wipe(app.strapi.db.connection, layout);
    app.strapi.config.set('importer.writer', 'document-service');
    const importer = app.strapi.service('api::importer.importer') as unknown as Importer;
    // Only the Document Service emits entry events: they show which writer ran.
    const created: string[] = [];
    const onCreate = async (event: { uid: string }) => void created.push(event.uid);
    app.strapi.eventHub.on('entry.create', onCreate);
    const report = await importer.importFiles([path.join(APP_ROOT, 'tests', 'fixtures', 'pages', 'city-page.txt')], {
      dryRun: false,
      publish: true,
      issueDate: '2023-02-07',
    });
    expect(report.failed).toBe(0);
    // The Document Service emits after the commit without waiting for its listeners.
    for (let turn = 0; turn < 100 && !created.includes(ARTICLE_UID); turn += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    app.strapi.eventHub.off('entry.create', onCreate);
    expect(created).toContain(ARTICLE_UID);
    const articles = (await app.strapi
      .documents(ARTICLE_UID)
      .findMany({ status: 'published', populate: ['officials', 'credits', 'source', 'sourcePage'] as never })) as any[];
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.some((article) => article.officials.length > 0)).toBe(true);
    for (const article of articles) {
      expect(article.source.fileName).toBe('city-page.txt');
      expect(article.sourcePage.fileName).toBe('city-page.txt');
    }
  });
});
