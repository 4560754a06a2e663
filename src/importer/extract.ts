import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ExtractionSchema, type ArticleExtraction, type Extraction, type UnassignedText } from './contract';
import { extractEntities } from './entities';
import { PageError } from './errors';
import { splitBlocks, firstLineOf, lastLineOf, type Block } from './layout/blocks';
import { decodePage } from './layout/decode';
import { splitLines, type PageLine } from './layout/lines';
import { buildParagraphs } from './layout/paragraphs';
import { splitAtContinuedFrom, stripContinuations } from './articles/continuation';
import { findDateline } from './articles/dateline';
import { resolveEventDate } from './articles/event-date';
import {
  assignHeadlines,
  takeTrailingHeadlines,
  toHeadline,
  type FloatingHeadline,
  type Headline,
} from './articles/headlines';
import { articleKey, disambiguateKeys } from './articles/key';
import { segmentByBylines, type ArticleRegion } from './articles/segment';
import { deriveTitle } from './articles/title';

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

export { readPage } from './pages/read';

/** An article before headlines are attached: everything that depends on its own region only. */
interface ArticleDraft {
  region: ArticleRegion;
  paragraphs: string[];
  continuedOn: string | null;
  lastBodyLine: number;
}

function unassignedText(lines: readonly PageLine[], first: number, last: number, reason: string): UnassignedText {
  return { lines: { first, last }, text: rawLines(lines, first, last), reason };
}

function unassignedBlock(lines: readonly PageLine[], block: Block, reason: string): UnassignedText {
  return unassignedText(lines, firstLineOf(block), lastLineOf(block), reason);
}

function warningAbout(file: string, { lines, reason }: UnassignedText): string {
  return `${file}:${lines.first}: lines ${lines.first}-${lines.last} ${reason}`;
}

function draftArticle(
  file: string,
  region: ArticleRegion,
): { draft: ArticleDraft; trailingHeadlines: Block[]; carriedOver: Block[] } {
  const split = takeTrailingHeadlines(region.blocks);
  // A region must keep some body: short unpunctuated text right after a byline is its lead.
  const { body: regionBody, headlines } = split.body.length > 0 ? split : { body: region.blocks, headlines: [] };
  const { own: body, carriedOver } = splitAtContinuedFrom(regionBody);
  const { blocks, continuedOn } = stripContinuations(body);
  const paragraphs = buildParagraphs(blocks);
  if (paragraphs.length === 0) throw new PageError(file, 'article has a byline but no body text', region.bylineLine);
  const lastBodyLine = lastLineOf(body[body.length - 1]);
  return { draft: { region, paragraphs, continuedOn, lastBodyLine }, trailingHeadlines: headlines, carriedOver };
}

function rawLines(lines: readonly PageLine[], first: number, last: number): string {
  return lines
    .slice(first - 1, last)
    .map((line) => line.raw)
    .join('\n');
}

function lineSpan(draft: ArticleDraft, headline: Headline | undefined): { first: number; last: number } {
  const first = draft.region.bylineLine;
  if (headline === undefined) return { first, last: draft.lastBodyLine };
  return {
    first: Math.min(first, headline.lines.first),
    last: Math.max(draft.lastBodyLine, headline.lines.last),
  };
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function extractPage({ file, bytes }: PageInput, { issueDate }: ExtractOptions = { issueDate: null }): PageExtraction {
  const lines = splitLines(decodePage(file, bytes));
  const { prelude, regions } = segmentByBylines(splitBlocks(lines));
  if (regions.length === 0) {
    const firstText = lines.find((line) => line.text.trim() !== '')?.number ?? 1;
    throw new PageError(file, 'no article found: no byline such as 本报讯（…记者…） on the page', firstText);
  }

  const unassigned: UnassignedText[] = [];
  const floating: FloatingHeadline[] = [];

  const introduction = takeTrailingHeadlines(prelude);
  for (const block of stripContinuations(introduction.body).blocks) {
    unassigned.push(unassignedBlock(lines, block, 'come before the first byline and belong to no article'));
  }
  for (const block of introduction.headlines) floating.push({ headline: toHeadline(block), before: null, after: 0 });

  const drafts = regions.map((region, index) => {
    const { draft, trailingHeadlines, carriedOver } = draftArticle(file, region);
    for (const block of carriedOver) {
      unassigned.push(unassignedBlock(lines, block, 'continue an article from another page and belong to no article here'));
    }
    const after = index + 1 < regions.length ? index + 1 : null;
    for (const block of trailingHeadlines) floating.push({ headline: toHeadline(block), before: index, after });
    return draft;
  });

  const headlines = assignHeadlines(
    floating,
    drafts.map((draft) => draft.paragraphs.join('')),
  );
  for (const headline of headlines.unassigned) {
    const { first, last } = headline.lines;
    unassigned.push(unassignedText(lines, first, last, 'look like a headline but match no neighbouring article'));
  }

  const keys = disambiguateKeys(
    drafts.map((draft) => articleKey(rawLines(lines, draft.region.bylineLine, draft.lastBodyLine))),
  );
  const credited = uniqueInOrder(drafts.flatMap((draft) => draft.region.byline.credits.map((credit) => credit.name)));
  const rawText: Record<string, string> = {};

  const articles: ArticleExtraction[] = drafts.map((draft, index) => {
    const headline = headlines.byArticle.get(index);
    const span = lineSpan(draft, headline);
    rawText[keys[index]] = rawLines(lines, span.first, span.last);
    const { credits, sourceTag, outlet } = draft.region.byline;
    const dateline = findDateline(draft.paragraphs[0]);
    return {
      key: keys[index],
      title: headline?.title ?? deriveTitle(draft.paragraphs[0]),
      subtitle: headline?.subtitle ?? null,
      titleGenerated: headline === undefined,
      sourceTag,
      outlet,
      reporters: credits.filter((credit) => credit.role === 'reporter').map((credit) => credit.name),
      credits,
      dateline,
      eventDate: resolveEventDate(dateline, issueDate),
      continuedOn: draft.continuedOn,
      continuedFrom: null,
      paragraphs: draft.paragraphs,
      lines: span,
      reviewFlags: [],
      ...extractEntities(draft.paragraphs, { reporters: credited }),
    };
  });

  const extraction = ExtractionSchema.parse({
    source: { file: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') },
    issueDate,
    articles,
    unassigned,
  });
  return { extraction, warnings: unassigned.map((text) => warningAbout(file, text)), rawText };
}
