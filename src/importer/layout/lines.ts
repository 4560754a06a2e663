import { matchingText } from './normalize';

/**
 * A page line keeps its printed form (`raw`, for line spans, the stored raw text and every string
 * the extraction prints) next to the copy the parser reads (`text`, see normalize.ts), of the same
 * length, so an offset in one is an offset in the other.
 */
export interface PageLine {
  /** 1-based line number in the file. */
  number: number;
  raw: string;
  text: string;
}

export function isBlank(line: PageLine): boolean {
  return line.text.trim() === '';
}

/** Splits on CRLF, LF or CR; a final line break does not start another (empty) line. */
export function splitLines(text: string): PageLine[] {
  const raws = text.split(/\r\n|\r|\n/);
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  return raws.map((raw, index) => ({ number: index + 1, raw, text: matchingText(raw) }));
}

/**
 * Part of a line, printed form and matching copy cut at the same offsets (`end` defaults to the
 * line's end): what classification cuts off a line (a byline, an end credit) keeps both aligned.
 */
export function sliceLine(line: PageLine, start: number, end: number = line.text.length): PageLine {
  return { ...line, text: line.text.slice(start, end), raw: line.raw.slice(start, end) };
}

/** The last `length` characters of a line, aligned the same way. */
export function lineEnd(line: PageLine, length: number): PageLine {
  return sliceLine(line, line.text.length - length);
}
