const HAN = /^\p{Script=Han}$/u;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

export function isAllHan(text: string): boolean {
  return text.length > 0 && [...text].every(isHan);
}

/** The longest of `words` (already sorted longest first) that starts at `index`, or null. */
export function wordAt(text: string, index: number, words: readonly string[]): string | null {
  return words.find((word) => text.startsWith(word, index)) ?? null;
}

/** The longest of `words` (already sorted longest first) that `text` ends with, or null. */
export function wordEndingText(text: string, words: readonly string[]): string | null {
  return words.find((word) => text.endsWith(word)) ?? null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
