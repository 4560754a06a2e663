import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ExtractionSchema, type ArticleExtraction, type Extraction, type UnassignedText } from './extraction-schema';
import { extractEntities, reprintEntities } from './entities';
import { splitBlocks } from './layout/blocks';
import { decodePage } from './layout/decode';
import { splitLines, type PageLine } from './layout/lines';
import { classify } from './articles/1-classify';
import { segment, type Draft } from './articles/2-segment';
import { assignHeadlines } from './articles/3-headlines';
import { assembleArticle, draftMarkings, draftParagraphs, ownLines } from './articles/4-assemble';
import { reprinter } from './articles/reprint';
import { toHeadline, type Headline } from './articles/headlines';
import type { PrintedText } from './layout/paragraphs';
import { articleKey, disambiguateKeys } from './articles/key';

export { readPage } from './pages/read';

export interface PageInput {
  /** The path as the user gave it: errors and warnings name it so. */
  file: string;
  bytes: Buffer;
}

export interface ExtractOptions {
  /** The issue the page was printed in, to resolve datelines such as 昨日; null when unknown. */
  issueDate: string | null;
}

export interface PageExtraction {
  extraction: Extraction;
  /** `file:line: message` notes about text that belongs to no article, for terminals and logs. */
  warnings: string[];
  /** Each article's lines exactly as printed, by article key; stored by the loader, not printed. */
  rawText: Record<string, string>;
}

/**
 * Text without any marker of an article (no source tag, credit, headline or page pointer) is an
 * article only if it reads as one: a sentence of some length. Shorter scraps are reported instead.
 */
const MIN_PROSE_CHARACTERS = 20;
const PROSE_CHARACTER = /[\p{Script=Han}A-Za-z0-9]/gu;
const MARKED_STARTS = new Set<Draft['start']>(['byline', 'credit', 'source', 'continued-from']);

function rawLines(lines: readonly PageLine[], first: number, last: number): string {
  return lines
    .slice(first - 1, last)
    .map((line) => line.raw)
    .join('\n');
}

function unassignedText(lines: readonly PageLine[], first: number, last: number, reason: string): UnassignedText {
  return { lines: { first, last }, text: rawLines(lines, first, last), reason };
}

function warningAbout(file: string, { lines, reason }: UnassignedText): string {
  return `${file}:${lines.first}: lines ${lines.first}-${lines.last} ${reason}`;
}

function readsAsArticle(draft: Draft, paragraphs: readonly PrintedText[], headline: Headline | undefined): boolean {
  if (MARKED_STARTS.has(draft.start) || headline !== undefined || draft.credits.length > 0) return true;
  const text = paragraphs.map((paragraph) => paragraph.text).join('');
  return /[。！？!?]/u.test(text) && (text.match(PROSE_CHARACTER)?.length ?? 0) >= MIN_PROSE_CHARACTERS;
}

export function extractPage({ file, bytes }: PageInput, { issueDate }: ExtractOptions = { issueDate: null }): PageExtraction {
  const lines = splitLines(decodePage(file, bytes));
  const { drafts, headlines: candidates, leftovers } = segment(classify(splitBlocks(lines)));
  const paragraphs = drafts.map(draftParagraphs);
  const headlines = assignHeadlines(
    candidates.map((candidate) => ({ ...candidate, headline: toHeadline(candidate.lines) })),
    paragraphs.map((texts) => texts.map((paragraph) => paragraph.text).join('')),
  );

  const unassigned: UnassignedText[] = leftovers.map(({ lines: leftover, reason }) =>
    unassignedText(lines, leftover[0].number, leftover[leftover.length - 1].number, reason),
  );
  for (const headline of headlines.unassigned) {
    const { first, last } = headline.lines;
    unassigned.push(unassignedText(lines, first, last, 'look like a headline but match no neighbouring article'));
  }

  const kept = drafts.flatMap((draft, index) => {
    const headline = headlines.byArticle.get(index);
    if (paragraphs[index].length > 0 && readsAsArticle(draft, paragraphs[index], headline)) {
      return [{ draft, paragraphs: paragraphs[index], headline }];
    }
    const own = ownLines(draft);
    unassigned.push(unassignedText(lines, own.first, own.last, 'too short to be an article and without headline or credit'));
    return [];
  });
  unassigned.sort((a, b) => a.lines.first - b.lines.first);

  // Keys come from the article's own first lines (byline or lead), never from its headline, whose
  // placement is a judgement that may improve.
  const keys = disambiguateKeys(
    kept.map(({ draft }) => {
      const own = ownLines(draft);
      return articleKey(rawLines(lines, own.first, own.last));
    }),
  );
  const credited = [
    ...new Set(kept.flatMap(({ draft }) => draft.credits.flatMap((credit) => credit.credits.map(({ name }) => name)))),
  ];
  const rawText: Record<string, string> = {};

  const articles: ArticleExtraction[] = kept.map(({ draft, paragraphs: texts, headline }, index) => {
    const reprint = reprinter([...texts, ...draftMarkings(draft)]);
    const article = assembleArticle(draft, texts, headline, issueDate, reprint);
    const key = keys[index]!;
    rawText[key] = rawLines(lines, article.lines.first, article.lines.last);
    const entities = extractEntities(
      texts.map((paragraph) => paragraph.text),
      { reporters: credited },
    );
    return { key, ...article, ...reprintEntities(entities, reprint) };
  });

  const extraction = ExtractionSchema.parse({
    source: { file: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') },
    issueDate,
    articles,
    unassigned,
  });
  return { extraction, warnings: unassigned.map((text) => warningAbout(file, text)), rawText };
}
