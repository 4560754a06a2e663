import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, ENTITY_CONTRIBUTION_UID } from '../content-types';
import { DOUBTFUL_BELOW } from './attention';

/** What the queue shows of an article awaiting review, the most doubtful first. */
export interface QueuedArticle {
  documentId: string;
  title: string;
  titleGenerated: boolean;
  issueDate: string | null;
  confidence: number | null;
  flags: string[];
  /** The article itself, its credits and its links to officials, projects and platforms the importer is unsure of. */
  doubtful: number;
}

export type QueueFilter = 'all' | 'flagged' | 'generated-title' | 'low-confidence';

interface ArticleRow {
  documentId: string;
  sourceKey: string | null;
  title: string;
  titleGenerated: boolean | null;
  issueDate: string | null;
  confidence: number | string | null;
  reviewFlags: Array<{ code: string }>;
  credits: Array<{ confidence: number | string | null }>;
}

const QUEUED = 200;
const isDoubtful = (confidence: number | string | null | undefined) =>
  confidence !== null && confidence !== undefined && Number(confidence) < DOUBTFUL_BELOW;

/** Doubtful entity links per article key, counted in one query for the whole queue. */
async function doubtfulLinks(strapi: Core.Strapi, articleKeys: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (articleKeys.length === 0) return counts;
  const rows = (await strapi.db.query(ENTITY_CONTRIBUTION_UID).findMany({
    where: { articleKey: { $in: articleKeys }, confidence: { $lt: DOUBTFUL_BELOW } },
    select: ['articleKey'],
  })) as Array<{ articleKey: string }>;
  for (const row of rows) counts.set(row.articleKey, (counts.get(row.articleKey) ?? 0) + 1);
  return counts;
}

const ARTICLE_SELECT = ['documentId', 'sourceKey', 'title', 'titleGenerated', 'issueDate', 'confidence'];
const ARTICLE_POPULATE = { reviewFlags: { select: ['code'] }, credits: { select: ['confidence'] } };

/** Each article as the queue and the article list show it, with its doubtful items counted. */
async function withDoubts(strapi: Core.Strapi, rows: ArticleRow[]): Promise<QueuedArticle[]> {
  const links = await doubtfulLinks(
    strapi,
    rows.flatMap((row) => (row.sourceKey ? [row.sourceKey] : [])),
  );
  return rows.map(
    (row): QueuedArticle => ({
      documentId: row.documentId,
      title: row.title,
      titleGenerated: row.titleGenerated === true,
      issueDate: row.issueDate,
      confidence: row.confidence === null ? null : Number(row.confidence),
      flags: row.reviewFlags.map((flag) => flag.code),
      doubtful:
        (isDoubtful(row.confidence) ? 1 : 0) +
        row.credits.filter((credit) => isDoubtful(credit.confidence)).length +
        (row.sourceKey ? (links.get(row.sourceKey) ?? 0) : 0),
    }),
  );
}

/**
 * The articles that need review, the most doubtful first (then by issue date, newest first),
 * narrowed to those with review flags, a generated title or a doubtful item when asked.
 */
export async function reviewQueue(strapi: Core.Strapi, filter: QueueFilter): Promise<QueuedArticle[]> {
  const rows = (await strapi.db.query(ARTICLE_UID).findMany({
    where: { publishedAt: null, reviewStatus: 'needs_review' },
    select: ARTICLE_SELECT,
    populate: ARTICLE_POPULATE,
  })) as ArticleRow[];
  const queued = await withDoubts(strapi, rows);
  const kept = queued.filter(
    (article) =>
      filter === 'all' ||
      (filter === 'flagged' && article.flags.length > 0) ||
      (filter === 'generated-title' && article.titleGenerated) ||
      (filter === 'low-confidence' && article.doubtful > 0),
  );
  kept.sort(
    (a, b) =>
      b.doubtful - a.doubtful || (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || a.title.localeCompare(b.title, 'zh-Hans-CN'),
  );
  return kept.slice(0, QUEUED);
}

/** What the content manager's article list shows beside each of its rows (the drafts editors review). */
export type ArticleDoubts = Record<string, Pick<QueuedArticle, 'doubtful' | 'flags'>>;

export async function articleDoubts(strapi: Core.Strapi, documentIds: readonly string[]): Promise<ArticleDoubts> {
  const rows = (await strapi.db.query(ARTICLE_UID).findMany({
    where: { publishedAt: null, documentId: { $in: [...documentIds] } },
    select: ARTICLE_SELECT,
    populate: ARTICLE_POPULATE,
  })) as ArticleRow[];
  const articles = await withDoubts(strapi, rows);
  return Object.fromEntries(articles.map(({ documentId, doubtful, flags }) => [documentId, { doubtful, flags }]));
}
