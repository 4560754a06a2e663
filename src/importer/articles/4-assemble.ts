import type { ArticleExtraction, Entities } from '../contract';
import type { Block } from '../layout/blocks';
import { buildParagraphs } from '../layout/paragraphs';
import type { Draft } from './2-segment';
import { uniqueCredits } from './credits';
import { findDateline } from './dateline';
import { resolveEventDate } from './event-date';
import type { Headline } from './headlines';
import { reviewFlags } from './5-review';
import { deriveTitle } from './title';

/**
 * Pass 4: an article's fields from its draft and headline. Only what the article's own lines say:
 * entities come after (src/importer/entities), keys are made unique across the page by the caller.
 */

export type AssembledArticle = Omit<ArticleExtraction, 'key' | keyof Entities>;

/** Column breaks inside the article's text: a unit after a blank line starts a new block. */
function textBlocks(draft: Draft): Block[] {
  const blocks: Block[] = [];
  for (const unit of draft.text) {
    if (unit.gapBefore || blocks.length === 0) blocks.push({ lines: [...unit.lines], ownParagraph: unit.subheading });
    else blocks[blocks.length - 1].lines.push(...unit.lines);
  }
  return blocks;
}

export function draftParagraphs(draft: Draft): string[] {
  return buildParagraphs(textBlocks(draft));
}

/** First and last page line the article owns, headline excluded: the text its key is made from. */
export function ownLines(draft: Draft): { first: number; last: number } {
  // Units are in page order, so the first unit's first line and the last unit's last line bound them.
  const firstUnit = draft.units[0];
  const lastUnit = draft.units[draft.units.length - 1];
  return { first: firstUnit.lines[0].number, last: lastUnit.lines[lastUnit.lines.length - 1].number };
}

export function assembleArticle(
  draft: Draft,
  paragraphs: string[],
  headline: Headline | undefined,
  issueDate: string | null,
): AssembledArticle {
  const credits = uniqueCredits(draft.credits.flatMap((credit) => credit.credits));
  const own = ownLines(draft);
  // A wire story's dateline is printed in its tag (新华社北京8月15日电); a lead's date comes next.
  const dateline = (draft.sourceTag ? findDateline(draft.sourceTag) : null) ?? findDateline(paragraphs[0]);
  return {
    title: headline?.title ?? deriveTitle(paragraphs[0]),
    subtitle: headline?.subtitle ?? null,
    titleGenerated: headline === undefined,
    sourceTag: draft.sourceTag,
    outlet: draft.credits.find((credit) => credit.outlet !== null)?.outlet ?? null,
    reporters: credits.filter((credit) => credit.role === 'reporter').map((credit) => credit.name),
    credits,
    dateline,
    eventDate: resolveEventDate(dateline, issueDate),
    continuedOn: draft.continuedOn,
    continuedFrom: draft.continuedFrom,
    paragraphs,
    lines: {
      first: Math.min(own.first, headline?.lines.first ?? own.first),
      last: Math.max(own.last, headline?.lines.last ?? own.last),
    },
    reviewFlags: reviewFlags(draft, credits),
  };
}
