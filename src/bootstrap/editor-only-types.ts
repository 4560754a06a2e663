import type { Core } from '@strapi/strapi';
import { PAGE_UID } from '../content-types';

/**
 * Pages are the editors' bookkeeping of imports: they have no REST routes and no public
 * permissions, and GraphQL must not generate types or queries for them either.
 */
export function hideEditorOnlyTypesFromGraphql(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').shadowCRUD(PAGE_UID).disable();
}
