import type { Core } from '@strapi/strapi';

/** REST routes under the API prefix (`/api`) and the GraphQL endpoint: what anonymous readers reach. */
export function isContentApiPath(strapi: Core.Strapi, path: string): boolean {
  return isRestPath(strapi, path) || path === graphqlEndpoint(strapi);
}

export function isRestPath(strapi: Core.Strapi, path: string): boolean {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function graphqlEndpoint(strapi: Core.Strapi): string {
  return strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
}

export interface ContentApiRoute {
  uid: string;
  /** The path segment after the collection, i.e. the documentId of findOne/update/delete. */
  documentId?: string;
}

/**
 * The content type a core REST route serves, from its path: `/api/<pluralName>[/<documentId>]`
 * for collection types, `/api/<singularName>` for single types. Other paths (auth, users,
 * custom routes) are not content-type routes.
 */
export function contentApiRouteOf(strapi: Core.Strapi, path: string): ContentApiRoute | undefined {
  if (!isRestPath(strapi, path)) return undefined;
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const segments = path.slice(prefix.length).split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return undefined;
  const [collection, documentId] = segments;
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const { kind, info } = contentType as { kind: string; info: { pluralName: string; singularName: string } };
    if (kind === 'collectionType' && info.pluralName === collection) return { uid, documentId };
    if (kind === 'singleType' && info.singularName === collection && documentId === undefined) return { uid };
  }
  return undefined;
}
