/** The four curated content types, in the order the importer links them. */
export const ARTICLE_UID = 'api::article.article';
export const OFFICIAL_UID = 'api::official.official';
export const PROJECT_UID = 'api::project.project';
export const RESEARCH_PLATFORM_UID = 'api::research-platform.research-platform';

export const NEWSROOM_UIDS = [ARTICLE_UID, OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID] as const;
export type NewsroomUid = (typeof NEWSROOM_UIDS)[number];

/** Editors' bookkeeping of each imported page: visible in the admin, never in the public APIs. */
export const PAGE_UID = 'api::page.page';
export type ImportedUid = NewsroomUid | typeof PAGE_UID;

/**
 * The editors' desk bookkeeping: deleted imported articles, merged spellings and import runs.
 * Admin only, like pages.
 */
export const TOMBSTONE_UID = 'api::tombstone.tombstone';
export const ENTITY_ALIAS_UID = 'api::entity-alias.entity-alias';
export const IMPORT_RUN_UID = 'api::import-run.import-run';

export const EDITOR_ONLY_UIDS = [PAGE_UID, TOMBSTONE_UID, ENTITY_ALIAS_UID, IMPORT_RUN_UID] as const;

/**
 * What each imported article said about each entity: the importer's own record, hidden from
 * the admin too. A content type rather than a table of its own, so `strapi export` carries it.
 */
export const ENTITY_CONTRIBUTION_UID = 'api::entity-contribution.entity-contribution';

/** Types no public API may show: GraphQL generates nothing for them. */
export const INTERNAL_UIDS = [...EDITOR_ONLY_UIDS, ENTITY_CONTRIBUTION_UID] as const;
