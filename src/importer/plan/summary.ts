import { PROJECT_STAGES, type ProjectStage } from '../extraction-schema';
import {
  OFFICIAL_SPEC,
  PROJECT_SPEC,
  type Contribution,
  type Fields,
  type OfficialContribution,
  type PlatformContribution,
  type Post,
  type ProjectContribution,
  type TypeSpec,
} from './records';

/**
 * What every article together said about an entity, kept in the entity's snapshot. Each rule is
 * free of order (earliest and latest issue, furthest stage, the say of the greatest article key),
 * so a page adds its articles' say to the stored summary without reading anyone else's, and a
 * summary built page by page equals one built from every contribution at once. Only a page that
 * changes what it said before needs the others' say again (see desiredEntity).
 *
 * `confidence` is the surest any article was of the entity (the strongest evidence that it is
 * one); absent in summaries stored before confidences existed, null when no say carried one.
 */
export type OfficialSummary = { posts: Post[]; confidence?: number | null };
export type ProjectSummary = { stage: ProjectStage | null; confidence?: number | null };
export type PlatformSummary = {
  confidence?: number | null;
  nameGenerated: boolean;
  kind: string;
  /** The article key the kind was taken from: a greater key's kind replaces it. */
  kindFrom: string;
  host: string | null;
  hostFrom: string | null;
};
export type EntitySummary = OfficialSummary | ProjectSummary | PlatformSummary;

/** Projects only move forward (PROJECT_STAGES, first to last), whichever page is read last. */
function furtherStage(a: ProjectStage | null, b: ProjectStage | null): ProjectStage | null {
  const known = (stage: ProjectStage | null) => stage !== null && PROJECT_STAGES.includes(stage);
  if (!known(b)) return known(a) ? a : null;
  if (!known(a)) return b;
  return PROJECT_STAGES.indexOf(b as ProjectStage) > PROJECT_STAGES.indexOf(a as ProjectStage) ? b : a;
}

/** Earliest first; undated posts last; posts first seen the same day by title, so no order of adding shows. */
function byFirstSeen(a: Post, b: Post): number {
  const first = (post: Post) => post.firstSeen ?? '\uffff';
  if (first(a) !== first(b)) return first(a) < first(b) ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

function withTitles(posts: readonly Post[], { titles, issueDate }: OfficialContribution): Post[] {
  const byTitle = new Map(posts.map((post) => [post.title, { ...post }]));
  for (const title of titles) {
    const post = byTitle.get(title) ?? { title, firstSeen: null, lastSeen: null };
    if (issueDate !== null) {
      if (post.firstSeen === null || issueDate < post.firstSeen) post.firstSeen = issueDate;
      if (post.lastSeen === null || issueDate > post.lastSeen) post.lastSeen = issueDate;
    }
    byTitle.set(title, post);
  }
  return [...byTitle.values()].sort(byFirstSeen);
}

/**
 * Each title printed before the official's name, with the first and last issue that printed it
 * (unknown when no page said its issue date), earliest first; undated posts come last.
 */
export function postsFrom(contributions: readonly OfficialContribution[]): Post[] {
  return contributions.reduce<Post[]>((posts, contribution) => withTitles(posts, contribution), []);
}

function surer(a: number | null | undefined, b: number | undefined): number | null {
  if (b === undefined) return a ?? null;
  return a === null || a === undefined ? b : Math.max(a, b);
}

/** The summary with one more article's say; `summary` is null for an entity nobody has described yet. */
export function addToSummary(spec: TypeSpec, summary: EntitySummary | null, articleKey: string, said: Contribution): EntitySummary {
  const confidence = surer(summary?.confidence, said.confidence);
  if (spec === OFFICIAL_SPEC) {
    return { posts: withTitles((summary as OfficialSummary | null)?.posts ?? [], said as OfficialContribution), confidence };
  }
  if (spec === PROJECT_SPEC) {
    return { stage: furtherStage((summary as ProjectSummary | null)?.stage ?? null, (said as ProjectContribution).stage), confidence };
  }
  const platform = said as PlatformContribution;
  const before = summary as PlatformSummary | null;
  if (!before) {
    const host = platform.host;
    return {
      confidence,
      nameGenerated: platform.nameGenerated,
      kind: platform.kind,
      kindFrom: articleKey,
      host,
      hostFrom: host === null ? null : articleKey,
    };
  }
  const laterKind = articleKey > before.kindFrom;
  const laterHost = platform.host !== null && (before.hostFrom === null || articleKey > before.hostFrom);
  return {
    confidence,
    // A printed name anywhere beats a derived one.
    nameGenerated: before.nameGenerated && platform.nameGenerated,
    kind: laterKind ? platform.kind : before.kind,
    kindFrom: laterKind ? articleKey : before.kindFrom,
    host: laterHost ? platform.host : before.host,
    hostFrom: laterHost ? articleKey : before.hostFrom,
  };
}

/**
 * The summary of these contributions, by article key, added to `startingFrom` (what other articles
 * said already); null when there is nothing at all.
 */
export function summarize(
  spec: TypeSpec,
  contributions: Record<string, Contribution>,
  startingFrom: EntitySummary | null = null,
): EntitySummary | null {
  return Object.entries(contributions).reduce<EntitySummary | null>(
    (summary, [articleKey, said]) => addToSummary(spec, summary, articleKey, said),
    startingFrom,
  );
}

/** The entity's fields as the summary has them. */
export function summaryFields(spec: TypeSpec, name: string, summary: EntitySummary): Fields {
  const confidence = summary.confidence ?? null;
  if (spec === OFFICIAL_SPEC) return { name, posts: (summary as OfficialSummary).posts, confidence };
  if (spec === PROJECT_SPEC) return { name, stage: (summary as ProjectSummary).stage, confidence };
  const { nameGenerated, kind, host } = summary as PlatformSummary;
  return { name, nameGenerated, kind, hostInstitution: host, confidence };
}
