import type { Credit, ReviewFlag } from '../extraction-schema';
import type { Draft } from './2-segment';

/**
 * Pass 5: what an editor should look at before trusting the article. The article is imported
 * either way; a flag says where the rules were unsure.
 */

function firstLineOf(draft: Draft, kind: Draft['units'][number]['kind']): number | null {
  return draft.units.find((unit) => unit.kind === kind)?.lines[0].number ?? null;
}

export function reviewFlags(draft: Draft, credits: readonly Credit[]): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const unreadable = draft.credits.flatMap((credit) => credit.unreadable);
  const firstLine = draft.units[0].lines[0].number;
  if (unreadable.length > 0) {
    const creditUnit = draft.units.find(
      (unit) => (unit.kind === 'byline' || unit.kind === 'credit') && unit.credit.unreadable.length > 0,
    );
    flags.push({
      code: 'unknown-credit',
      message: `credit not understood: ${unreadable.join(' ')}`,
      line: creditUnit?.lines[0].number ?? firstLine,
    });
  }
  if (credits.length === 0 && unreadable.length === 0 && draft.continuedFrom === null) {
    flags.push({ code: 'no-credit', message: 'no credit found: the article was found by its layout alone', line: firstLine });
  }
  if (draft.start === 'inferred') {
    flags.push({ code: 'boundary-inferred', message: 'only the layout says where this article begins', line: firstLine });
  }
  if (draft.continuedFrom !== null) {
    flags.push({
      code: 'continued-from',
      message: `the beginning of this article is printed on page ${draft.continuedFrom}`,
      line: firstLineOf(draft, 'jump') ?? firstLine,
    });
  }
  return flags;
}
