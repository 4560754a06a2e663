import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import { storageLayout } from '../strapi-rows';

/**
 * Relations in REST responses, loaded with a bound per entry. Strapi populates a relation with
 * every linked entry (an official's articles grow with the archive) and its populate `limit`
 * counts rows across all entries of the page, so both are useless as a per-entry cap. Here each
 * relation of each level costs two queries per thousand parents, whatever the page size: one window
 * query on the join table picks the first `maxEntries` links of every parent (in the order editors
 * gave them) and counts them all, then one Document Service query reads those targets. Entries past the bound
 * are left out and reported in `meta.truncatedRelations`, with the route that pages through them.
 */

type Entry = { id: number; documentId: string; [field: string]: unknown };
type Auth = unknown;

export interface RelationPlan {
  /** Options for the target's own query: fields and the populate of components and media. */
  query: { fields?: string[]; populate?: Record<string, unknown> };
  relations: Record<string, RelationPlan>;
}

export interface TruncatedRelation {
  documentId: string;
  relation: string;
  returned: number;
  total: number;
  /** The target's REST route filtered to this entry, to page through all of them. */
  more?: string;
}

interface LoadContext {
  strapi: Core.Strapi;
  auth: Auth;
  status: 'draft' | 'published';
  maxEntries: number;
  truncated: TruncatedRelation[];
}

type PopulateValue = boolean | string | Record<string, unknown> | unknown[];

const isTrue = (value: unknown) => value === true || value === 'true' || value === '*' || value === '1';

/**
 * Splits a validated `populate` into what Strapi may populate itself (components, media, relation
 * counts) and the relations to load bounded, recursively for the relations' own populate.
 */
export function planPopulate(strapi: Core.Strapi, uid: string, populate: unknown): { populate: Record<string, unknown>; relations: Record<string, RelationPlan> } {
  const model = strapi.getModel(uid as any) as any;
  const own: Record<string, unknown> = {};
  const relations: Record<string, RelationPlan> = {};

  for (const [name, value] of Object.entries(normalizePopulate(model, populate))) {
    const attribute = model.attributes[name];
    if (attribute?.type !== 'relation') {
      own[name] = value;
      continue;
    }
    const options = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (isTrue(options.count)) {
      own[name] = { count: true };
      continue;
    }
    const nested = planPopulate(strapi, attribute.target, options.populate ?? {});
    relations[name] = {
      query: {
        ...(options.fields !== undefined ? { fields: asList(options.fields) } : {}),
        ...(Object.keys(nested.populate).length > 0 ? { populate: nested.populate } : {}),
      },
      relations: nested.relations,
    };
  }
  return { populate: own, relations };
}

function asList(value: unknown): string[] {
  return (Array.isArray(value) ? value.map(String) : String(value).split(',')).map((part) => part.trim());
}

/** Every populate form Strapi accepts (`*`, `a,b.c`, lists, objects) as `{ attribute: options }`. */
function normalizePopulate(model: any, populate: unknown): Record<string, PopulateValue> {
  if (populate === undefined || populate === false || populate === 'false') return {};
  if (populate === '*' || populate === true || populate === 'true') {
    return Object.fromEntries(
      Object.entries(model.attributes)
        .filter(([name, attribute]: [string, any]) =>
          ['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type) &&
          contentTypeUtils.isVisibleAttribute(model, name) && !contentTypeUtils.isPrivateAttribute(model, name))
        .map(([name]) => [name, true]),
    );
  }
  if (typeof populate === 'string' || Array.isArray(populate)) {
    const paths = (Array.isArray(populate) ? populate.map(String) : populate.split(',')).map((path) => path.trim());
    const result: Record<string, PopulateValue> = {};
    for (const path of paths) {
      const [head, ...rest] = path.split('.');
      if (rest.length === 0) {
        result[head] ??= true;
      } else {
        const current = result[head];
        const nested = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
        const previous = nested.populate;
        nested.populate = [...(Array.isArray(previous) ? previous : []), rest.join('.')];
        result[head] = nested;
      }
    }
    return result;
  }
  return populate as Record<string, PopulateValue>;
}

/** Loads every planned relation onto `entries` (already sanitized content-API output). */
export async function loadRelations(
  context: LoadContext,
  uid: string,
  entries: Entry[],
  relations: Record<string, RelationPlan>,
): Promise<void> {
  if (entries.length === 0) return;
  for (const [name, plan] of Object.entries(relations)) {
    await loadRelation(context, uid, entries, name, plan);
  }
}

async function loadRelation(context: LoadContext, uid: string, entries: Entry[], name: string, plan: RelationPlan): Promise<void> {
  const { strapi, maxEntries, auth } = context;
  const attribute = (strapi.getModel(uid as any) as any).attributes[name];
  const target: string = attribute.target;
  const toMany = /Many$/.test(attribute.relation);
  const links = await firstLinks(context, uid, name, entries.map((entry) => entry.id), toMany ? maxEntries : 1);

  const targetIds = [...new Set([...links.values()].flatMap((link) => link.ids))];
  const targetModel = strapi.getModel(target as any) as any;
  const found: Entry[] = [];
  // The links already hold only targets of the wanted status, so their rows are read by id through
  // the query engine: the Document Service would add a status filter, a transaction and its
  // middleware chain to every read, a third of the relation's cost for nothing.
  for (const ids of chunks(targetIds)) {
    const batch = await strapi.db.query(target as any).findMany({
      where: { id: { $in: ids } },
      ...(plan.query.fields ? { select: [...new Set(['id', 'documentId', ...plan.query.fields])] } : {}),
      ...(plan.query.populate ? { populate: plan.query.populate } : {}),
    });
    found.push(...(batch as unknown as Entry[]));
  }
  const sanitized = (await strapi.contentAPI.sanitize.output(found, targetModel, { auth })) as Entry[];
  await loadRelations(context, target, sanitized, plan.relations);
  const byId = new Map(sanitized.map((entry) => [entry.id, entry]));

  for (const entry of entries) {
    const link = links.get(entry.id) ?? { ids: [], total: 0 };
    const related = link.ids.map((id) => byId.get(id)).filter((value): value is Entry => value !== undefined);
    entry[name] = toMany ? related : related[0] ?? null;
    if (toMany && link.total > related.length) {
      context.truncated.push({
        documentId: entry.documentId,
        relation: name,
        returned: related.length,
        total: link.total,
        ...pagingRoute(strapi, target, attribute, entry.documentId),
      });
    }
  }
}

/**
 * Ids go to the database as bound parameters, of which SQLite takes 32,766 and PostgreSQL 65,535
 * per statement; a second level of populate can name more than that (100 × 25 × 25).
 */
const IDS_PER_QUERY = 1000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += IDS_PER_QUERY) result.push(items.slice(start, start + IDS_PER_QUERY));
  return result;
}

