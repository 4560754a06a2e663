/** Punctuation that closes a clause: a rule never looks across one of these. */
const CLAUSE_END = /[，。；：！？]/u;

export interface Clause {
  text: string;
  /** Offset of the clause's first character in its paragraph, so mentions can be ordered. */
  start: number;
}

export function splitClauses(paragraph: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let index = 0; index <= paragraph.length; index++) {
    if (index === paragraph.length || CLAUSE_END.test(paragraph[index]!)) {
      if (index > start) clauses.push({ text: paragraph.slice(start, index), start });
      start = index + 1;
    }
  }
  return clauses;
}
