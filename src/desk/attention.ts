import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Converter } from 'opencc-js/t2cn';
import { ARTICLE_RELATIONS } from '../importer';
import type { ENTITY_TYPES } from './inputs';
import { RELATION_OF } from './orphans';

type EntityType = (typeof ENTITY_TYPES)[number];

/** Below this the importer is unsure of an entry or a link: the desk shows it first. */
export const DOUBTFUL_BELOW = 0.6;

/** What an editor weighs before merging: the entry beside the one it would be merged into. */
export interface EntrySummary {
  documentId: string;
  name: string;
  confidence: number | null;
  posts: string[];
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

interface EntryRow {
  documentId: string;
  name: string;
  confidence?: number | string | null;
  nameGenerated?: boolean | null;
  posts?: Array<{ title: string; firstSeen: string | null; lastSeen: string | null }>;
  articles: Array<{ issueDate: string | null }>;
}

async function entryRows(strapi: Core.Strapi, type: EntityType, where: Record<string, unknown> = {}): Promise<EntryRow[]> {
  const uid = ARTICLE_RELATIONS[RELATION_OF[type]].uid;
  const attributes = strapi.contentType(uid).attributes as Record<string, unknown>;
  return (await strapi.db.query(uid).findMany({
    where: { ...where, publishedAt: null },
    select: ['documentId', 'name', ...['confidence', 'nameGenerated'].filter((field) => field in attributes)],
    populate: {
      articles: { select: ['issueDate'], where: { publishedAt: null } },
      ...('posts' in attributes ? { posts: true } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })) as EntryRow[];
}

function summaryOf(row: EntryRow): EntrySummary {
  const dates = [
    ...(row.posts ?? []).flatMap((post) => [post.firstSeen, post.lastSeen]),
    ...row.articles.map((article) => article.issueDate),
  ]
    .filter((date): date is string => typeof date === 'string')
    .sort();
  return {
    documentId: row.documentId,
    name: row.name,
    confidence: row.confidence === null || row.confidence === undefined ? null : Number(row.confidence),
    posts: (row.posts ?? []).map((post) => post.title),
    articles: row.articles.length,
    firstSeen: dates[0] ?? null,
    lastSeen: dates.at(-1) ?? null,
  };
}

const toSimplified = Converter({ from: 't', to: 'cn' });

/** A name as the comparison reads it: OCR's stray spaces gone, traditional script read as simplified. */
function comparableName(name: string): string {
  return toSimplified(name.replace(/\s+/gu, ''));
}

/** Why two entries are likely one, the likelier first; null when nothing suggests it. */
export type Likeness = 'same-name-variant' | 'one-character-apart' | 'same-surname-and-post';
const LIKENESS_RANK: Likeness[] = ['same-name-variant', 'one-character-apart', 'same-surname-and-post'];

export function likeness(a: EntrySummary, b: EntrySummary, personal: boolean): Likeness | null {
  const [x, y] = [[...comparableName(a.name)], [...comparableName(b.name)]];
  if (x.join('') === y.join('')) return 'same-name-variant';
  if (x.length === y.length && x.length >= 2 && x[0] === y[0] && x.filter((character, index) => character !== y[index]).length === 1) {
    return 'one-character-apart';
  }
  if (personal && x[0] === y[0] && a.posts.some((post) => b.posts.includes(post))) return 'same-surname-and-post';
  return null;
}

export interface MergeCandidate extends EntrySummary {
  likeness: Likeness | null;
}

/**
 * The entries one could be merged into: likely duplicates first (the same name in another script
 * or with OCR spaces, one character apart, an official of the same surname holding the same
 * post), then those whose name holds the search text; the entry itself beside them.
 */
export async function mergeCandidates(
  strapi: Core.Strapi,
  type: EntityType,
  documentId: string,
  query: string,
): Promise<{ entry: EntrySummary; candidates: MergeCandidate[] }> {
  const rows = await entryRows(strapi, type);
  const own = rows.find((row) => row.documentId === documentId);
  if (!own) throw new errors.NotFoundError(`No ${type} ${documentId}`);
  const entry = summaryOf(own);
  const wanted = comparableName(query);
  const candidates = rows
    .filter((row) => row.documentId !== documentId)
    .map((row) => {
      const summary = summaryOf(row);
      return { ...summary, likeness: likeness(entry, summary, type === 'officials') };
    })
    .filter((candidate) => candidate.likeness !== null || (wanted !== '' && comparableName(candidate.name).includes(wanted)))
    .sort((a, b) => rankOf(a.likeness) - rankOf(b.likeness) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { entry, candidates: candidates.slice(0, CANDIDATES_LISTED) };
}

const CANDIDATES_LISTED = 10;
const rankOf = (value: Likeness | null) => (value === null ? LIKENESS_RANK.length : LIKENESS_RANK.indexOf(value));

export type AttentionReason = 'low-confidence' | 'generated-name' | 'one-article' | 'likely-duplicate';

/**
 * The entries of a type an editor should look at: the importer was unsure of them, made their
 * name up, only one article names them, or another entry is likely the same.
 */
export async function needingAttention(
  strapi: Core.Strapi,
  type: EntityType,
): Promise<Array<EntrySummary & { reasons: AttentionReason[] }>> {
  const rows = await entryRows(strapi, type);
  const summaries = rows.map(summaryOf);
  // Likely duplicates share a surname or first character: compare within those groups, not all pairs.
  const byFirst = new Map<string, EntrySummary[]>();
  for (const summary of summaries) {
    const first = [...comparableName(summary.name)][0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), summary]);
  }
  return rows
    .map((row, index) => {
      const summary = summaries[index];
      const reasons: AttentionReason[] = [];
      if (summary.confidence !== null && summary.confidence < DOUBTFUL_BELOW) reasons.push('low-confidence');
      if (row.nameGenerated) reasons.push('generated-name');
      if (summary.articles === 1) reasons.push('one-article');
      const group = byFirst.get([...comparableName(summary.name)][0] ?? '') ?? [];
      if (group.some((other) => other !== summary && likeness(summary, other, type === 'officials') !== null))
        reasons.push('likely-duplicate');
      return { ...summary, reasons };
    })
    .filter((entry) => entry.reasons.length > 0);
}
