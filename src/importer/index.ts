import type { Core } from '@strapi/strapi';
import { moveContributionsOutOfSnapshots } from './startup/contributions-out-of-snapshots';
import { rememberDeletedArticles } from './load/curation';
import { trackEventListeners } from './load/entry-events';
import { convertHeldJsonLists } from './startup/json-lists';
import { ensureLookupIndexes } from './startup/lookup-indexes';
import { reportImportWriter } from './load/writers';

/**
 * The importer's public face: everything the rest of the app, the CLI and the benchmarks use of
 * it, and nothing else (tests/unit/architecture/imports.test.ts refuses deep imports from outside).
 * Inside, layout/, articles/ and entities/ read pages, plan/ decides what to write, load/ reads
 * what is stored and writes what changed, startup/ migrates at start and pages/ finds page files.
 */
export { createImporter, addCounts } from './service';
export type { FileReport, ImportOptions, ImportReport, Importer, PageExtractor, TypeCounts } from './service';
export { extractPage, readPage } from './extract';
export type { ExtractOptions, PageExtraction, PageInput } from './extract';
export { decodePage, MAX_PAGE_LINES } from './layout/decode';
export { PageError } from './errors';
export { CreditRoleSchema, IsoDateSchema, ProjectStageSchema } from './extraction-schema';
export type { ArticleExtraction, CreditRole, Extraction, ProjectStage } from './extraction-schema';
export { IssueDateSchema, pageMetaFor } from './pages/manifest';
export { resolvePages } from './pages/discover';
export type { FolderPages } from './pages/discover';
export { deletedLines, fileLine, keptLines, planLines, summaryTable, unassignedLines } from './report';
export { ARTICLE_RELATIONS, OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC, TYPE_SPECS } from './plan/records';
export type { ArticleRelation, CurrentRecord, FieldValue, Fields, TypeSpec } from './plan/records';
/** What the desk's review reads: the stored entities and the plan's notion of an unchanged field. */
export { readEntities } from './load/current';
export { sameField } from './plan/merge';
/** Editors' curation: merging an entity into another, its merged spellings. */
export { aliasesOf, forgetDeleted, mergeEntity, removeAlias, restoreDeletedArticle } from './load/curation';
export type { RestoredArticle, UnmergeResult } from './load/curation';
/** What the print says beside a name an editor links by hand (titles, stage, kind). */
export { besideSelectedName } from './entities/beside';
export type { BesideName, SelectedKind } from './entities/beside';
/** What the desk shows of a page: its printed furniture and the meta its file name gives. */
export { isFurniture } from './articles/furniture';
export type { PageMeta } from './plan/desired';
/** What the rest of the app does with the importer's writes (the search index, the response cache). */
export { registerImportHooks } from './hooks';
export type { ImportHooks } from './hooks';
/** The import lock's transaction, for writes that must not interleave with an import (a desk run's bookkeeping). */
export { inImportTransaction } from './load/lock';

/**
 * At register: before Strapi's Document Service is used, so that editors' deletions of imported
 * articles are remembered, and before anyone subscribes to the event hub, whose listeners are counted.
 */
export function registerImporter(strapi: Core.Strapi): void {
  rememberDeletedArticles(strapi);
  trackEventListeners(strapi);
}

/**
 * At bootstrap, in this order, before anything reads content: finishes the v1 → v2 migration of
 * database/migrations/, then v2 → v3, adds the lookup indexes, and says which writer imports use.
 */
export async function startup(strapi: Core.Strapi): Promise<void> {
  await convertHeldJsonLists(strapi);
  await moveContributionsOutOfSnapshots(strapi);
  await ensureLookupIndexes(strapi);
  reportImportWriter(strapi);
}

/** The importer as a feature of the app (src/features.ts). */
export const importerFeature = {
  name: 'importer',
  register: registerImporter,
  bootstrap: startup,
};
