import { Converter } from 'opencc-js/t2cn';

/**
 * The copy of a printed line that the rules read. Papers print in simplified or traditional
 * script, OCR mixes full- and half-width forms at random, and half-width punctuation (`,()：`) turns
 * up where the paper printed full-width: the rules should see one spelling of each. The copy is the
 * same length as the printed line, one UTF-16 unit for one, so any stretch the rules find can be
 * cut from the printed line at the same offsets: names, titles and text are kept as printed.
 */

const toSimplified = Converter({ from: 't', to: 'cn' });
/** Per character, so the copy keeps its length; a character whose conversion would not is kept. */
const simplifiedByCharacter = new Map<string, string>();

function simplified(character: string): string {
  const known = simplifiedByCharacter.get(character);
  if (known !== undefined) return known;
  const candidate = toSimplified(character);
  const converted = candidate.length === character.length ? candidate : character;
  simplifiedByCharacter.set(character, converted);
  return converted;
}

/**
 * Half-width punctuation read as the full-width mark papers print, except inside numbers (1,000 /
 * 10:30), where a full-width comma is digit grouping too (１，０００).
 */
const FULL_WIDTH_PUNCTUATION: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
};
const BETWEEN_DIGITS = new Set([',', ':']);
/** Full-width letters, digits and the marks that belong to numbers (．％＋－／) read as ASCII. */
const FULL_WIDTH_ASCII = /[０-９Ａ-Ｚａ-ｚ．％＋－／]/u;
const FULL_WIDTH_OFFSET = 0xfee0;
/** Ideographic, no-break and fixed-width spaces are layout, read as one plain space each. */
const LAYOUT_SPACE = /[\u00a0\u2000-\u200a\u202f\u3000]/u;
const DIGIT = /[0-9０-９]/u;
/** The dots papers and OCR print between an outlet's parts or a foreign name's (•, ‧, ・) read as ·. */
const MIDDLE_DOT = /[\u2022\u2027\u2219\u22c5\u30fb\uff65]/u;
const HAN_BLOCK_START = 0x2e80;

export function matchingText(printed: string): string {
  let text = '';
  for (let index = 0; index < printed.length; index += 1) {
    const character = printed[index]!;
    const code = character.charCodeAt(0);
    if (code < 0x80) {
      const fullWidth = FULL_WIDTH_PUNCTUATION[character];
      const inNumber = BETWEEN_DIGITS.has(character) && DIGIT.test(printed[index - 1] ?? '') && DIGIT.test(printed[index + 1] ?? '');
      text += fullWidth !== undefined && !inNumber ? fullWidth : character;
    } else if (character === '，' && DIGIT.test(printed[index - 1] ?? '') && DIGIT.test(printed[index + 1] ?? '')) {
      text += ',';
    } else if (FULL_WIDTH_ASCII.test(character)) {
      text += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    } else if (MIDDLE_DOT.test(character)) {
      text += '·';
    } else if (LAYOUT_SPACE.test(character)) {
      text += ' ';
    } else if (code >= HAN_BLOCK_START && (code < 0xd800 || code > 0xdfff)) {
      text += simplified(character);
    } else {
      text += character;
    }
  }
  return text;
}
