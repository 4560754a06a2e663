import type { ArticleExtraction, Extraction } from '../extraction-schema';
import type { ArticleRelation } from './records';

/**
 * Per related type, the spellings editors merged away, each mapped to the natural key of the
 * entry they were merged into.
 */
export type AliasMap = Record<ArticleRelation, ReadonlyMap<string, string>>;

export const NO_ALIASES: AliasMap = { officials: new Map(), projects: new Map(), researchPlatforms: new Map() };

/** Every name the page's articles give to entities of each type, to look aliases up by. */
export function mentionedNames(extraction: Extraction): Record<ArticleRelation, string[]> {
  const names = (pick: (article: ArticleExtraction) => Array<{ name: string }>) =>
    [...new Set(extraction.articles.flatMap((article) => pick(article).map((mention) => mention.name)))];
  return {
    officials: names((article) => article.officials),
    projects: names((article) => article.projects),
    researchPlatforms: names((article) => article.researchPlatforms),
  };
}

/**
 * Mentions renamed to the entry a spelling was merged into, so the plan links and updates that
 * entry and never re-creates the merged one. An article naming both spellings mentions the kept
 * entry once, with what both mentions said.
 */
export function withAliases(extraction: Extraction, aliases: AliasMap): Extraction {
  const canonical = (relation: ArticleRelation, name: string) => aliases[relation].get(name) ?? name;
  return {
    ...extraction,
    articles: extraction.articles.map((article) => ({
      ...article,
      officials: mergeByName(
        article.officials.map((official) => ({ ...official, name: canonical('officials', official.name) })),
        (kept, other) => {
          const added = other.titles.flatMap((title, index) => (kept.titles.includes(title) ? [] : [[title, other.titleConfidences[index]!] as const]));
          return {
            ...kept,
            confidence: Math.max(kept.confidence, other.confidence),
            titles: [...kept.titles, ...added.map(([title]) => title)],
            titleConfidences: [...kept.titleConfidences, ...added.map(([, confidence]) => confidence)],
          };
        },
      ),
      projects: mergeByName(
        article.projects.map((project) => ({ ...project, name: canonical('projects', project.name) })),
        (kept, other) => ({
          ...kept,
          confidence: Math.max(kept.confidence, other.confidence),
          ...(kept.stage === null ? { stage: other.stage, stageConfidence: other.stageConfidence } : {}),
        }),
      ),
      researchPlatforms: mergeByName(
        article.researchPlatforms.map((platform) => ({ ...platform, name: canonical('researchPlatforms', platform.name) })),
        (kept, other) => ({
          ...kept,
          confidence: Math.max(kept.confidence, other.confidence),
          ...(kept.host === null ? { host: other.host, hostConfidence: other.hostConfidence } : {}),
          nameGenerated: kept.nameGenerated && other.nameGenerated,
        }),
      ),
    })),
  };
}

function mergeByName<T extends { name: string }>(mentions: T[], combine: (kept: T, other: T) => T): T[] {
  const byName = new Map<string, T>();
  for (const mention of mentions) {
    const kept = byName.get(mention.name);
    byName.set(mention.name, kept ? combine(kept, mention) : mention);
  }
  return [...byName.values()];
}

/**
 * The page without the articles editors deleted (keyed by their natural key): nothing of them is
 * created again, and what they said about entities is forgotten like text no longer printed.
 */
export function withoutDeleted(extraction: Extraction, deletedKeys: ReadonlySet<string>): Extraction {
  if (deletedKeys.size === 0) return extraction;
  return { ...extraction, articles: extraction.articles.filter((article) => !deletedKeys.has(article.key)) };
}
