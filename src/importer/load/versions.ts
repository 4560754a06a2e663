import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
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

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
}

interface ComponentField {
  componentUid: string;
  componentTable: string;
  joinTable: JoinTable;
  jsonColumns: Set<string>;
}

interface RelationField {
  targetUid: string;
  toMany: boolean;
  joinTable: JoinTable;
}

interface DocumentShape {
  uid: string;
  table: string;
  draftAndPublish: boolean;
  components: Map<string, ComponentField>;
  /** Relations this type owns (the side with the join table's joinColumn), by field name. */
  relations: Map<string, RelationField>;
  /** Columns holding JSON, which PostgreSQL's driver hands back parsed and must get back as text. */
  jsonColumns: Set<string>;
}

interface DbAttribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  columnName?: string;
  joinTable?: JoinTable;
  mappedBy?: string;
  morphBy?: string;
}

interface DbMeta {
  tableName: string;
  attributes: Record<string, DbAttribute>;
}

type Row = Record<string, unknown>;

const JSON_TYPES = new Set(['json', 'blocks']);

function metaOf(strapi: Core.Strapi, uid: string): DbMeta {
  return strapi.db.metadata.get(uid as never) as unknown as DbMeta;
}

function jsonColumnsOf(meta: DbMeta): Set<string> {
  return new Set(
    Object.entries(meta.attributes)
      .filter(([, attribute]) => JSON_TYPES.has(attribute.type))
      .map(([name, attribute]) => attribute.columnName ?? name),
  );
}

/**
 * The shape of one type, read from Strapi's own metadata so that a field added to a schema is
 * written without a change here. Refuses what this writer does not do (nested components,
 * polymorphic relations) rather than writing it wrong.
 */
function shapeOf(strapi: Core.Strapi, uid: string): DocumentShape {
  const schema = strapi.contentType(uid as never) as unknown as { attributes: Record<string, DbAttribute>; options?: { draftAndPublish?: boolean } };
  const meta = metaOf(strapi, uid);
  const components = new Map<string, ComponentField>();
  const relations = new Map<string, RelationField>();
  for (const [field, attribute] of Object.entries(schema.attributes)) {
    const stored = meta.attributes[field];
    if (attribute.type === 'component') {
      const componentUid = attribute.component as string;
      const componentMeta = metaOf(strapi, componentUid);
      const nested = Object.entries(componentMeta.attributes).find(([, a]) => a.type === 'relation' || a.type === 'component' || a.type === 'dynamiczone');
      if (nested) throw new Error(`${uid}.${field}: the import writer does not write nested components or relations (${componentUid}.${nested[0]})`);
      components.set(field, {
        componentUid,
        componentTable: componentMeta.tableName,
        joinTable: stored.joinTable as JoinTable,
        jsonColumns: jsonColumnsOf(componentMeta),
      });
    } else if (attribute.type === 'dynamiczone' || attribute.type === 'media') {
      throw new Error(`${uid}.${field}: the import writer does not write ${attribute.type} fields`);
    } else if (attribute.type === 'relation' && !attribute.mappedBy && stored?.joinTable) {
      if (attribute.relation?.startsWith('morph')) throw new Error(`${uid}.${field}: the import writer does not write polymorphic relations`);
      relations.set(field, {
        targetUid: attribute.target as string,
        toMany: /ToMany$/.test(attribute.relation ?? ''),
        joinTable: stored.joinTable,
      });
    }
  }
  const joinTables = new Set([...components.values()].map((component) => component.joinTable.name));
  if (joinTables.size > 1) throw new Error(`${uid}: components in several join tables (${[...joinTables].join(', ')})`);
  return {
    uid,
    table: meta.tableName,
    draftAndPublish: schema.options?.draftAndPublish === true,
    components,
    relations,
    jsonColumns: jsonColumnsOf(meta),
  };
}

/** Values read raw from one table, made ready to be written raw into a row of the same table. */
function writable(row: Row, jsonColumns: Set<string>): Row {
  const copy: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'id') continue;
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

/**
 * A writer for one import transaction. `trx` must be the transaction the caller runs in: the
 * query engine's calls join it through Strapi's transaction context, raw statements through it.
 */
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