/** `/api/articles?filters[officials][documentId][$eq]=…`: the paged list behind a truncated relation. */
function pagingRoute(strapi: Core.Strapi, target: string, attribute: any, documentId: string): { more?: string } {
  const inverse = attribute.inversedBy ?? attribute.mappedBy;
  const targetModel = strapi.getModel(target as any) as any;
  if (!inverse || targetModel.kind !== 'collectionType') return {};
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return { more: `${prefix}/${targetModel.info.pluralName}?filters[${inverse}][documentId][$eq]=${documentId}&pagination[page]=1` };
}

type LinkRow = { parent_id: number | string; target_id: number | string; total: number | string };

/**
 * For each parent, the ids of its first `limit` linked targets of the wanted status, in the
 * relation's order, and how many there are in all.
 */
async function firstLinks(
  context: LoadContext,
  uid: string,
  name: string,
  parentIds: number[],
  limit: number,
): Promise<Map<number, { ids: number[]; total: number }>> {
  const links = new Map<number, { ids: number[]; total: number }>();
  for (const parents of chunks(parentIds)) {
    for (const row of await rankedLinks(context, uid, name, parents, limit)) {
      const link = links.get(Number(row.parent_id)) ?? { ids: [], total: Number(row.total) };
      link.ids.push(Number(row.target_id));
      links.set(Number(row.parent_id), link);
    }
  }
  return links;
}

/** One query with window functions (SQLite 3.25+, PostgreSQL, MySQL 8 / MariaDB 10.2+). */
function rankedLinks(context: LoadContext, uid: string, name: string, parents: number[], limit: number): Promise<LinkRow[]> {
  const { strapi, status } = context;
  const layout = storageLayout(strapi);
  const link = layout.link(uid, name);
  const target = layout.document((strapi.getModel(uid as any) as any).attributes[name].target);
  const knex = strapi.db.connection;
  const parentColumn = `lnk.${link.ownerColumn}`;
  const targetColumn = `lnk.${link.targetColumn}`;
  const orderColumn = link.ownerOrderColumn ? `lnk.${link.ownerOrderColumn}` : targetColumn;

  const ranked = knex
    .select(
      knex.raw('?? as parent_id', [parentColumn]),
      knex.raw('?? as target_id', [targetColumn]),
      knex.raw('row_number() over (partition by ?? order by ??, ??) as position', [parentColumn, orderColumn, targetColumn]),
      knex.raw('count(*) over (partition by ??) as total', [parentColumn]),
    )
    .from({ lnk: link.name })
    .join({ tgt: target.table }, `tgt.${target.idColumn}`, targetColumn)
    .whereIn(parentColumn, parents);
  if (target.draftAndPublish) {
    if (status === 'published') ranked.whereNotNull(`tgt.${target.publishedAtColumn}`);
    else ranked.whereNull(`tgt.${target.publishedAtColumn}`);
  }
  return knex.select('parent_id', 'target_id', 'total').from(ranked.as('ranked')).where('position', '<=', limit).orderBy(['parent_id', 'position']);
}
