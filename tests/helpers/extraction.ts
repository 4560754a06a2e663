import type { ArticleExtraction, Extraction } from '../../src/importer/contract';

/** An extracted article with every field at its empty value; tests override what they are about. */
export function extractedArticle(overrides: Partial<ArticleExtraction> = {}): ArticleExtraction {
  return {
    key: 'a-1',
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
