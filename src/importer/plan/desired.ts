import { PROJECT_STAGES, type ArticleExtraction, type Extraction, type ProjectStage } from '../contract';
import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  PAGE_SPEC,
  PROJECT_SPEC,
  RESEARCH_PLATFORM_SPEC,
  type Contribution,
  type DesiredRecord,
  type Fields,
  type OfficialContribution,
  type PlatformContribution,
  type Post,
  type ProjectContribution,
  type TypeSpec,
} from './records';

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
    title: article.title,
    subtitle: article.subtitle,
    titleGenerated: article.titleGenerated,
    outlet: article.outlet,
    credits: article.credits.map(({ name, role, printedRole }) => ({ name, role, printedRole })),
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
      mention(OFFICIAL_SPEC, official.name, article.key, { titles: official.titles, issueDate: extraction.issueDate });
    }
    for (const project of article.projects) {
      mention(PROJECT_SPEC, project.name, article.key, { stage: project.stage });
    }
    for (const platform of article.researchPlatforms) {
      mention(RESEARCH_PLATFORM_SPEC, platform.name, article.key, {
        kind: platform.kind, host: platform.host, nameGenerated: platform.nameGenerated,
      });
    }
  }
  return [...byKey.values()];
}

/**
 * Combines this page's mentions with what earlier imports of other pages contributed. The page's
 * own articles replace their earlier say, so a re-import reflects an improved extraction; an
 * entity the page no longer mentions is passed with no contributions and loses the page's say.
 */
export function desiredEntity(
  mentions: EntityMentions,
  previous: Record<string, Contribution> | undefined,
  pageArticleKeys: readonly string[],
): DesiredRecord | null {
  const merged: Record<string, Contribution> = {};
  for (const [articleKey, contribution] of Object.entries(previous ?? {})) {
    if (!pageArticleKeys.includes(articleKey)) merged[articleKey] = contribution;
  }
  Object.assign(merged, mentions.contributions);
  // Nobody mentions the entity any more: leave it as it is for an editor to judge.
  if (Object.keys(merged).length === 0) return null;

  // Sorted by article key, so the result does not depend on import order or on how the
  // database orders JSON object keys (PostgreSQL's jsonb does not keep insertion order).
  const contributions = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const fields = entityFields(mentions.spec, mentions.key, Object.values(contributions));
  return { spec: mentions.spec, key: mentions.key, fields, contributions, createOnly: { importKey: mentions.key } };
}

function entityFields(spec: TypeSpec, name: string, contributions: Contribution[]): Fields {
  if (spec === OFFICIAL_SPEC) {
    return { name, posts: postsFrom(contributions as OfficialContribution[]) };
  }
  if (spec === PROJECT_SPEC) {
    return { name, stage: furthestStage((contributions as ProjectContribution[]).map((c) => c.stage)) };
  }
  const platforms = contributions as PlatformContribution[];
  const latest = platforms[platforms.length - 1];
  return {
    name,
    // A printed name anywhere beats a derived one.
    nameGenerated: platforms.every((c) => c.nameGenerated),
    kind: latest.kind,
    hostInstitution: [...platforms].reverse().find((c) => c.host !== null)?.host ?? null,
  };
}

/**
 * Each title printed before the official's name, with the first and last issue that printed it
 * (unknown when no page said its issue date), earliest first; undated posts come last.
 */
export function postsFrom(contributions: OfficialContribution[]): Post[] {
  const posts = new Map<string, Post>();
  for (const { titles, issueDate } of contributions) {
    for (const title of titles) {
      const post = posts.get(title) ?? { title, firstSeen: null, lastSeen: null };
      if (issueDate !== null) {
        if (post.firstSeen === null || issueDate < post.firstSeen) post.firstSeen = issueDate;
        if (post.lastSeen === null || issueDate > post.lastSeen) post.lastSeen = issueDate;
      }
      posts.set(title, post);
    }
  }
  const undatedLast = (post: Post) => post.firstSeen ?? '\uffff';
  return [...posts.values()].sort((a, b) => (undatedLast(a) < undatedLast(b) ? -1 : undatedLast(a) > undatedLast(b) ? 1 : 0));
}

/** Projects only move forward (signed → groundbreaking → in production), whichever page is read last. */
const STAGE_PROGRESS: readonly ProjectStage[] = ['signed', 'groundbreaking', 'in_production'];

function furthestStage(stages: Array<ProjectStage | null>): ProjectStage | null {
  const known = stages.filter((stage): stage is ProjectStage => stage !== null && PROJECT_STAGES.includes(stage));
  if (known.length === 0) return null;
  return known.reduce((a, b) => (STAGE_PROGRESS.indexOf(b) > STAGE_PROGRESS.indexOf(a) ? b : a));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
