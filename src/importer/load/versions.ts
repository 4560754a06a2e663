import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { storageLayout, type ComponentField, type DocumentTable, type RelationField, type StorageLayout } from '../../strapi-rows';
import type { FieldValue, Fields } from '../plan/records';

type Knex = Core.Strapi['db']['connection'];

/**
 * Writes document versions as rows, the way Strapi 5 stores them, instead of one Document
 * Service call per document: a document is a draft row and a published row sharing a
 * documentId; components are rows of their own tables joined through `<table>_cmps`; relations
 * are link rows ordered on both sides.
 *
 * Why not the Document Service: for every document it validates, writes, reads the result back
 * and, on publish, deletes the published row and copies the draft with all its components and
 * links, then re-links everything that pointed at the old published row. An import of ~12
 * documents a page spent ~95 % of its statements there, and re-publishing a frequently mentioned
 * official re-ordered every one of its links (quadratic on PostgreSQL). Here a published row is
 * updated in place, so what links to it stays linked, and each version costs a few statements.
 *
 * What is given up is the Document Service's middlewares and events for these writes: the
 * importer keeps the search index in step itself (load/apply.ts), and writes only the plain
 * components and the relations of the newsroom types (checked when the writer is created).
 */
export type VersionStatus = 'draft' | 'published';

type Row = Record<string, unknown>;

/**
 * The layout of one type as this writer needs it. Refuses what it does not do (nested
 * components, polymorphic relations, media, dynamic zones, components in several join tables)
 * rather than writing it wrong.
 */
function writableShape(strapi: Core.Strapi, layout: StorageLayout, uid: string): DocumentTable {
  const schema = strapi.contentType(uid as never) as unknown as { attributes: Record<string, { type: string; relation?: string }> };
  for (const [field, attribute] of Object.entries(schema.attributes)) {
    if (attribute.type === 'dynamiczone' || attribute.type === 'media') throw new Error(`${uid}.${field}: the import writer does not write ${attribute.type} fields`);
    if (attribute.type === 'relation' && attribute.relation?.startsWith('morph')) throw new Error(`${uid}.${field}: the import writer does not write polymorphic relations`);
  }
  const shape = layout.document(uid);
  for (const [field, component] of shape.components) {
    const componentSchema = strapi.components[component.componentUid as never] as unknown as { attributes: Record<string, { type: string }> };
    const nested = Object.entries(componentSchema.attributes).find(([, a]) => ['relation', 'component', 'dynamiczone', 'media'].includes(a.type));
    if (nested) throw new Error(`${uid}.${field}: the import writer does not write nested components or relations (${component.componentUid}.${nested[0]})`);
  }
  const joinTables = new Set([...shape.components.values()].map((component) => component.link.name));
  if (joinTables.size > 1) throw new Error(`${uid}: components in several join tables (${[...joinTables].join(', ')})`);
  return shape;
}

/** Values read raw from one table, made ready to be written raw into a row of the same table. */
function writable(row: Row, idColumn: string, jsonColumns: Set<string>): Row {
  const copy: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === idColumn) continue;
    copy[column] = jsonColumns.has(column) && value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return copy;
}

function asItems(value: FieldValue | undefined): Row[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Row[];
}

