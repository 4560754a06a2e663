/** Punctuation that closes a clause: a rule never looks across one of these. */
const CLAUSE = /[^，。；：！？]+/gu;

export interface Clause {
  text: string;
  /** Offset of the clause's first character in its paragraph, so mentions can be ordered. */
  start: number;
}

export function splitClauses(paragraph: string): Clause[] {
  return [...paragraph.matchAll(CLAUSE)].map((match) => ({ text: match[0], start: match.index }));
}
