import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  SNAPSHOT_VERSION,
  type Contribution,
  type Fields,
  type FieldValue,
  type ImportSnapshot,
  type OfficialContribution,
  type Post,
  type TypeSpec,
} from './records';
import { postsFrom, summarize } from './summary';

/**
 * Content model v1 kept an article's reporters and an official's titles as JSON lists, and
 * import snapshots of version 1 remember them so. The conversion of stored values and of
 * snapshots must be one and the same function: a list nobody edited then still equals what the
 * importer wrote, and a list an editor changed is still recognised as the editor's.
 */

/** The lists as stored by v1; anything but strings (a hand-edited JSON box) is dropped. */
function names(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** v1 named everyone in `reporters`; the printed role was never stored. */
export function legacyCredits(reporters: unknown): Fields[] {
  return names(reporters).map((name) => ({ name, role: 'reporter', printedRole: null }));
}

/** An official's v1 titles as posts, dated by the contributions that printed them. */
export function legacyPosts(titles: unknown, contributions: Record<string, OfficialContribution>): Post[] {
  const dated = new Map(postsFrom(Object.values(contributions)).map((post) => [post.title, post]));
  return names(titles).map((title) => ({ ...(dated.get(title) ?? { title, firstSeen: null, lastSeen: null }) }));
}

interface LegacySnapshot {
  version: number;
  written: Record<string, unknown>;
  contributions?: Record<string, unknown>;
}

function isLegacySnapshot(value: unknown): value is LegacySnapshot {
  const snapshot = value as LegacySnapshot | null;
  return snapshot !== null && typeof snapshot === 'object' && snapshot.version === 1 && typeof snapshot.written === 'object';
}

/**
 * v1 contributions of an official said which titles an article printed, not when: the date is
 * the issue date the importer wrote into that article (null when unknown).
 */
export function datedContributions(
  contributions: Record<string, unknown> | undefined,
  issueDateOf: (articleKey: string) => string | null,
): Record<string, OfficialContribution> {
  return Object.fromEntries(
    Object.entries(contributions ?? {}).map(([articleKey, said]) => [
      articleKey,
      { titles: names((said as { titles?: unknown })?.titles), issueDate: issueDateOf(articleKey) },
    ]),
  );
}

/** Version 2 kept every article's say about an entity in the entity's own snapshot. */
export interface SnapshotV2 {
  version: 2;
  written: Fields;
  contributions?: Record<string, Contribution>;
}

/** A v1 snapshot as v2; anything else (already v2 or later, or none) is returned as it is. */
export function upgradeSnapshot(spec: TypeSpec, snapshot: unknown, issueDateOf: (articleKey: string) => string | null): unknown {
  if (!isLegacySnapshot(snapshot)) return snapshot;
  const { reporters, titles, ...written } = snapshot.written as Record<string, FieldValue>;
  const upgraded: SnapshotV2 = { version: 2, written };

  if (spec === OFFICIAL_SPEC) {
    const contributions = datedContributions(snapshot.contributions, issueDateOf);
    upgraded.contributions = contributions;
    if (titles !== undefined) written.posts = legacyPosts(titles, contributions);
  } else if (snapshot.contributions) {
    upgraded.contributions = snapshot.contributions as Record<string, Contribution>;
  }
  if (spec === ARTICLE_SPEC && reporters !== undefined) written.credits = legacyCredits(reporters);
  return upgraded;
}

function isSnapshotV2(value: unknown): value is SnapshotV2 {
  const snapshot = value as SnapshotV2 | null;
  return snapshot !== null && typeof snapshot === 'object' && snapshot.version === 2 && typeof snapshot.written === 'object';
}

/**
 * A v2 snapshot as v3, with the contributions it held, to be kept apart from now on; anything
 * else is returned as it is, with no contributions. The summary is built from the same
 * contributions, so the entity's next import adds to it as if v3 had written it.
 */
export function snapshotWithoutContributions(
  spec: TypeSpec,
  snapshot: unknown,
): { snapshot: unknown; contributions: Record<string, Contribution> } {
  if (!isSnapshotV2(snapshot)) return { snapshot, contributions: {} };
  const contributions = snapshot.contributions ?? {};
  const upgraded: ImportSnapshot = { version: SNAPSHOT_VERSION, written: snapshot.written };
  const summary = snapshot.contributions ? summarize(spec, contributions) : null;
  if (summary) upgraded.summary = summary;
  return { snapshot: upgraded, contributions };
}
