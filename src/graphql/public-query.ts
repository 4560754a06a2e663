import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Nexus as Strapi's GraphQL plugin hands it to extensions; the plugin does not export its type. */
type Nexus = any;

export interface PaginationArg {
  page?: number | null;
  pageSize?: number | null;
  start?: number | null;
  limit?: number | null;
}

/**
 * GraphQL's PaginationArg as the page/pageSize query parameters the REST twins validate, so a
 * query and its route accept and refuse the same pages.
 */
export function pageParams(pagination: PaginationArg | null | undefined): Record<string, string> {
  const { page, pageSize, start, limit } = pagination ?? {};
  if ((start ?? null) !== null || (limit ?? null) !== null) {
    throw new errors.ValidationError('This query pages by page and pageSize, not start and limit');
  }
  const params: Record<string, string> = {};
  if (page !== undefined && page !== null) params.page = String(page);
  if (pageSize !== undefined && pageSize !== null) params.pageSize = String(pageSize);
  return params;
}

export interface PublicQuery<Args> {
  /** The field on `Query`. */
  name: string;
  description: string;
  /** The name of the non-null object type it returns, one of `types` or the plugin's own. */
  returns: string;
  /** The object types of the result, built with the plugin's nexus. */
  types: (nexus: Nexus) => unknown[];
  args: (nexus: Nexus) => Record<string, unknown>;
  resolve: (args: Args) => unknown;
}

/**
 * Adds a read-only query, open to anonymous readers like the published content it serves, to the
 * schema of Strapi's GraphQL plugin: its object types, the field on `Query`, and the resolver
 * config without which the plugin would demand an authenticated user.
 */
export function registerPublicQuery<Args>(strapi: Core.Strapi, query: PublicQuery<Args>): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        ...query.types(nexus),
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field(query.name, {
              type: query.returns,
              description: query.description,
              args: query.args(nexus),
              resolve: (_parent: unknown, args: Args) => query.resolve(args),
            });
          },
        }),
      ],
      resolversConfig: { [`Query.${query.name}`]: { auth: false } },
    }));
}
