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
  /** Everyone credited, in printed order, whatever their role. */
  reporters: string[];
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
    role: new RegExp(alternation(vocab.roleWords), 'gu'),
  };
}

const compiled = compileVocab(bylineVocab);

function parseCredits(inner: string): { outlet: string | null; reporters: string[] } {
  const firstRole = inner.search(compiled.role);
  if (firstRole < 0) return { outlet: removeLayoutWhitespace(inner) || null, reporters: [] };
  const outlet = removeLayoutWhitespace(inner.slice(0, firstRole)) || null;
  // Spaces, not line breaks, separate names: a line break may fall inside a name.
  const reporters = inner
    .slice(firstRole)
    .split(compiled.role)
    .flatMap((group) => group.split(NAME_SEPARATOR))
    .filter((name) => name !== '');
  return { outlet, reporters };
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
