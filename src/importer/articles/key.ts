import { createHash } from 'node:crypto';

/**
 * A natural key that survives re-imports: same printed text, same key, whatever the file's
 * encoding or line endings. It is taken from the byline onwards, not from the headline, because
 * which headline an article gets is a judgement that may improve; the byline text does not move.
 */

const KEY_TEXT_LENGTH = 120;
const FULL_WIDTH_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Keys of articles already in the archive were made from the text with full-width letters and
 * digits read as ASCII and nothing else changed; the parser's matching copy (layout/normalize.ts)
 * reads more, but a key must not change when the parser learns to read better.
 */
function keyCharacters(printed: string): string {
  return printed.replace(FULL_WIDTH_ALPHANUMERIC, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));
}
const KEY_HEX_LENGTH = 16;

export function articleKey(rawTextFromByline: string): string {
  const characters = Array.from(keyCharacters(rawTextFromByline).replace(/\s+/g, '')).slice(0, KEY_TEXT_LENGTH);
  const digest = createHash('sha256').update(characters.join(''), 'utf8').digest('hex');
  return `a-${digest.slice(0, KEY_HEX_LENGTH)}`;
}

/** Keeps keys unique within a page: a repeated key gets `-2`, `-3`… in page order. */
export function disambiguateKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  });
}