function asDocumentIds(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export interface VersionWriter {
  /** Creates a document: its draft and, when `publish` is set, its published version alike. */
  create(uid: string, data: Fields, options: { publish: boolean }): Promise<string>;
  /** Writes the given fields into one version; relations are given as documentIds. */
  update(uid: string, documentId: string, status: VersionStatus, data: Fields, updatedAt?: Date): Promise<void>;
  /** Makes the published version a copy of the draft, updating the published row in place. */
  publish(uid: string, documentId: string): Promise<void>;
}

/** SQLite allows 500 terms in one compound select; a page links far fewer targets. */
const TARGETS_PER_STATEMENT = 200;

/**
 * The largest order among each target's links, one index step per target (the lookup index on
 * target and order): a grouped max over `IN (…)` read every link of each target instead, and a
 * frequent official's links grow with the archive.
 */
async function lastOrders(trx: Knex, table: string, target: string, order: string, targetIds: number[]): Promise<Map<number, number>> {
  const last = new Map<number, number>();
  for (let start = 0; start < targetIds.length; start += TARGETS_PER_STATEMENT) {
    // Each select reads from the link table: knex drops the first select of a union when it has
    // no FROM (a bare `select ? as target, (subquery) as last`), which lost the first target.
    const perTarget = targetIds
      .slice(start, start + TARGETS_PER_STATEMENT)
      .map((targetId) => trx(table).select(trx.raw('? as target', [targetId])).max({ last: order }).where(target, targetId));
    const [first, ...others] = perTarget;
    const rows = (others.length > 0 ? await first.unionAll(others, false) : await first) as Array<{ target: unknown; last: unknown }>;
    for (const row of rows) last.set(Number(row.target), Number(row.last ?? 0));
  }
  return last;
}

/**
 * A writer for one import transaction. `trx` must be the transaction the caller runs in: the
 * query engine's calls join it through Strapi's transaction context, raw statements through it.
 * `layout` is Strapi's storage layout (src/strapi-rows); a test gives it a broken one to show the
 * row comparison would catch a layout this writer does not match.
 */
export function createVersionWriter(strapi: Core.Strapi, trx: Knex, layout: StorageLayout = storageLayout(strapi)): VersionWriter {
  const shapes = new Map<string, DocumentTable>();
  /** Row ids by `${status}:${documentId}`, per uid: a page links to the same entities many times. */
  const rowIds = new Map<string, Map<string, number>>();
  const returning = strapi.db.dialect.useReturning();

  function shape(uid: string): DocumentTable {
    let found = shapes.get(uid);
    if (!found) {
      found = writableShape(strapi, layout, uid);
      shapes.set(uid, found);
    }
    return found;
  }

  /** For a type without Draft & Publish, its only row serves as either version. */
  function statusKey(target: DocumentTable, status: VersionStatus, documentId: string): string {
    return `${target.draftAndPublish ? status : 'only'}:${documentId}`;
  }

  function remember(uid: string, key: string, id: number): void {
    const byKey = rowIds.get(uid) ?? new Map<string, number>();
    byKey.set(key, id);
    rowIds.set(uid, byKey);
  }

  /** Row ids of these documents' versions; a document without that version is left out. */
  async function rowIdsOf(uid: string, documentIds: string[], status: VersionStatus): Promise<Map<string, number>> {
    const target = shape(uid);
    const known = rowIds.get(uid) ?? new Map<string, number>();
    const missing = [...new Set(documentIds)].filter((documentId) => !known.has(statusKey(target, status, documentId)));
    if (missing.length > 0) {
      const query = trx(target.table).select({ id: target.idColumn, documentId: target.documentIdColumn }).whereIn(target.documentIdColumn, missing);
      if (target.draftAndPublish) {
        if (status === 'draft') query.whereNull(target.publishedAtColumn);
        else query.whereNotNull(target.publishedAtColumn);
      }
      for (const row of (await query) as Array<{ id: number; documentId: string }>) {
        remember(uid, statusKey(target, status, row.documentId), Number(row.id));
      }
    }
    const found = new Map<string, number>();
    for (const documentId of documentIds) {
      const id = rowIds.get(uid)?.get(statusKey(target, status, documentId));
      if (id !== undefined) found.set(documentId, id);
    }
    return found;
  }

  async function rowIdOf(uid: string, documentId: string, status: VersionStatus): Promise<number> {
    const id = (await rowIdsOf(uid, [documentId], status)).get(documentId);
    if (id === undefined) throw new Error(`${uid} ${documentId} has no ${status} version to write`);
    return id;
  }

  /**
   * Inserts rows through the query engine (which converts values and fills defaults) and returns
   * their ids in the order of `rows`. Ids of one multi-row insert are ascending in row order;
   * where the database cannot return them, rows are inserted one at a time.
   */
  async function insertEntries(uid: string, given: Row[]): Promise<number[]> {
    if (given.length === 0) return [];
    // The query engine's lifecycles add timestamps to the very objects they are given, and a
    // component's item is also part of the import snapshot written next to it.
    const rows = given.map((row) => ({ ...row }));
    const query = strapi.db.query(uid as never);
    if (!returning) {
      const ids: number[] = [];
      for (const row of rows) ids.push(...((await query.createMany({ data: [row] })).ids as number[]));
      return ids;
    }
    const { ids } = await query.createMany({ data: rows });
    return (ids as number[]).map(Number).sort((a, b) => a - b);
  }

  /** The same for rows that are already in the table's own column format. */
  async function insertRaw(table: string, idColumn: string, rows: Row[]): Promise<number[]> {
    if (rows.length === 0) return [];
    if (!returning) {
      const ids: number[] = [];
      for (const row of rows) ids.push(Number((await trx(table).insert(row))[0]));
      return ids;
    }
    const inserted = (await trx(table).insert(rows).returning(idColumn)) as Array<Row | number>;
    return inserted.map((row) => Number(typeof row === 'object' ? row[idColumn] : row)).sort((a, b) => a - b);
  }

  /**
   * Inserts each field's items once for every given row (a document's draft and published
   * version are created with the same components) and joins them all in one statement.
   */
  async function insertComponents(owner: DocumentTable, rowIds: number[], fields: Array<[string, Row[]]>): Promise<void> {
    const joins: Row[] = [];
    for (const [field, items] of fields) {
      const component = owner.components.get(field) as ComponentField;
      const ids = await insertEntries(component.componentUid, rowIds.flatMap(() => items));
      rowIds.forEach((rowId, version) => joins.push(...joinRows(component, field, rowId, ids.slice(version * items.length, (version + 1) * items.length))));
    }
    await insertJoins(owner, joins);
  }

  /** A repeatable component's join rows are numbered from 1; a single one's order stays empty, as Strapi leaves it. */
  function joinRows(component: ComponentField, field: string, rowId: number, componentIds: number[]): Row[] {
    const { link } = component;
    return componentIds.map((componentId, position) => ({
      [link.ownerColumn]: rowId,
      [link.componentColumn]: componentId,
      [link.componentTypeColumn]: component.componentUid,
      [link.fieldColumn]: field,
      [link.orderColumn]: component.repeatable ? position + 1 : null,
    }));
  }

  /** All of a type's component fields share one join table (checked in `writableShape`). */
  function componentLinkOf(owner: DocumentTable) {
    const [first] = owner.components.values();
    return first?.link;
  }

  async function insertJoins(owner: DocumentTable, joins: Row[]): Promise<void> {
    const link = componentLinkOf(owner);
    if (link && joins.length > 0) await trx(link.name).insert(joins);
  }

  async function deleteComponents(owner: DocumentTable, rowId: number, fields: string[]): Promise<void> {
    const link = componentLinkOf(owner);
    if (!link || fields.length === 0) return;
    const joins = () => trx(link.name).where(link.ownerColumn, rowId).whereIn(link.fieldColumn, fields);
    const joined = (await joins().select(link.fieldColumn, link.componentColumn)) as Row[];
    if (joined.length === 0) return;
    await joins().delete();
    for (const field of fields) {
      const { componentTable } = owner.components.get(field) as ComponentField;
      const componentIds = joined.filter((join) => join[link.fieldColumn] === field).map((join) => join[link.componentColumn] as number);
      if (componentIds.length > 0) await trx(componentTable).whereIn(owner.idColumn, componentIds).delete();
    }
  }

  /**
   * Replaces the links of one relation of these rows, each ordered as given. On the other side,
   * a target already linked keeps its position in the target's list and a new one goes last, as
   * the Document Service does.
   */
  /**
   * `siblings` are the rows of the document's other versions: where one of them already links the
   * same target row (a type without Draft & Publish, such as a page, has one row for both), the
   * new link takes the same place in the target's list, as a Document Service publish copies it.
   */
  async function writeLinks(
    relation: RelationField,
    versions: Array<{ rowId: number; targetIds: number[] }>,
    replacing: boolean,
    siblings: number[] = [],
  ): Promise<void> {
    const { link } = relation;
    const own = link.ownerColumn;
    const target = link.targetColumn;
    const inverseOrder = link.targetOrderColumn;
    const rowIds = versions.map((version) => version.rowId);
    const linkKey = (rowId: unknown, targetId: unknown) => `${Number(rowId)}:${Number(targetId)}`;
    const keptOrder = new Map<string, number>();
    if (replacing) {
      const previous = (await trx(link.name).whereIn(own, rowIds).select(own, target, ...(inverseOrder ? [inverseOrder] : []))) as Row[];
      if (inverseOrder) for (const row of previous) keptOrder.set(linkKey(row[own], row[target]), Number(row[inverseOrder]));
      if (previous.length > 0) await trx(link.name).whereIn(own, rowIds).delete();
    }
    const links = versions.flatMap(({ rowId, targetIds }) => [...new Set(targetIds)].map((targetId, position) => ({ rowId, targetId, position })));
    if (links.length === 0) return;

    /** The place each target gives this document: one for all its versions linking that target row. */
    const documentOrder = new Map<number, number>();
    const fresh = [...new Set(links.filter((row) => !keptOrder.has(linkKey(row.rowId, row.targetId))).map((row) => row.targetId))];
    if (inverseOrder && siblings.length > 0 && fresh.length > 0) {
      const shared = (await trx(link.name).whereIn(own, siblings).whereIn(target, fresh).select(target, inverseOrder)) as Row[];
      for (const row of shared) documentOrder.set(Number(row[target]), Number(row[inverseOrder]));
    }
    const lastOrder = new Map<number, number>();
    const appended = fresh.filter((targetId) => !documentOrder.has(targetId));
    if (inverseOrder && appended.length > 0) {
      for (const [targetId, last] of await lastOrders(trx, link.name, target, inverseOrder, appended)) lastOrder.set(targetId, last);
    }
    const nextOrder = (targetId: number) => {
      let order = documentOrder.get(targetId);
      if (order === undefined) {
        order = (lastOrder.get(targetId) ?? 0) + 1;
        documentOrder.set(targetId, order);
      }
      return order;
    };
    await trx(link.name).insert(
      links.map(({ rowId, targetId, position }) => ({
        [own]: rowId,
        [target]: targetId,
        ...(link.ownerOrderColumn ? { [link.ownerOrderColumn]: position + 1 } : {}),
        ...(inverseOrder ? { [inverseOrder]: keptOrder.get(linkKey(rowId, targetId)) ?? nextOrder(targetId) } : {}),
      })),
    );
  }

  /** Splits a document's fields into columns, components and relations (as documentIds). */
  function split(owner: DocumentTable, data: Fields) {
    const columns: Row = {};
    const components: Array<[string, Row[]]> = [];
    const relations: Array<[string, string[]]> = [];
    for (const [field, value] of Object.entries(data)) {
      if (owner.components.has(field)) components.push([field, asItems(value)]);
      else if (owner.relations.has(field)) relations.push([field, asDocumentIds(value)]);
      else columns[field] = value;
    }
    return { columns, components, relations };
  }

  type Version = { rowId: number; status: VersionStatus };

  async function linkTo(owner: DocumentTable, versions: Version[], relations: Array<[string, string[]]>, replacing: boolean, siblings: number[] = []) {
    for (const [field, documentIds] of relations) {
      const relation = owner.relations.get(field) as RelationField;
      const linked = [];
      for (const { rowId, status } of versions) {
        const targets = await rowIdsOf(relation.targetUid, documentIds, status);
        // A published version links only to published versions: a draft-only target is left out.
        linked.push({ rowId, targetIds: documentIds.flatMap((documentId) => targets.get(documentId) ?? []) });
      }
      await writeLinks(relation, linked, replacing, siblings);
    }
  }

  /** Inserts a new document's versions, all with the same fields, a few statements for all. */
  async function insertVersions(owner: DocumentTable, documentId: string, statuses: VersionStatus[], data: Fields, at: Date): Promise<void> {
    const { columns, components, relations } = split(owner, data);
    const rows = statuses.map((status) => ({
      ...columns,
      documentId,
      createdAt: at,
      updatedAt: at,
      publishedAt: !owner.draftAndPublish || status === 'published' ? at : null,
    }));
    const rowIds = await insertEntries(owner.uid, rows);
    statuses.forEach((status, version) => remember(owner.uid, statusKey(owner, status, documentId), rowIds[version]));
    await insertComponents(owner, rowIds, components);
    await linkTo(owner, statuses.map((status, version) => ({ rowId: rowIds[version], status })), relations, false);
  }

  async function documentIdsOfRows(uid: string, ids: number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const target = shape(uid);
    const rows = (await trx(target.table).whereIn(target.idColumn, ids).select({ id: target.idColumn, documentId: target.documentIdColumn })) as Array<{
      id: number;
      documentId: string;
    }>;
    const byId = new Map(rows.map((row) => [Number(row.id), row.documentId]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Every component of the draft, copied as new rows for the published version. */
  async function copyComponents(owner: DocumentTable, fromRowId: number, toRowId: number): Promise<void> {
    const link = componentLinkOf(owner);
    if (!link) return;
    const joined = (await trx(link.name).where(link.ownerColumn, fromRowId).select(link.fieldColumn, link.componentColumn).orderBy(link.orderColumn)) as Row[];
    const copiedJoins: Row[] = [];
    for (const [field, component] of owner.components) {
      const componentIds = joined.filter((join) => join[link.fieldColumn] === field).map((join) => Number(join[link.componentColumn]));
      if (componentIds.length === 0) continue;
      const rows = (await trx(component.componentTable).whereIn(owner.idColumn, componentIds)) as Row[];
      const byId = new Map(rows.map((row) => [Number(row[owner.idColumn]), row]));
      const copies = componentIds.flatMap((id) => (byId.has(id) ? [writable(byId.get(id) as Row, owner.idColumn, component.jsonColumns)] : []));
      copiedJoins.push(...joinRows(component, field, toRowId, await insertRaw(component.componentTable, owner.idColumn, copies)));
    }
    await insertJoins(owner, copiedJoins);
  }

  return {
    async create(uid, data, { publish }) {
      const owner = shape(uid);
      const documentId = createId();
      const at = new Date();
      await insertVersions(owner, documentId, publish && owner.draftAndPublish ? ['draft', 'published'] : ['draft'], data, at);
      return documentId;
    },

    async update(uid, documentId, status, data, updatedAt = new Date()) {
      const owner = shape(uid);
      const rowId = await rowIdOf(uid, documentId, status);
      const { columns, components, relations } = split(owner, data);
      await strapi.db.query(uid as never).updateMany({ where: { id: rowId }, data: { ...columns, updatedAt } });
      await deleteComponents(owner, rowId, components.map(([field]) => field));
      await insertComponents(owner, [rowId], components);
      await linkTo(owner, [{ rowId, status }], relations, true);
    },

    async publish(uid, documentId) {
      const owner = shape(uid);
      if (!owner.draftAndPublish) return;
      const draftId = await rowIdOf(uid, documentId, 'draft');
      const publishedId = (await rowIdsOf(uid, [documentId], 'published')).get(documentId);
      const draft = writable((await trx(owner.table).where(owner.idColumn, draftId).first()) as Row, owner.idColumn, owner.jsonColumns);
      const published = { ...draft, [owner.publishedAtColumn]: new Date() };

      let rowId: number;
      if (publishedId === undefined) {
        [rowId] = await insertRaw(owner.table, owner.idColumn, [published]);
        remember(uid, statusKey(owner, 'published', documentId), rowId);
      } else {
        rowId = publishedId;
        await trx(owner.table).where(owner.idColumn, rowId).update(published);
        await deleteComponents(owner, rowId, [...owner.components.keys()]);
      }
      await copyComponents(owner, draftId, rowId);
      for (const [field, relation] of owner.relations) {
        const { link } = relation;
        const links = trx(link.name).where(link.ownerColumn, draftId);
        if (link.ownerOrderColumn) links.orderBy(link.ownerOrderColumn);
        const draftTargets = (await links.select(link.targetColumn)).map((row: Row) => Number(row[link.targetColumn]));
        const documentIds = await documentIdsOfRows(relation.targetUid, draftTargets);
        await linkTo(owner, [{ rowId, status: 'published' }], [[field, documentIds]], publishedId !== undefined, [draftId]);
      }
    },
  };
}
