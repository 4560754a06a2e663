import type { Core } from '@strapi/strapi';

/**
 * What the rest of the app does with the importer's writes, registered by it at start-up rather
 * than called from inside the importer, which knows nothing of the HTTP edge:
 * - `published`: inside the page's transaction, after its documents were written, the documents
 *   it published, so that derived data (the search index) rolls back with a failed page;
 * - `committed`: once a unit of the importer's writes (a page, a merge, a desk run's bookkeeping)
 *   has committed, what it changed in published content (the cached API answers that can hold
 *   those documents are dropped then; a unit that wrote only drafts drops none).
 * Entry events for webhooks and other subscribers go through `strapi.eventHub` (load/entry-events.ts).
 */
export interface ImportHooks {
  published?(strapi: Core.Strapi, documents: ReadonlyArray<{ uid: string; documentId: string }>): Promise<void>;
  committed?(strapi: Core.Strapi, published: readonly PublishedDocuments[]): Promise<void>;
}

/**
 * Documents of one type whose published version a unit wrote, unpublished or deleted (of a type
 * without drafts, whose only version is the published one, every document it wrote).
 */
export interface PublishedDocuments {
  uid: string;
  documentIds: readonly string[];
}

/**
 * Kept on the Strapi instance under a global symbol, not in this module: the app runs from dist/
 * while scripts and tests may load this file from src/, and both must see the same hooks.
 */
const HOOKS = Symbol.for('newsroom.importHooks');
type WithHooks = Core.Strapi & { [HOOKS]?: ImportHooks[] };

const hooksOf = (strapi: Core.Strapi): ImportHooks[] => (strapi as WithHooks)[HOOKS] ?? [];

export function registerImportHooks(strapi: Core.Strapi, hooks: ImportHooks): void {
  (strapi as WithHooks)[HOOKS] = [...hooksOf(strapi), hooks];
}

export async function runPublishedHooks(strapi: Core.Strapi, documents: ReadonlyArray<{ uid: string; documentId: string }>): Promise<void> {
  for (const hooks of hooksOf(strapi)) await hooks.published?.(strapi, documents);
}

export async function runCommittedHooks(strapi: Core.Strapi, published: readonly PublishedDocuments[]): Promise<void> {
  for (const hooks of hooksOf(strapi)) await hooks.committed?.(strapi, published);
}
