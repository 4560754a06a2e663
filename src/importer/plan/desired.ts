import type { ArticleExtraction, Extraction } from '../extraction-schema';
import { sameValue } from './merge';
import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  PAGE_SPEC,
  PROJECT_SPEC,
  RESEARCH_PLATFORM_SPEC,
  type Contribution,
  type ContributionRow,
  type DesiredRecord,
  type Fields,
  type TypeSpec,
  linkConfidence,
} from './records';
import { summarize, summaryFields, type EntitySummary } from './summary';

/** Facts about a page that are not printed in its text (from --issue-date or seeds/manifest.json). */
export interface PageMeta {
  issueDate: string | null;
  page: string | null;
}

export interface PageSource {
  extraction: Extraction;
  rawText: Record<string, string>;
  meta: PageMeta;
}

/** Everything one page says about one entity, before it is merged with what other pages said. */
export interface EntityMentions {
  spec: TypeSpec;
  key: string;
  contributions: Record<string, Contribution>;
}

function paragraphBlocks(paragraphs: string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

/**
 * The page as a record of its own: where its articles came from, and the printed text that
 * belongs to none of them, for editors to place by hand. Keyed by file name.
 */
export function desiredPage(source: PageSource): DesiredRecord {
  const { extraction, meta } = source;
  const spans = [...extraction.articles.map((article) => article.lines), ...extraction.unassigned.map((text) => text.lines)];
  const fields: Fields = {
    fileName: extraction.source.file,
    sha256: extraction.source.sha256,
    issueDate: meta.issueDate,
    page: meta.page,
    // The contract carries line spans, not the page's length: the last line with printed text.
    lineCount: Math.max(0, ...spans.map((span) => span.last)),
    unassigned: extraction.unassigned.map(({ lines, text, reason }) => ({ firstLine: lines.first, lastLine: lines.last, text, reason })),
  };
  return { spec: PAGE_SPEC, key: extraction.source.file, fields, createOnly: {} };
}

export function desiredArticle(article: ArticleExtraction, source: PageSource): DesiredRecord {
  const { file, sha256 } = source.extraction.source;
  const fields: Fields = {
    kicker: article.kicker,
    title: article.title,
    subtitle: article.subtitle,
    titleGenerated: article.titleGenerated,
    outlet: article.outlet,
    credits: article.credits.map(({ name, role, printedRole, confidence }) => ({ name, role, printedRole, confidence })),
    dateline: article.dateline,
    eventDate: article.eventDate,
    issueDate: source.meta.issueDate,
    page: source.meta.page,
    continuedOn: article.continuedOn,
    continuedFrom: article.continuedFrom,
    body: paragraphBlocks(article.paragraphs),
    figures: article.figures.map(({ label, value, unit }) => ({ label, value, unit })),
    source: {
      fileName: file,
      sha256,
      firstLine: article.lines.first,
      lastLine: article.lines.last,
      rawText: source.rawText[article.key] ?? null,
    },
    reviewFlags: article.reviewFlags.map(({ code, message, line }) => ({ code, message, line })),
    sourcePage: file,
    officials: unique(article.officials.map((official) => official.name)),
    projects: unique(article.projects.map((project) => project.name)),
    researchPlatforms: unique(article.researchPlatforms.map((platform) => platform.name)),
    confidence: article.confidence,
  };
  return { spec: ARTICLE_SPEC, key: article.key, fields, createOnly: { sourceKey: article.key, reviewStatus: 'needs_review' } };
}

/** Groups the page's entity mentions by entity, one contribution per article that mentions it. */
export function pageEntityMentions(extraction: Extraction): EntityMentions[] {
  const byKey = new Map<string, EntityMentions>();
  const mention = (spec: TypeSpec, name: string, articleKey: string, contribution: Contribution) => {
    const id = `${spec.uid}|${name}`;
    const entry = byKey.get(id) ?? { spec, key: name, contributions: {} };
    entry.contributions[articleKey] = contribution;
    byKey.set(id, entry);
  };

  for (const article of extraction.articles) {
    for (const official of article.officials) {
      const { titles, confidence, titleConfidences } = official;
      mention(OFFICIAL_SPEC, official.name, article.key, { titles, issueDate: extraction.issueDate, confidence, titleConfidences });
    }
    for (const { name, stage, confidence, stageConfidence } of article.projects) {
      mention(PROJECT_SPEC, name, article.key, { stage, confidence, stageConfidence });
    }
    for (const platform of article.researchPlatforms) {
      const { kind, host, nameGenerated, confidence, hostConfidence } = platform;
      mention(RESEARCH_PLATFORM_SPEC, platform.name, article.key, { kind, host, nameGenerated, confidence, hostConfidence });
    }
  }
  return [...byKey.values()];
}

/** What the database holds of an entity that exists, for desiredEntity. */
export interface EntityHistory {
  /** The summary in the entity's snapshot: null when it has none to build on. */
  summary: EntitySummary | null;
  /** What this page's articles said about it when the page was last imported. */
  pageSaid: Record<string, Contribution>;
}

/**
 * Whether the entity's summary must be rebuilt from every article's say, which then has to be
 * read: when there is no summary to build on, or when this page now says something else than it
 * did (a summary can take a say in but cannot take one back). A new page, or a page saying what
 * it said before, costs nothing but its own say, however often the entity was named elsewhere.
 */
export function needsEveryContribution(mentions: EntityMentions, history: EntityHistory | null): boolean {
  if (!history) return false;
  if (history.summary === null) return true;
  return Object.keys(history.pageSaid).length > 0 && !sameValue(history.pageSaid as never, mentions.contributions as never);
}

/**
 * Combines this page's mentions with what other pages' articles said. The page's own articles
 * replace their earlier say, so a re-import reflects an improved extraction; an entity the page no
 * longer mentions is passed with no contributions and loses the page's say. `history` is null for
 * an entity that does not exist (yet, or any more: an entry deleted by an editor starts afresh);
 * `othersSaid` is every other page's say, read when needsEveryContribution asks for it.
 */
export function desiredEntity(
  mentions: EntityMentions,
  history: EntityHistory | null,
  othersSaid: Record<string, Contribution> | null,
): DesiredRecord | null {
  if (needsEveryContribution(mentions, history) && !othersSaid) {
    throw new Error(`${mentions.spec.label} "${mentions.key}" needs every article's say to be planned`);
  }
  let summary: EntitySummary | null;
  if (!history) summary = summarize(mentions.spec, mentions.contributions);
  else if (othersSaid) summary = summarize(mentions.spec, { ...othersSaid, ...mentions.contributions });
  else if (Object.keys(history.pageSaid).length > 0) summary = history.summary;
  else summary = summarize(mentions.spec, mentions.contributions, history.summary);
  // Nobody mentions the entity any more: leave it as it is for an editor to judge.
  if (!summary) return null;
  return {
    spec: mentions.spec,
    key: mentions.key,
    fields: summaryFields(mentions.spec, mentions.key, summary),
    summary,
    createOnly: { importKey: mentions.key },
  };
}

/** The page's say about each entity, one row per article and entity, as the contributions keep it. */
export function contributionRows(mentions: readonly EntityMentions[]): ContributionRow[] {
  return mentions.flatMap(({ spec, key, contributions }) =>
    Object.entries(contributions).map(([articleKey, said]) => ({
      entityType: spec.label,
      entityKey: key,
      articleKey,
      said,
      confidence: linkConfidence(said),
    })),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
