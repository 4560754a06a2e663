import type { ArticleExtraction, Extraction } from '../importer';
import type { GoldArticle, GoldPage } from './gold';

/**
 * Scores an extraction against a gold page the way an NLP evaluation does: every field is a bag of
 * items per article (a credit, a paragraph start, an official's title…), predicted articles are
 * matched to gold articles by the lines they share, and items of matched articles count as true
 * positives where they agree. Items of an article the importer missed are false negatives; those
 * of an article it made up are false positives.
 */

/** Characters of a paragraph that identify where it starts. */
export const PARAGRAPH_START_LENGTH = 8;

export const FIELDS = [
  'articles',
  'spans',
  'headlines',
  'source',
  'credits',
  'paragraphs',
  'datelines',
  'eventDates',
  'jumps',
  'officials',
  'titles',
  'projects',
  'stages',
  'platforms',
  'figures',
  'reviewFlags',
  'unassigned',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type FieldCounts = Record<Field, Counts>;

/** One article's items per field, comparable between gold and prediction. */
type ArticleItems = Record<Exclude<Field, 'articles' | 'unassigned'>, string[]>;

export interface ItemDifference {
  field: Field;
  /** Where: the gold article's lines, or the predicted article's when it matched none. */
  lines: string;
  missing: string[];
  extra: string[];
}

/** A predicted item's confidence and whether the gold has it: what calibration is measured on. */
export interface JudgedItem {
  field: Field;
  confidence: number;
  correct: boolean;
}

export interface PageScore {
  counts: FieldCounts;
  differences: ItemDifference[];
  judged: JudgedItem[];
}

function emptyCounts(): FieldCounts {
  return Object.fromEntries(FIELDS.map((field) => [field, { tp: 0, fp: 0, fn: 0 }])) as FieldCounts;
}

const span = (first: number, last: number): string => `${first}-${last}`;

function optional(prefix: string, value: string | null): string[] {
  return value === null ? [] : [`${prefix}${value}`];
}

/** A headline as one item: its parts in printed order, the kicker only where one was printed. */
function headlineItem({ kicker, title, subtitle }: { kicker: string | null; title: string; subtitle: string | null }): string {
  return `${kicker === null ? '' : `${kicker}|`}${title}|${subtitle ?? ''}`;
}

function goldItems(article: GoldArticle): ArticleItems {
  const officials = Object.entries(article.officials);
  const projects = Object.entries(article.projects);
  return {
    spans: [span(...article.lines)],
    headlines: [article.headline ? headlineItem(article.headline) : '(none)'],
    source: [...optional('tag:', article.sourceTag), ...optional('outlet:', article.outlet)],
    credits: article.credits,
    paragraphs: article.paragraphs.map((paragraph) => [...paragraph].slice(0, PARAGRAPH_START_LENGTH).join('')),
    datelines: optional('', article.dateline),
    eventDates: optional('', article.eventDate),
    jumps: [...optional('on:', article.continuedOn), ...optional('from:', article.continuedFrom)],
    officials: officials.map(([name]) => name),
    titles: officials.flatMap(([name, titles]) => titles.map((title) => `${name}|${title}`)),
    projects: projects.map(([name]) => name),
    stages: projects.map(([name, stage]) => `${name}|${stage ?? 'none'}`),
    platforms: article.platforms.map(({ name, kind, host }) => `${name}|${kind}|${host ?? ''}`),
    figures: article.figures.map(([label, value, unit]) => `${label}|${value}|${unit ?? ''}`),
    reviewFlags: article.reviewFlags,
  };
}

function predictedItems(article: ArticleExtraction): ArticleItems {
  return {
    spans: [span(article.lines.first, article.lines.last)],
    headlines: [article.titleGenerated ? '(none)' : headlineItem(article)],
    source: [...optional('tag:', article.sourceTag), ...optional('outlet:', article.outlet)],
    credits: article.credits.map(({ name, role }) => `${name}:${role}`),
    paragraphs: article.paragraphs.map((paragraph) => [...paragraph].slice(0, PARAGRAPH_START_LENGTH).join('')),
    datelines: optional('', article.dateline),
    eventDates: optional('', article.eventDate),
    jumps: [...optional('on:', article.continuedOn), ...optional('from:', article.continuedFrom)],
    officials: article.officials.map(({ name }) => name),
    titles: article.officials.flatMap(({ name, titles }) => titles.map((title) => `${name}|${title}`)),
    projects: article.projects.map(({ name }) => name),
    stages: article.projects.map(({ name, stage }) => `${name}|${stage ?? 'none'}`),
    platforms: article.researchPlatforms.map(({ name, kind, host }) => `${name}|${kind}|${host ?? ''}`),
    figures: article.figures.map(({ label, value, unit }) => `${label}|${value}|${unit ?? ''}`),
    reviewFlags: article.reviewFlags.map((flag) => flag.code),
  };
}

/** The confidence of each item `predictedItems` lists, field by field, where the extraction gives one. */
function predictedConfidences(article: ArticleExtraction): Partial<Record<keyof ArticleItems, number[]>> {
  return {
    spans: [article.confidence],
    credits: article.credits.map(({ confidence }) => confidence),
    officials: article.officials.map(({ confidence }) => confidence),
    titles: article.officials.flatMap(({ titleConfidences }) => titleConfidences),
    projects: article.projects.map(({ confidence }) => confidence),
    stages: article.projects.map(({ stageConfidence }) => stageConfidence),
    platforms: article.researchPlatforms.map(({ confidence, hostConfidence }) => Math.min(confidence, hostConfidence)),
  };
}

/** For each predicted item, whether the gold holds it (each gold item vouches for one prediction). */
function correctness(gold: readonly string[], predicted: readonly string[]): boolean[] {
  const remaining = new Map<string, number>();
  for (const item of gold) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  return predicted.map((item) => {
    const left = remaining.get(item) ?? 0;
    if (left > 0) remaining.set(item, left - 1);
    return left > 0;
  });
}

/** Multiset comparison: a paragraph start printed twice must be found twice. */
export function compareBags(
  gold: readonly string[],
  predicted: readonly string[],
): Counts & { missing: string[]; extra: string[] } {
  const remaining = new Map<string, number>();
  for (const item of predicted) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  const missing: string[] = [];
  for (const item of gold) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) remaining.set(item, left - 1);
    else missing.push(item);
  }
  const extra = [...remaining].flatMap(([item, count]) => Array<string>(count).fill(item));
  return {
    tp: gold.length - missing.length,
    fp: extra.length,
    fn: missing.length,
    missing,
    extra,
  };
}

