import { createHash } from 'node:crypto';
import { normalizeLine } from '../layout/lines';

/**
 * A natural key that survives re-imports: same printed text, same key, whatever the file's
 * encoding or line endings. It is taken from the byline onwards, not from the headline, because
 * which headline an article gets is a judgement that may improve; the byline text does not move.
 */

const KEY_TEXT_LENGTH = 120;
const KEY_HEX_LENGTH = 16;

export function articleKey(rawTextFromByline: string): string {
  const characters = Array.from(normalizeLine(rawTextFromByline).replace(/\s+/g, '')).slice(0, KEY_TEXT_LENGTH);
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
