import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/**
 * The one place that knows how Strapi 5 lays documents out in tables: which table a type has,
 * which column an attribute has, which join table links two types and which of its columns keep
 * the order on each side, and how components are joined to their owner. Everything is read from
 * `strapi.db.metadata` (never spelled out by hand), and checked with zod when read, so that a
 * Strapi upgrade that moves any of it fails loudly here instead of writing wrong rows elsewhere.
 *
 * Code that reads or writes Strapi's tables directly (the import's row writer, the bounded
 * relation loader, the ranking query, the lookup indexes, the page stamps) goes through these
 * accessors and names no table or column of its own.
 */

const ColumnSchema = z.object({ name: z.string().min(1) }).passthrough();

const JoinTableSchema = z
  .object({
    name: z.string().min(1),
    joinColumn: ColumnSchema,
    inverseJoinColumn: ColumnSchema,
    orderColumnName: z.string().min(1).optional(),
    inverseOrderColumnName: z.string().min(1).optional(),
    on: z.record(z.string(), z.unknown()).optional(),
    pivotColumns: z.array(z.string()).optional(),
  })
  .passthrough();

const AttributeSchema = z
  .object({
    type: z.string(),
    columnName: z.string().optional(),
    relation: z.string().optional(),
    target: z.string().optional(),
    joinTable: JoinTableSchema.optional(),
    mappedBy: z.string().optional(),
    inversedBy: z.string().optional(),
    morphBy: z.string().optional(),
  })
  .passthrough();

const ModelMetaSchema = z.object({ tableName: z.string().min(1), attributes: z.record(z.string(), AttributeSchema) }).passthrough();

type ModelMeta = z.infer<typeof ModelMetaSchema>;
type Attribute = z.infer<typeof AttributeSchema>;

/** A join table between two types, seen from the type that owns the relation. */
export interface LinkTable {
  name: string;
  /** The owner's row id. */
  ownerColumn: string;
  /** The target's row id. */
  targetColumn: string;
  /** The position of the target in the owner's list (absent on a to-one side). */
  ownerOrderColumn?: string;
  /** The position of the owner in the target's list (absent when the target has no inverse list). */
  targetOrderColumn?: string;
}

/** The join table between a type and the components of one of its fields. */
export interface ComponentLinkTable {
  name: string;
  ownerColumn: string;
  componentColumn: string;
  /** Holds the owner's field name: all of a type's component fields share the table. */
  fieldColumn: string;
  /** Holds the component's uid. */
  componentTypeColumn: string;
  orderColumn: string;
}

export interface ComponentField {
  componentUid: string;
  componentTable: string;
  link: ComponentLinkTable;
  /** A single component's join row leaves its order empty, as Strapi's own writes do. */
  repeatable: boolean;
  jsonColumns: Set<string>;
}

export interface RelationField {
  targetUid: string;
  toMany: boolean;
  link: LinkTable;
}

export interface DocumentTable {
  uid: string;
  table: string;
  idColumn: string;
  documentIdColumn: string;
  /** Null on a draft row, set on a published one; always set for a type without Draft & Publish. */
  publishedAtColumn: string;
  localeColumn?: string;
  draftAndPublish: boolean;
  /** The column of an attribute; throws for one that has none (a relation, a component). */
  column(attribute: string): string;
  components: Map<string, ComponentField>;
  /** Relations this type owns (it holds the join table's join column), by field name. */
  relations: Map<string, RelationField>;
  /** Columns holding JSON, which PostgreSQL's driver hands back parsed and must get back as text. */
  jsonColumns: Set<string>;
}

/** The storage layout of the types one piece of code touches, built once and passed around. */
export interface StorageLayout {
  document(uid: string): DocumentTable;
  /** The join table of a relation `uid.attribute`, from the side that owns it. */
  link(uid: string, attribute: string): LinkTable;
  /** Whether a relation is stored in a join table (rather than a column or a morph table). */
  hasLink(uid: string, attribute: string): boolean;
  /** The table of a type's rows, for a type with no documents of its own (a component). */
  tableOf(uid: string): string;
}

const JSON_TYPES = new Set(['json', 'blocks']);
const ID_COLUMN = 'id';

function modelMeta(strapi: Core.Strapi, uid: string): ModelMeta {
  const parsed = ModelMetaSchema.safeParse(strapi.db.metadata.get(uid as never));
  if (!parsed.success) throw new Error(`Strapi's metadata for ${uid} is not the layout this app was written for: ${parsed.error.message}`);
  return parsed.data;
}

function columnOf(uid: string, meta: ModelMeta, attribute: string): string {
  const column = meta.attributes[attribute]?.columnName;
  if (!column) throw new Error(`${uid}.${attribute} has no column of its own in Strapi's metadata`);
  return column;
}

function jsonColumnsOf(meta: ModelMeta): Set<string> {
  return new Set(
    Object.entries(meta.attributes)
      .filter(([, attribute]) => JSON_TYPES.has(attribute.type))
      .map(([name, attribute]) => attribute.columnName ?? name),
  );
}

function linkTableOf(uid: string, attribute: string, stored: Attribute | undefined): LinkTable {
  const joinTable = stored?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${attribute} has no join table in Strapi's metadata`);
  return {
    name: joinTable.name,
    ownerColumn: joinTable.joinColumn.name,
    targetColumn: joinTable.inverseJoinColumn.name,
    ownerOrderColumn: joinTable.orderColumnName,
    targetOrderColumn: joinTable.inverseOrderColumnName,
  };
}

