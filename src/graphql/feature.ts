import type { Core } from '@strapi/strapi';
import { registerBatchedFields } from './batched-fields';
import { hideEditorOnlyTypesFromGraphql } from './editor-only-types';
import { registerGraphqlGuards } from './guards';
import { registerRankingQuery } from './ranking-query';
import { registerSearchQuery } from './search-query';

/**
 * Everything the app adds to Strapi's GraphQL plugin: guards on the generated queries, the editors'
 * types hidden, relation fields batched, and the search and ranking queries. Its limits are
 * configured in config/plugins.ts (./limits.ts); its request checks run as `global::graphql-request`.
 */
export const graphqlFeature = {
  name: 'graphql',
  register(strapi: Core.Strapi) {
    registerGraphqlGuards(strapi);
    hideEditorOnlyTypesFromGraphql(strapi);
    registerBatchedFields(strapi);
    registerSearchQuery(strapi);
    registerRankingQuery(strapi);
  },
};
