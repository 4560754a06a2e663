import type { ArticleExtraction, Credit, Entities } from '../extraction-schema';
import type { Block } from '../layout/blocks';
import { buildParagraphs, compactPrinted, linesText, type PrintedText } from '../layout/paragraphs';
import type { Draft } from './2-segment';
import { relayedFromLength } from './byline';
import { uniqueCredits } from './credits';
import { findDateline, printsNoDate } from './dateline';
import { resolveEventDate } from './event-date';
import type { Headline } from './headlines';
import { reviewFlags } from './5-review';
import type { Reprint } from './reprint';
import { deriveTitle } from './title';

/**
 * Pass 4: an article's fields from its draft and headline. Only what the article's own lines say:
 * entities come after (src/importer/entities), keys are made unique across the page by the caller.
 * Fields are read on the matching copy and printed as printed (`reprint`).
 */

export type AssembledArticle = Omit<ArticleExtraction, 'key' | keyof Entities>;

/** Column breaks inside the article's text: a unit after a blank line starts a new block. */
function textBlocks(draft: Draft): Block[] {
  const blocks: Block[] = [];
  for (const unit of draft.text) {
    if (unit.gapBefore || blocks.length === 0) blocks.push({ lines: [...unit.lines], ownParagraph: unit.subheading });
    else blocks[blocks.length - 1]!.lines.push(...unit.lines);
  }
  return blocks;
}

/**
 * The article's paragraphs. Where a source tag names the outlet the story was relayed from
 * (`某某网讯 据“某某”消息，`), that clause belongs to the tag, not to the lead.
 */
export function draftParagraphs(draft: Draft): PrintedText[] {
  const paragraphs = buildParagraphs(textBlocks(draft));
  const relayed = draft.sourceTag !== null && paragraphs.length > 0 ? relayedFromLength(paragraphs[0]!.text) : 0;
  if (relayed === 0) return paragraphs;
  const [lead, ...rest] = paragraphs;
  const trimmed = { text: lead!.text.slice(relayed), printed: lead!.printed.slice(relayed) };
  return trimmed.text === '' ? rest : [trimmed, ...rest];
}

/** Everything of the article that is not body text (credits, tags, captions), for reprinting names. */
export function draftMarkings(draft: Draft): PrintedText[] {
  return draft.units.filter((unit) => unit.kind !== 'text').map((unit) => compactPrinted(linesText(unit.lines)));
}

/** First and last page line the article owns, headline excluded: the text its key is made from. */
export function ownLines(draft: Draft): { first: number; last: number } {
  // Units are in page order, so the first unit's first line and the last unit's last line bound them.
  const firstUnit = draft.units[0]!;
  const lastUnit = draft.units[draft.units.length - 1]!;
  return { first: firstUnit.lines[0]!.number, last: lastUnit.lines[lastUnit.lines.length - 1]!.number };
}

/** The date printed in a dispatch or tag (`本报海口3月8日讯`), the dateline when the lead prints none. */
function tagDate(draft: Draft): string | null {
  const dispatch = draft.openingCredits.find((credit) => credit.dispatch !== null)?.dispatch ?? null;
  return (draft.sourceTag ? findDateline(draft.sourceTag) : null) ?? (dispatch ? findDateline(dispatch) : null);
}

export function assembleArticle(
  draft: Draft,
  paragraphs: readonly PrintedText[],
  headline: Headline | undefined,
  issueDate: string | null,
  reprint: Reprint,
): AssembledArticle {
  const credits: Credit[] = uniqueCredits(draft.credits.flatMap((credit) => credit.credits)).map((credit) => ({
    ...credit,
    name: reprint(credit.name),
    printedRole: reprint(credit.printedRole),
  }));
  const own = ownLines(draft);
  const lead = paragraphs[0]!.text;
  const dateline = findDateline(lead) ?? (printsNoDate(lead) ? tagDate(draft) : null);
  // The outlet is the opening credit's (`郑报全媒体记者`); an end credit's paper name is the
  // paper's signature, not the article's outlet.
  const outlet = draft.openingCredits.find((credit) => credit.outlet !== null)?.outlet ?? null;
  return {
    kicker: headline?.kicker ?? null,
    title: headline?.title ?? reprint(deriveTitle(lead)),
    subtitle: headline?.subtitle ?? null,
    titleGenerated: headline === undefined,
    sourceTag: draft.sourceTag === null ? null : reprint(draft.sourceTag),
    outlet: outlet === null ? null : reprint(outlet),
    reporters: credits.filter((credit) => credit.role === 'reporter').map((credit) => credit.name),
    credits,
    dateline: dateline === null ? null : reprint(dateline),
    eventDate: resolveEventDate(dateline, issueDate),
    continuedOn: draft.continuedOn,
    continuedFrom: draft.continuedFrom,
    paragraphs: paragraphs.map((paragraph) => paragraph.printed),
    lines: {
      first: Math.min(own.first, headline?.lines.first ?? own.first),
      last: Math.max(own.last, headline?.lines.last ?? own.last),
    },
    confidence: draft.confidence,
    reviewFlags: reviewFlags(draft, credits),
  };
}
