import type { ProjectStage } from '../contract';
import { ARTICLE_UID, OFFICIAL_UID, PROJECT_UID, RESEARCH_PLATFORM_UID, type NewsroomUid } from '../../content-types';

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
  /** A set of strings: additions and removals are merged item by item (titles, relations). */
  | 'set'
  /** Merged item by item like a set; an item an editor changed is the editor's from then on. */
  | KeyedList;

export interface TypeSpec {
  uid: NewsroomUid;
  label: string;
  fields: Record<string, FieldKind>;
}

export const ARTICLE_SPEC: TypeSpec = {
  uid: ARTICLE_UID,
  label: 'Article',
  fields: {
    title: 'value', subtitle: 'value', titleGenerated: 'value', outlet: 'value', reporters: 'value',
    dateline: 'value', issueDate: 'value', page: 'value', continuedOn: 'value', body: 'value',
    figures: 'value', source: 'value', officials: 'set', projects: 'set', researchPlatforms: 'set',
  },
};

export const OFFICIAL_SPEC: TypeSpec = {
  uid: OFFICIAL_UID,
  label: 'Official',
  fields: { name: 'value', titles: 'set' },
};

export const PROJECT_SPEC: TypeSpec = {
  uid: PROJECT_UID,
  label: 'Project',
  fields: { name: 'value', stage: 'value' },
};

export const RESEARCH_PLATFORM_SPEC: TypeSpec = {
  uid: RESEARCH_PLATFORM_UID,
  label: 'ResearchPlatform',
  fields: { name: 'value', nameGenerated: 'value', kind: 'value', hostInstitution: 'value' },
};

/** Entities first: articles link to them, and publishing must see them published first. */
export const TYPE_SPECS = [OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC, ARTICLE_SPEC] as const;

export const ARTICLE_RELATIONS = {
  officials: OFFICIAL_SPEC,
  projects: PROJECT_SPEC,
  researchPlatforms: RESEARCH_PLATFORM_SPEC,
} as const;
export type ArticleRelation = keyof typeof ARTICLE_RELATIONS;

/** An official's post as printed, with the first and last issue it was printed in. */
export type Post = { title: string; firstSeen: string | null; lastSeen: string | null };

/** What one article of one page says about an entity; entities keep one per article key. */
export type OfficialContribution = { titles: string[] };
export type ProjectContribution = { stage: ProjectStage | null };
export type PlatformContribution = { kind: string; host: string | null; nameGenerated: boolean };
export type Contribution = OfficialContribution | ProjectContribution | PlatformContribution;

/**
 * Stored in each document's hidden `importSnapshot`: what the importer last wrote (to tell an
 * editor's change from its own) and, for entities, what each article said (so re-importing one
 * page replaces that page's say without forgetting what other pages said).
 */
export interface ImportSnapshot {
  version: 1;
  written: Fields;
  contributions?: Record<string, Contribution>;
}

/** A document the importer wants to exist, keyed by its natural key. */
export interface DesiredRecord {
  spec: TypeSpec;
  key: string;
  fields: Fields;
  contributions?: Record<string, Contribution>;
  /** Set only when the document is created. */
  createOnly: Fields;
}

/** A document as it is now in the database (its draft version). */
export interface CurrentRecord {
  documentId: string;
  key: string;
  fields: Fields;
  snapshot: ImportSnapshot | null;
  published: boolean;
}
