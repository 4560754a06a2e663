import type {
  ArticleExtraction,
  Credit,
  Extraction,
  OfficialMention,
  ProjectMention,
  ResearchPlatformMention,
} from '../../src/importer/extraction-schema';

/** An extracted article with every field at its empty value; tests override what they are about. */
export function extractedArticle(overrides: Partial<ArticleExtraction> = {}): ArticleExtraction {
  return {
    key: 'a-1',
    kicker: null,
    title: '标题',
    subtitle: null,
    titleGenerated: false,
    sourceTag: '本报讯',
    outlet: null,
    reporters: [],
    credits: [],
    dateline: null,
    eventDate: null,
    continuedOn: null,
    continuedFrom: null,
    paragraphs: ['第一段。'],
    lines: { first: 1, last: 10 },
    confidence: 1,
    reviewFlags: [],
    officials: [],
    projects: [],
    researchPlatforms: [],
    figures: [],
    ...overrides,
  };
}

/** A page's extraction holding the given articles, from a file named page.txt. */
export function extractionOf(
  articles: ArticleExtraction[],
  { sha256 = '0'.repeat(64), unassigned = [] }: { sha256?: string; unassigned?: Extraction['unassigned'] } = {},
): Extraction {
  return { source: { file: 'page.txt', sha256 }, issueDate: null, articles, unassigned };
}

const CONFIDENCE_KEYS = new Set(['confidence', 'titleConfidences', 'stageConfidence', 'hostConfidence']);

/**
 * A value with every confidence removed, for tests about what was found rather than how surely:
 * confidences are tested on their own, and change whenever a weight is tuned.
 */
export function withoutConfidences<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutConfidences) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !CONFIDENCE_KEYS.has(key))
      .map(([key, entry]) => [key, withoutConfidences(entry)]),
  ) as T;
}

/** Mentions as the extraction gives them, sure of everything: for tests about what follows from them. */
export function officialMention(name: string, titles: string[]): OfficialMention {
  return { name, titles, confidence: 1, titleConfidences: titles.map(() => 1) };
}

export function projectMention(name: string, stage: ProjectMention['stage']): ProjectMention {
  return { name, stage, confidence: 1, stageConfidence: 1 };
}

export function platformMention(
  name: string,
  fields: Pick<ResearchPlatformMention, 'nameGenerated' | 'kind' | 'host'>,
): ResearchPlatformMention {
  return { name, ...fields, confidence: 1, hostConfidence: 1 };
}

export function creditOf(name: string, role: Credit['role'], printedRole: string): Credit {
  return { name, role, printedRole, confidence: 1 };
}
