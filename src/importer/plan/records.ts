import type { ProjectStage } from '../extraction-schema';
import type { EntitySummary } from './summary';
import { ARTICLE_UID, OFFICIAL_UID, PAGE_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, type ImportedUid } from '../../content-types';

/**
 * The importer's view of a document: the fields it manages, as plain comparable values.
 * Relations are sets of natural keys (an entity's import key, or its name when an editor created
 * it), so plans can be computed and tested without a database.
 */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
export type Fields = Record<string, FieldValue>;

/** A list of objects told apart by one of their fields, such as an official's posts by title. */
export interface KeyedList {
  keyedBy: string;
}

/** How a field is reconciled with an editor's changes. */
export type FieldKind =
  /** Replaced as a whole: the importer's new value wins only where nobody edited the field. */
  | 'value'
  /** A set of strings: additions and removals are merged item by item (relations). */
  | 'set'
  /** Merged item by item like a set; an item an editor changed is the editor's from then on. */
  | KeyedList;

export interface TypeSpec {
  uid: ImportedUid;
  label: string;
  fields: Record<string, FieldKind>;
  /**
   * Fields the importer sets only when it creates a document (natural keys, review status);
   * editors own them afterwards, so publishing must carry each version's own value.
   */
  createOnly: readonly string[];
  draftAndPublish: boolean;
}

export const PAGE_SPEC: TypeSpec = {
  uid: PAGE_UID,
  label: 'Page',
  fields: { fileName: 'value', sha256: 'value', issueDate: 'value', page: 'value', lineCount: 'value', unassigned: 'value' },
  createOnly: [],
  draftAndPublish: false,
};

export const ARTICLE_SPEC: TypeSpec = {
  uid: ARTICLE_UID,
  label: 'Article',
  fields: {
    kicker: 'value',
    title: 'value',
    subtitle: 'value',
    titleGenerated: 'value',
    confidence: 'value',
    outlet: 'value',
    credits: 'value',
    dateline: 'value',
    eventDate: 'value',
    issueDate: 'value',
    page: 'value',
    continuedOn: 'value',
    continuedFrom: 'value',
    body: 'value',
    figures: 'value',
    source: 'value',
    reviewFlags: 'value',
    sourcePage: 'value',
    officials: 'set',
    projects: 'set',
    researchPlatforms: 'set',
  },
  createOnly: ['sourceKey', 'reviewStatus'],
  draftAndPublish: true,
};

export const OFFICIAL_SPEC: TypeSpec = {
  uid: OFFICIAL_UID,
  label: 'Official',
  fields: { name: 'value', posts: { keyedBy: 'title' }, confidence: 'value' },
  createOnly: ['importKey'],
  draftAndPublish: true,
};

export const PROJECT_SPEC: TypeSpec = {
  uid: PROJECT_UID,
  label: 'Project',
  fields: { name: 'value', stage: 'value', confidence: 'value' },
  createOnly: ['importKey'],
  draftAndPublish: true,
};

export const RESEARCH_PLATFORM_SPEC: TypeSpec = {
  uid: RESEARCH_PLATFORM_UID,
  label: 'ResearchPlatform',
  fields: { name: 'value', nameGenerated: 'value', kind: 'value', hostInstitution: 'value', confidence: 'value' },
  createOnly: ['importKey'],
  draftAndPublish: true,
};

/**
 * The page first and entities next: articles link to them, and publishing must see the
 * entities published before the articles.
 */
export const TYPE_SPECS = [PAGE_SPEC, OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC, ARTICLE_SPEC] as const;

export const ARTICLE_RELATIONS = {
  officials: OFFICIAL_SPEC,
  projects: PROJECT_SPEC,
  researchPlatforms: RESEARCH_PLATFORM_SPEC,
} as const;
export type ArticleRelation = keyof typeof ARTICLE_RELATIONS;

/** An official's post as printed, with the first and last issue it was printed in. */
export type Post = { title: string; firstSeen: string | null; lastSeen: string | null };

/**
 * What one article of one page says about an entity; entities keep one per article key. The
 * confidences are the extraction's (how sure the rules are of the name, and of each title, the
 * stage or the host); a say stored before the importer gave confidences has none.
 */
export type OfficialContribution = { titles: string[]; issueDate: string | null; confidence?: number; titleConfidences?: number[] };
export type ProjectContribution = { stage: ProjectStage | null; confidence?: number; stageConfidence?: number };
export type PlatformContribution = {
  kind: string;
  host: string | null;
  nameGenerated: boolean;
  confidence?: number;
  hostConfidence?: number;
};
export type Contribution = OfficialContribution | ProjectContribution | PlatformContribution;

/**
 * How sure the importer is of a link between an article and an entity: of the name, and of what
 * the article says about it (the least sure title, the stage, the host); null for a say stored
 * before confidences existed. Editors see the least sure links first.
 */
export function linkConfidence(said: Contribution): number | null {
  if (said.confidence === undefined) return null;
  const about =
    'titleConfidences' in said
      ? (said.titleConfidences ?? [])
      : 'stageConfidence' in said
        ? [said.stageConfidence ?? 1]
        : 'hostConfidence' in said
          ? [said.hostConfidence ?? 1]
          : [];
  return Math.min(said.confidence, ...about);
}

export const SNAPSHOT_VERSION = 3;

/**
 * Stored in each document's hidden `importSnapshot`: what the importer last wrote (to tell an
 * editor's change from its own) and, for entities, the summary of what every article said about
 * them (src/importer/plan/summary.ts). What each article said is kept apart, one entity
 * contribution per article (src/importer/load/contributions.ts): version 2 kept all of it here,
 * and a frequent official's snapshot grew with every page that named him.
 */
export interface ImportSnapshot {
  version: typeof SNAPSHOT_VERSION;
  written: Fields;
  /** Absent when the entity's contributions must be read again (an editor's entry, or a merge moved some to it). */
  summary?: EntitySummary;
}

/** What one article said about one entity, as the entity contributions keep it. */
export interface ContributionRow {
  entityType: string;
  entityKey: string;
  articleKey: string;
  said: Contribution;
  /** linkConfidence(said), in a column of its own so the desk can list the least sure links. */
  confidence: number | null;
}

/** A document the importer wants to exist, keyed by its natural key. */
export interface DesiredRecord {
  spec: TypeSpec;
  key: string;
  fields: Fields;
  summary?: EntitySummary;
  /** Set only when the document is created; keys are the spec's `createOnly` fields. */
  createOnly: Fields;
}

/** One version (draft or published) of a stored document. */
export interface StoredVersion {
  /** The managed fields and the create-only fields. */
  fields: Fields;
  snapshot: ImportSnapshot | null;
}

/** A document as it is now in the database: its draft, and its published version if it has one. */
export interface CurrentRecord extends StoredVersion {
  documentId: string;
  key: string;
  published: StoredVersion | null;
}
