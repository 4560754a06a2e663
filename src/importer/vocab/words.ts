/** Word-list helpers shared by the vocabulary loaders and the rules that match their words. */

/** Distinct words, longest first: matching then prefers `首席记者` over `记者`, `竣工投产` over `投产`. */
export function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular-expression alternation of the words, longest first. */
export function alternation(words: readonly string[]): string {
  return longestFirst(words).map(escapeRegExp).join('|');
}
