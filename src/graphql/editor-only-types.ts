import type { Core } from '@strapi/strapi';
import { INTERNAL_UIDS } from '../content-types';

/**
 * Pages, tombstones, aliases and import runs are the editors' bookkeeping of imports, and
 * entities' contributions the importer's: they have no REST routes and no public permissions,
 * and GraphQL must not generate types or queries for them either.
 */
export function hideEditorOnlyTypesFromGraphql(strapi: Core.Strapi): void {
  for (const uid of INTERNAL_UIDS) strapi.plugin('graphql').service('extension').shadowCRUD(uid).disable();
}
