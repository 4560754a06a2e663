import { headlineMatchScore, type Headline } from './headlines';

/**
 * Pass 3: headlines found between articles go to the neighbour they describe. Best matches first;
 * each article takes at most one headline, so the loser of a contest falls back to its other
 * neighbour. Equal scores go to the following article, the conventional layout. A headline
 * sharing next to nothing with either neighbour goes to the article printed right under it, if
 * that one has none; otherwise it is left unassigned rather than guessed.
 */

/** A headline found between articles, with the indexes of the articles on either side. */
export interface FloatingHeadline {
  headline: Headline;
  before: number | null;
  after: number | null;
  /** Printed right above the following article's first line. */
  adjacent?: boolean;
}

export interface HeadlineAssignment {
  byArticle: Map<number, Headline>;
  unassigned: Headline[];
}

// Real headlines share far more with their article; below this, the shared bits are chance
// (a date, a common word).
const MIN_MATCH_SCORE = 0.1;

export function assignHeadlines(floating: readonly FloatingHeadline[], articleTexts: readonly string[]): HeadlineAssignment {
  const candidates = floating.flatMap((entry, headlineIndex) =>
    (
      [
        [entry.after, true],
        [entry.before, false],
      ] as const
    )
      .filter((pair): pair is readonly [number, boolean] => pair[0] !== null)
      .map(([article, following]) => ({
        headlineIndex,
        article,
        following,
        score: headlineMatchScore(entry.headline, articleTexts[article]),
      })),
  );
  candidates.sort((a, b) => b.score - a.score || Number(b.following) - Number(a.following) || a.headlineIndex - b.headlineIndex);

  const byArticle = new Map<number, Headline>();
  const placed = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.score < MIN_MATCH_SCORE || placed.has(candidate.headlineIndex) || byArticle.has(candidate.article)) continue;
    byArticle.set(candidate.article, floating[candidate.headlineIndex].headline);
    placed.add(candidate.headlineIndex);
  }
  floating.forEach((entry, index) => {
    if (placed.has(index) || !entry.adjacent || entry.after === null || byArticle.has(entry.after)) return;
    byArticle.set(entry.after, entry.headline);
    placed.add(index);
  });
  const unassigned = floating.filter((_, index) => !placed.has(index)).map((entry) => entry.headline);
  return { byArticle, unassigned };
}
