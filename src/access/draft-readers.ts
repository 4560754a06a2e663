/** Strapi's auth strategy for content-API tokens (named `api-token` before 5.x minor releases). */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * Who may read unpublished content through the content APIs (REST and GraphQL): API-token
 * clients only. Anonymous visitors and end users signed in through users-permissions see
 * published content, whatever `status` they ask for.
 */
export function canReadDrafts(auth: { strategy?: { name?: string } } | undefined): boolean {
  return API_TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '');
}