function overlap(a: { first: number; last: number }, b: { first: number; last: number }): number {
  return Math.max(0, Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1);
}

/**
 * Pairs each gold article with the predicted article sharing most of its lines, best overlaps
 * first; a pair needs more than half of the gold article's lines, so a fragment does not count
 * as finding the article.
 */
export function matchArticles(gold: readonly GoldArticle[], predicted: readonly ArticleExtraction[]): Array<[number, number]> {
  const candidates = gold.flatMap((goldArticle, goldIndex) => {
    const goldSpan = {
      first: goldArticle.lines[0],
      last: goldArticle.lines[1],
    };
    const goldLength = goldSpan.last - goldSpan.first + 1;
    return predicted
      .map((article, predictedIndex) => ({
        goldIndex,
        predictedIndex,
        shared: overlap(goldSpan, article.lines),
      }))
      .filter(({ shared }) => shared * 2 > goldLength);
  });
  candidates.sort((a, b) => b.shared - a.shared || a.goldIndex - b.goldIndex);
  const goldTaken = new Set<number>();
  const predictedTaken = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { goldIndex, predictedIndex } of candidates) {
    if (goldTaken.has(goldIndex) || predictedTaken.has(predictedIndex)) continue;
    goldTaken.add(goldIndex);
    predictedTaken.add(predictedIndex);
    pairs.push([goldIndex, predictedIndex]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

export function scorePage(gold: GoldPage, extraction: Extraction): PageScore {
  const counts = emptyCounts();
  const differences: ItemDifference[] = [];
  const record = (field: Field, lines: string, goldBag: readonly string[], predictedBag: readonly string[]) => {
    const { tp, fp, fn, missing, extra } = compareBags(goldBag, predictedBag);
    counts[field].tp += tp;
    counts[field].fp += fp;
    counts[field].fn += fn;
    if (missing.length > 0 || extra.length > 0) differences.push({ field, lines, missing, extra });
  };
  const judged: JudgedItem[] = [];
  const itemFields = FIELDS.filter((field): field is keyof ArticleItems => field !== 'articles' && field !== 'unassigned');
  const compareArticle = (lines: string, goldArticle: ArticleItems | null, predicted: ArticleExtraction | null) => {
    const items = predicted === null ? null : predictedItems(predicted);
    const confidences = predicted === null ? {} : predictedConfidences(predicted);
    for (const field of itemFields) {
      const goldBag = goldArticle?.[field] ?? [];
      const predictedBag = items?.[field] ?? [];
      record(field, lines, goldBag, predictedBag);
      const fieldConfidences = confidences[field];
      if (fieldConfidences === undefined) continue;
      correctness(goldBag, predictedBag).forEach((correct, index) => judged.push({ field, confidence: fieldConfidences[index]!, correct }));
    }
  };

  const pairs = matchArticles(gold.articles, extraction.articles);
  const matchedGold = new Set(pairs.map(([goldIndex]) => goldIndex));
  const matchedPredicted = new Set(pairs.map(([, predictedIndex]) => predictedIndex));
  counts.articles = {
    tp: pairs.length,
    fp: extraction.articles.length - pairs.length,
    fn: gold.articles.length - pairs.length,
  };

  for (const [goldIndex, predictedIndex] of pairs) {
    const goldArticle = gold.articles[goldIndex];
    compareArticle(span(...goldArticle.lines), goldItems(goldArticle), extraction.articles[predictedIndex]!);
  }
  gold.articles.forEach((goldArticle, index) => {
    if (matchedGold.has(index)) return;
    differences.push({
      field: 'articles',
      lines: span(...goldArticle.lines),
      missing: ['article'],
      extra: [],
    });
    compareArticle(span(...goldArticle.lines), goldItems(goldArticle), null);
  });
  extraction.articles.forEach((article, index) => {
    if (matchedPredicted.has(index)) return;
    const lines = span(article.lines.first, article.lines.last);
    differences.push({
      field: 'articles',
      lines,
      missing: [],
      extra: ['article'],
    });
    compareArticle(lines, null, article);
  });

  record(
    'unassigned',
    'page',
    gold.unassigned.map((range) => span(...range)),
    extraction.unassigned.map(({ lines }) => span(lines.first, lines.last)),
  );
  return { counts, differences, judged };
}

export interface Calibration {
  field: Field;
  threshold: number;
  above: Counts & { precision: number };
  below: Counts & { precision: number };
}

/**
 * Whether confidence means something: the precision of the items at or above a threshold against
 * those below it, per field. Items the importer is surer of should be right more often.
 */
export function calibrate(judged: readonly JudgedItem[], threshold: number): Calibration[] {
  const fields = [...new Set(judged.map(({ field }) => field))];
  return fields.map((field) => {
    const side = (pick: (item: JudgedItem) => boolean) => {
      const items = judged.filter((item) => item.field === field && pick(item));
      const tp = items.filter((item) => item.correct).length;
      return {
        tp,
        fp: items.length - tp,
        fn: 0,
        precision: items.length === 0 ? 1 : tp / items.length,
      };
    };
    return {
      field,
      threshold,
      above: side((item) => item.confidence >= threshold),
      below: side((item) => item.confidence < threshold),
    };
  });
}

export function addCounts(into: FieldCounts, counts: FieldCounts): FieldCounts {
  for (const field of FIELDS) {
    into[field].tp += counts[field].tp;
    into[field].fp += counts[field].fp;
    into[field].fn += counts[field].fn;
  }
  return into;
}

export function sumCounts(counts: FieldCounts): Counts {
  return FIELDS.reduce(
    (sum, field) => ({ tp: sum.tp + counts[field].tp, fp: sum.fp + counts[field].fp, fn: sum.fn + counts[field].fn }),
    {
      tp: 0,
      fp: 0,
      fn: 0,
    },
  );
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall of nothing expected and nothing found are perfect, not undefined. */
export function rates({ tp, fp, fn }: Counts): Rates {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function isPerfect(counts: Counts): boolean {
  return counts.fp === 0 && counts.fn === 0;
}

export { emptyCounts };
