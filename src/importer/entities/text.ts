const HAN = /^\p{Script=Han}$/u;
const COMMON_HAN_FIRST = 0x4e00;
const COMMON_HAN_LAST = 0x9fff;
const BEFORE_ANY_HAN = 0x2e80;

/** The common block answers most calls without a regular expression; every rule calls this per character. */
export function isHan(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code >= COMMON_HAN_FIRST && code <= COMMON_HAN_LAST) return true;
  return code >= BEFORE_ANY_HAN && HAN.test(char);
}

export function isAllHan(text: string): boolean {
  return text.length > 0 && [...text].every(isHan);
}

/**
 * Word lists are constants scanned at every character of every clause, so each is indexed once by
 * its words' first (or last) character; buckets keep the list's longest-first order.
 */
const byFirstChar = new WeakMap<readonly string[], Map<string, string[]>>();
const byLastChar = new WeakMap<readonly string[], Map<string, string[]>>();
// Rules scan one list over many positions in a row: remembering the last lookup spares the WeakMap.
let lastWords: readonly string[] | null = null;
let lastIndex: WeakMap<readonly string[], Map<string, string[]>> | null = null;
let lastBuckets: Map<string, string[]> | null = null;

function bucketsOf(
  words: readonly string[],
  index: WeakMap<readonly string[], Map<string, string[]>>,
  key: (word: string) => string,
) {
  if (words === lastWords && index === lastIndex) return lastBuckets!;
  let buckets = index.get(words);
  if (buckets === undefined) {
    buckets = new Map();
    for (const word of words) buckets.set(key(word), [...(buckets.get(key(word)) ?? []), word]);
    index.set(words, buckets);
  }
  lastWords = words;
  lastIndex = index;
  lastBuckets = buckets;
  return buckets;
}

/** The longest of `words` (already sorted longest first) that starts at `index`, or null. */
export function wordAt(text: string, index: number, words: readonly string[]): string | null {
  const candidates = bucketsOf(words, byFirstChar, (word) => word[0]!).get(text[index] ?? '');
  return candidates?.find((word) => text.startsWith(word, index)) ?? null;
}

/** The longest of `words` (already sorted longest first) that `text` ends with, or null. */
export function wordEndingText(text: string, words: readonly string[]): string | null {
  const candidates = bucketsOf(words, byLastChar, (word) => word.at(-1)!).get(text.at(-1) ?? '');
  return candidates?.find((word) => text.endsWith(word)) ?? null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
