import type { Core } from '@strapi/strapi';
import { checkGraphqlFilters } from './filter-checks';
import type { Limits } from '../../config/limits';
import { loadRelations } from '../limits/bounded-relations';

/**
 * Strapi's GraphQL plugin resolves a relation or component field once per parent row: a list of
 * 100 articles with their officials, projects, platforms and credits costs 400 statements more
 * than a list of one. Here those fields, when asked for without their own arguments, wait for
 * every parent of the same request reaching them in the same turn of the event loop, and load
 * for all of them at once: relations through the REST loader (src/limits/bounded-relations.ts,
 * two statements per relation, bounded per entry), components through one populate. With
 * filters, sort or pagination on the field, Strapi's own resolver runs as before.
 */

type Parent = { id: number; documentId: string; publishedAt?: unknown };
type ResolverNext = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => Promise<unknown>;
type Loaded = Map<number, unknown>;

interface PendingBatch {
  parents: Map<number, Parent>;
  loaded: Promise<Loaded>;
}

/** Batches per request: the GraphQL context object lives exactly as long as one operation. */
const batchesByRequest = new WeakMap<object, Map<string, PendingBatch>>();

function batched(context: object, key: string, parent: Parent, load: (parents: Parent[]) => Promise<Loaded>): Promise<unknown> {
  let batches = batchesByRequest.get(context);
  if (!batches) batchesByRequest.set(context, (batches = new Map()));
  let batch = batches.get(key);
  if (!batch) {
    const parents = new Map<number, Parent>();
    const pendingBatches = batches;
    const loaded = new Promise<Loaded>((resolve, reject) => {
      // Sibling resolvers reach this point through several awaits of Strapi's resolver wrappers,
      // not all in the same turn: the batch runs after a turn of the event loop in which no
      // parent joined it.
      let seen = -1;
      const dispatchWhenQuiet = () => {
        if (parents.size !== seen) {
          seen = parents.size;
          setImmediate(dispatchWhenQuiet);
          return;
        }
        pendingBatches.delete(key);
        load([...parents.values()]).then(resolve, reject);
      };
      setImmediate(dispatchWhenQuiet);
    });
    batch = { parents, loaded };
    batches.set(key, batch);
  }
  batch.parents.set(parent.id, parent);
  return batch.loaded.then((loaded) => loaded.get(parent.id));
}

const isEmptyArgument = (value: unknown) =>
  value === undefined || value === null
  || (Array.isArray(value) && value.length === 0)
  || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/** Arguments Strapi's resolver would apply itself: filters, sort, pagination, status (the schema's defaults are empty). */
function hasOwnArguments(args: Record<string, unknown>): boolean {
  return !Object.values(args).every(isEmptyArgument);
}

const IDS_PER_QUERY = 1000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += IDS_PER_QUERY) result.push(items.slice(start, start + IDS_PER_QUERY));
  return result;
}

function relationLoader(strapi: Core.Strapi, uid: string, attribute: string, auth: unknown, status: 'draft' | 'published', toMany: boolean) {
  return async (parents: Parent[]): Promise<Loaded> => {
    const entries = parents.map((parent) => ({ id: parent.id, documentId: parent.documentId })) as Array<Record<string, unknown> & { id: number; documentId: string }>;
    await loadRelations(
      {
        strapi,
        auth,
        status,
        // The plugin's own default for nested lists: the same entries as Strapi's resolver returns.
        maxEntries: toMany ? strapi.config.get<number>('plugin::graphql.defaultLimit', strapi.config.get<Limits>('limits').maxRelatedEntries) : 1,
        truncated: [],
      },
      uid,
      entries,
      { [attribute]: { query: {}, relations: {} } },
    );
    return new Map(entries.map((entry) => [entry.id, entry[attribute]]));
  };
}

function componentLoader(strapi: Core.Strapi, uid: string, attribute: string) {
  return async (parents: Parent[]): Promise<Loaded> => {
    const loaded: Loaded = new Map();
    for (const ids of chunks(parents.map((parent) => parent.id))) {
      const rows = await strapi.db.query(uid as any).findMany({ where: { id: { $in: ids } }, select: ['id'], populate: { [attribute]: true } });
      for (const row of rows as Array<Record<string, unknown>>) loaded.set(Number(row.id), row[attribute]);
    }
    return loaded;
  };
}

export function registerBatchedFields(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  const naming = graphql.service('utils').naming;
  const extension = graphql.service('extension');
  const resolversConfig: Record<string, { middlewares: unknown[] }> = {};

  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::') || extension.shadowCRUD(uid).isDisabled()) continue;
    const typeName = naming.getTypeName(contentType);
    for (const [name, attribute] of Object.entries((contentType as any).attributes as Record<string, any>)) {
      const isRelation =
        attribute.type === 'relation' && typeof attribute.target === 'string' && attribute.target.startsWith('api::')
        && !attribute.relation.startsWith('morph') && !extension.shadowCRUD(attribute.target).isDisabled();
      const isComponent = attribute.type === 'component';
      if (!isRelation && !isComponent) continue;
      const toMany = isRelation ? /Many$/.test(attribute.relation) : Boolean(attribute.repeatable);

      const middleware = async (next: ResolverNext, parent: Parent, args: Record<string, unknown>, context: any, info: unknown) => {
        if (isRelation) checkGraphqlFilters(strapi, attribute.target, args.filters);
        if (hasOwnArguments(args) || typeof parent?.id !== 'number' || typeof context !== 'object' || context === null) {
          return next(parent, args, context, info);
        }
        const status = parent.publishedAt ? 'published' : 'draft';
        const load = isRelation
          ? relationLoader(strapi, uid, name, context.state?.auth, status, toMany)
          : componentLoader(strapi, uid, name);
        const value = await batched(context, `${uid}.${name}.${status}`, parent, load);
        return value ?? (toMany ? [] : null);
      };
      resolversConfig[`${typeName}.${name}`] = { middlewares: [middleware] };
    }
  }
  extension.use({ resolversConfig });
}
