/**
 * A page line keeps its printed form (`raw`, for line spans and the stored raw text) next to a
 * normalized view (`text`) that the parser reads. Normalization is deliberately narrow: OCR mixes
 * full-width and half-width digits and letters at random, but full-width punctuation such as
 * （）“”，。 is what the paper printed and stays as it is, so no blanket NFKC.
 */
export interface PageLine {
  /** 1-based line number in the file. */
  number: number;
  raw: string;
  text: string;
}

const FULL_WIDTH_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = /\u3000/g;

export function normalizeLine(raw: string): string {
  return raw
    .replace(FULL_WIDTH_ALPHANUMERIC, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}

export function isBlank(line: PageLine): boolean {
  return line.text.trim() === '';
}

/** Splits on CRLF, LF or CR; a final line break does not start another (empty) line. */
export function splitLines(text: string): PageLine[] {
  const raws = text.split(/\r\n|\r|\n/);
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  return raws.map((raw, index) => ({ number: index + 1, raw, text: normalizeLine(raw) }));
}
