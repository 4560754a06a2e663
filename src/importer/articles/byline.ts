import type { Credit } from '../contract';
import { removeLayoutWhitespace } from '../layout/paragraphs';
import { bylineVocab, type BylineVocab } from '../vocab/article-vocab';
import { alternation } from '../vocab/words';

/**
 * `本报讯（某某晚报记者 张三 李四）` opens an article: a source tag, then in brackets
 * the outlet and the people credited, each group introduced by a role word (记者, 通讯员…).
 */
export interface Byline {
  sourceTag: string;
  /** Text before the first role word inside the brackets; null when the brackets name no outlet. */
  outlet: string | null;
  /** Everyone credited, in printed order, with the role word printed before them. */
  credits: Credit[];
  /** Lines the byline occupies, counted from the line it starts on. */
  lineCount: number;
  /** Body text printed after the closing bracket on the byline's last line. */
  rest: string;
}

/** A broken byline rarely spans more than three lines; looking further only invites false matches. */
export const MAX_BYLINE_LINES = 4;

const CLOSING_BRACKET = /[）)]/;
const NAME_SEPARATOR = /[\s、，,]+/;

function compileVocab(vocab: BylineVocab): { opening: RegExp; role: RegExp } {
  const tags = [alternation(vocab.sourceTags), ...vocab.sourceTagPatterns.map((source) => `(?:${source})`)].join('|');
  return {
    opening: new RegExp(`^\\s*(${tags})\\s*[（(]`, 'u'),
    role: new RegExp(alternation(Object.keys(vocab.creditRoles)), 'gu'),
  };
}

const compiled = compileVocab(bylineVocab);

function parseCredits(inner: string): { outlet: string | null; credits: Credit[] } {
  const roles = [...inner.matchAll(compiled.role)];
  if (roles.length === 0) return { outlet: removeLayoutWhitespace(inner) || null, credits: [] };
  const outlet = removeLayoutWhitespace(inner.slice(0, roles[0].index)) || null;
  const credits = roles.flatMap((match, index) => {
    const printedRole = match[0];
    const names = inner.slice(match.index + printedRole.length, roles[index + 1]?.index ?? inner.length);
    // Spaces, not line breaks, separate names: a line break may fall inside a name.
    return names
      .split(NAME_SEPARATOR)
      .filter((name) => name !== '')
      .map((name) => ({ name, role: bylineVocab.creditRoles[printedRole], printedRole }));
  });
  return { outlet, credits };
}

/**
 * Parses a byline starting at the first of `lines` (normalized line texts), or returns null.
 * Lines are joined as printed, spaces kept, until the closing bracket is found.
 */
export function parseByline(lines: readonly string[]): Byline | null {
  for (let count = 1; count <= Math.min(MAX_BYLINE_LINES, lines.length); count += 1) {
    const joined = lines.slice(0, count).join('');
    const opening = compiled.opening.exec(joined);
    if (!opening) continue;
    const afterOpening = joined.slice(opening[0].length);
    const close = afterOpening.search(CLOSING_BRACKET);
    if (close < 0) continue;
    return {
      sourceTag: removeLayoutWhitespace(opening[1]),
      ...parseCredits(afterOpening.slice(0, close)),
      lineCount: count,
      rest: afterOpening.slice(close + 1),
    };
  }
  return null;
}