/**
 * Strapi joins components through `<table>_cmps`: the join column names the owner, the inverse
 * column the component, `on` the field column and the last pivot column the component's type.
 */
function componentLinkOf(uid: string, attribute: string, stored: Attribute | undefined): ComponentLinkTable {
  const joinTable = stored?.joinTable;
  const fieldColumn = Object.keys(joinTable?.on ?? {})[0];
  const pivots = joinTable?.pivotColumns ?? [];
  const componentTypeColumn = pivots.find(
    (column) => ![joinTable?.joinColumn.name, joinTable?.inverseJoinColumn.name, fieldColumn].includes(column),
  );
  if (!joinTable || !fieldColumn || !componentTypeColumn || !joinTable.orderColumnName) {
    throw new Error(`${uid}.${attribute}: Strapi's component join table is not laid out as this app expects`);
  }
  return {
    name: joinTable.name,
    ownerColumn: joinTable.joinColumn.name,
    componentColumn: joinTable.inverseJoinColumn.name,
    fieldColumn,
    componentTypeColumn,
    orderColumn: joinTable.orderColumnName,
  };
}

interface SchemaAttribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  mappedBy?: string;
}

function documentTableOf(strapi: Core.Strapi, uid: string): DocumentTable {
  const schema = strapi.contentType(uid as never) as unknown as {
    attributes: Record<string, SchemaAttribute>;
    options?: { draftAndPublish?: boolean };
  };
  const meta = modelMeta(strapi, uid);
  const components = new Map<string, ComponentField>();
  const relations = new Map<string, RelationField>();
  for (const [field, attribute] of Object.entries(schema.attributes)) {
    const stored = meta.attributes[field];
    if (attribute.type === 'component') {
      const componentUid = attribute.component as string;
      const componentMeta = modelMeta(strapi, componentUid);
      components.set(field, {
        componentUid,
        componentTable: componentMeta.tableName,
        link: componentLinkOf(uid, field, stored),
        repeatable: attribute.repeatable === true,
        jsonColumns: jsonColumnsOf(componentMeta),
      });
    } else if (attribute.type === 'relation' && !attribute.mappedBy && stored?.joinTable && !attribute.relation?.startsWith('morph')) {
      relations.set(field, {
        targetUid: attribute.target as string,
        toMany: /ToMany$/.test(attribute.relation ?? ''),
        link: linkTableOf(uid, field, stored),
      });
    }
  }
  const draftAndPublish = schema.options?.draftAndPublish === true;
  return {
    uid,
    table: meta.tableName,
    idColumn: ID_COLUMN,
    documentIdColumn: columnOf(uid, meta, 'documentId'),
    publishedAtColumn: columnOf(uid, meta, 'publishedAt'),
    localeColumn: meta.attributes.locale?.columnName,
    draftAndPublish,
    column: (attribute) => columnOf(uid, meta, attribute),
    components,
    relations,
    jsonColumns: jsonColumnsOf(meta),
  };
}

const layouts = new WeakMap<Core.Strapi, StorageLayout>();

/** Strapi's layout, read lazily once per type: the metadata does not change while the app runs. */
export function storageLayout(strapi: Core.Strapi): StorageLayout {
  let layout = layouts.get(strapi);
  if (!layout) {
    layout = readLayout(strapi);
    layouts.set(strapi, layout);
  }
  return layout;
}

function readLayout(strapi: Core.Strapi): StorageLayout {
  const documents = new Map<string, DocumentTable>();
  const metas = new Map<string, ModelMeta>();
  const metaOf = (uid: string) => {
    let meta = metas.get(uid);
    if (!meta) {
      meta = modelMeta(strapi, uid);
      metas.set(uid, meta);
    }
    return meta;
  };
  return {
    document(uid) {
      let found = documents.get(uid);
      if (!found) {
        found = documentTableOf(strapi, uid);
        documents.set(uid, found);
      }
      return found;
    },
    link(uid, attribute) {
      return linkTableOf(uid, attribute, metaOf(uid).attributes[attribute]);
    },
    hasLink(uid, attribute) {
      return metaOf(uid).attributes[attribute]?.joinTable !== undefined;
    },
    tableOf(uid) {
      return metaOf(uid).tableName;
    },
  };
}
/**
 * The Strapi minor versions whose layout and write behaviour the row writer was compared against,
 * row by row (tests/integration/row-equality.test.ts). Another version may store documents
 * differently; the importer then writes through the Document Service instead.
 */
export const VERIFIED_STRAPI_MINORS = ['5.54'] as const;

const PackageSchema = z.object({ version: z.string().regex(/^\d+\.\d+\.\d+/) });

let installed: string | undefined;

/** Read once: the installed package does not change while the app runs, and imports ask per page. */
export function installedStrapiVersion(): string {
  installed ??= PackageSchema.parse(JSON.parse(readFileSync(require.resolve('@strapi/strapi/package.json'), 'utf8'))).version;
  return installed;
}

/** Whether rows may be written directly on this Strapi, and if not, why. */
export function rowWriterVerdict(version = installedStrapiVersion()): { verified: true } | { verified: false; reason: string } {
  const minor = version.split('.').slice(0, 2).join('.');
  if ((VERIFIED_STRAPI_MINORS as readonly string[]).includes(minor)) return { verified: true };
  return {
    verified: false,
    reason: `the import's row writer was verified on Strapi ${VERIFIED_STRAPI_MINORS.join(', ')}.x, not ${version}`,
  };
}
