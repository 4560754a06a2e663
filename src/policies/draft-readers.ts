/**
 * Who may read unpublished content through the content APIs (REST and GraphQL): API-token
 * clients only. Anonymous visitors and end users signed in through users-permissions see
 * published content, whatever `status` they ask for.
 */
export function canReadDrafts(auth: { strategy?: { name?: string } } | undefined): boolean {
  return auth?.strategy?.name === 'api-token';
}