export function createVersionWriter(strapi: Core.Strapi, trx: Knex): VersionWriter {
  const shapes = new Map<string, DocumentShape>();
  /** Row ids by `${status}:${documentId}`, per uid: a page links to the same entities many times. */
  const rowIds = new Map<string, Map<string, number>>();
  const returning = strapi.db.dialect.useReturning();

  function shape(uid: string): DocumentShape {
    let found = shapes.get(uid);
    if (!found) {
      found = shapeOf(strapi, uid);
      shapes.set(uid, found);
    }
    return found;
  }

  /** For a type without Draft & Publish, its only row serves as either version. */
  function statusKey(target: DocumentShape, status: VersionStatus, documentId: string): string {
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
      const query = trx(target.table).select('id', 'document_id').whereIn('document_id', missing);
      if (target.draftAndPublish) {
        if (status === 'draft') query.whereNull('published_at');
        else query.whereNotNull('published_at');
      }
      for (const row of (await query) as Array<{ id: number; document_id: string }>) {
        remember(uid, statusKey(target, status, row.document_id), Number(row.id));
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
  async function insertRaw(table: string, rows: Row[]): Promise<number[]> {
    if (rows.length === 0) return [];
    if (!returning) {
      const ids: number[] = [];
      for (const row of rows) ids.push(Number((await trx(table).insert(row))[0]));
      return ids;
    }
    const inserted = (await trx(table).insert(rows).returning('id')) as Array<{ id: number } | number>;
    return inserted.map((row) => Number(typeof row === 'object' ? row.id : row)).sort((a, b) => a - b);
  }

  /**
   * Inserts each field's items once for every given row (a document's draft and published
   * version are created with the same components) and joins them all in one statement.
   */
  async function insertComponents(owner: DocumentShape, rowIds: number[], fields: Array<[string, Row[]]>): Promise<void> {
    const joins: Row[] = [];
    for (const [field, items] of fields) {
      const component = owner.components.get(field) as ComponentField;
      const ids = await insertEntries(component.componentUid, rowIds.flatMap(() => items));
      rowIds.forEach((rowId, version) => joins.push(...joinRows(component, field, rowId, ids.slice(version * items.length, (version + 1) * items.length))));
    }
    await insertJoins(owner, joins);
  }

  function joinRows(component: ComponentField, field: string, rowId: number, componentIds: number[]): Row[] {
    const { joinTable } = component;
    return componentIds.map((componentId, position) => ({
      [joinTable.joinColumn.name]: rowId,
      [joinTable.inverseJoinColumn.name]: componentId,
      component_type: component.componentUid,
      field,
      ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: position + 1 } : {}),
    }));
  }

  /** All of a type's component fields share one join table. */
  async function insertJoins(owner: DocumentShape, joins: Row[]): Promise<void> {
    const [first] = owner.components.values();
    if (first && joins.length > 0) await trx(first.joinTable.name).insert(joins);
  }

  async function deleteComponents(owner: DocumentShape, rowId: number, fields: string[]): Promise<void> {
    const [first] = owner.components.values();
    if (!first || fields.length === 0) return;
    const { joinTable } = first;
    const joins = () => trx(joinTable.name).where(joinTable.joinColumn.name, rowId).whereIn('field', fields);
    const joined = (await joins().select('field', joinTable.inverseJoinColumn.name)) as Row[];
    if (joined.length === 0) return;
    await joins().delete();
    for (const field of fields) {
      const { componentTable } = owner.components.get(field) as ComponentField;
      const componentIds = joined.filter((join) => join.field === field).map((join) => join[joinTable.inverseJoinColumn.name] as number);
      if (componentIds.length > 0) await trx(componentTable).whereIn('id', componentIds).delete();
    }
  }

  /**
   * Replaces the links of one relation of these rows, each ordered as given. On the other side,
   * a target already linked keeps its position in the target's list and a new one goes last, as
   * the Document Service does.
   */
  async function writeLinks(relation: RelationField, versions: Array<{ rowId: number; targetIds: number[] }>, replacing: boolean): Promise<void> {
    const { joinTable } = relation;
    const own = joinTable.joinColumn.name;
    const target = joinTable.inverseJoinColumn.name;
    const inverseOrder = joinTable.inverseOrderColumnName;
    const rowIds = versions.map((version) => version.rowId);
    const linkKey = (rowId: unknown, targetId: unknown) => `${Number(rowId)}:${Number(targetId)}`;
    const keptOrder = new Map<string, number>();
    if (replacing) {
      const previous = (await trx(joinTable.name).whereIn(own, rowIds).select(own, target, ...(inverseOrder ? [inverseOrder] : []))) as Row[];
      if (inverseOrder) for (const link of previous) keptOrder.set(linkKey(link[own], link[target]), Number(link[inverseOrder]));
      if (previous.length > 0) await trx(joinTable.name).whereIn(own, rowIds).delete();
    }
    const links = versions.flatMap(({ rowId, targetIds }) => [...new Set(targetIds)].map((targetId, position) => ({ rowId, targetId, position })));
    if (links.length === 0) return;

    const lastOrder = new Map<number, number>();
    const fresh = [...new Set(links.filter((link) => !keptOrder.has(linkKey(link.rowId, link.targetId))).map((link) => link.targetId))];
    if (inverseOrder && fresh.length > 0) {
      for (const [targetId, last] of await lastOrders(trx, joinTable.name, target, inverseOrder, fresh)) lastOrder.set(targetId, last);
    }
    const nextOrder = (targetId: number) => {
      const order = (lastOrder.get(targetId) ?? 0) + 1;
      lastOrder.set(targetId, order);
      return order;
    };
    await trx(joinTable.name).insert(
      links.map(({ rowId, targetId, position }) => ({
        [own]: rowId,
        [target]: targetId,
        ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: position + 1 } : {}),
        ...(inverseOrder ? { [inverseOrder]: keptOrder.get(linkKey(rowId, targetId)) ?? nextOrder(targetId) } : {}),
      })),
    );
  }

  /** Splits a document's fields into columns, components and relations (as documentIds). */
  function split(owner: DocumentShape, data: Fields) {
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

  async function linkTo(owner: DocumentShape, versions: Version[], relations: Array<[string, string[]]>, replacing: boolean) {
    for (const [field, documentIds] of relations) {
      const relation = owner.relations.get(field) as RelationField;
      const linked = [];
      for (const { rowId, status } of versions) {
        const targets = await rowIdsOf(relation.targetUid, documentIds, status);
        // A published version links only to published versions: a draft-only target is left out.
        linked.push({ rowId, targetIds: documentIds.flatMap((documentId) => targets.get(documentId) ?? []) });
      }
      await writeLinks(relation, linked, replacing);
    }
  }

  /** Inserts a new document's versions, all with the same fields, a few statements for all. */
  async function insertVersions(owner: DocumentShape, documentId: string, statuses: VersionStatus[], data: Fields, at: Date): Promise<void> {
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
      const draft = writable((await trx(owner.table).where('id', draftId).first()) as Row, owner.jsonColumns);
      const published = { ...draft, published_at: new Date() };

      let rowId: number;
      if (publishedId === undefined) {
        [rowId] = await insertRaw(owner.table, [published]);
        remember(uid, statusKey(owner, 'published', documentId), rowId);
      } else {
        rowId = publishedId;
        await trx(owner.table).where('id', rowId).update(published);
        await deleteComponents(owner, rowId, [...owner.components.keys()]);
      }
      await copyComponents(owner, draftId, rowId);
      for (const [field, relation] of owner.relations) {
        const { joinTable } = relation;
        const links = trx(joinTable.name).where(joinTable.joinColumn.name, draftId);
        if (joinTable.orderColumnName) links.orderBy(joinTable.orderColumnName);
        const draftTargets = (await links.select(joinTable.inverseJoinColumn.name)).map((link: Row) => Number(link[joinTable.inverseJoinColumn.name]));
        const documentIds = await documentIdsOfRows(relation.targetUid, draftTargets);
        await linkTo(owner, [{ rowId, status: 'published' }], [[field, documentIds]], publishedId !== undefined);
      }
    },
  };

  async function documentIdsOfRows(uid: string, ids: number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await trx(shape(uid).table).whereIn('id', ids).select('id', 'document_id')) as Array<{ id: number; document_id: string }>;
    const byId = new Map(rows.map((row) => [Number(row.id), row.document_id]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Every component of the draft, copied as new rows for the published version. */
  async function copyComponents(owner: DocumentShape, fromRowId: number, toRowId: number): Promise<void> {
    const [first] = owner.components.values();
    if (!first) return;
    const { joinTable } = first;
    const joins = trx(joinTable.name).where(joinTable.joinColumn.name, fromRowId).select('field', joinTable.inverseJoinColumn.name);
    if (joinTable.orderColumnName) joins.orderBy(joinTable.orderColumnName);
    const joined = (await joins) as Row[];
    const copiedJoins: Row[] = [];
    for (const [field, component] of owner.components) {
      const componentIds = joined.filter((join) => join.field === field).map((join) => Number(join[joinTable.inverseJoinColumn.name]));
      if (componentIds.length === 0) continue;
      const rows = (await trx(component.componentTable).whereIn('id', componentIds)) as Row[];
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      const copies = componentIds.flatMap((id) => (byId.has(id) ? [writable(byId.get(id) as Row, component.jsonColumns)] : []));
      copiedJoins.push(...joinRows(component, field, toRowId, await insertRaw(component.componentTable, copies)));
    }
    await insertJoins(owner, copiedJoins);
  }
}
