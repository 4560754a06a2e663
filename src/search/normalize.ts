/**
 * Search sees text the way readers type it: NFKC folds full-width letters and digits to ASCII
 * (`５Ｇ` → `5G`) and compatibility forms to their base; case does not matter. Only letters and
 * digits carry meaning, so punctuation and spaces split the text into runs that are indexed, and
 * matched, on their own.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** The letter-and-digit runs of already normalized text. */
export function runsOf(normalized: string): string[] {
  return normalized.match(RUN) ?? [];
}

/**
 * Chinese has no spaces between words, so the index holds every pair of neighbouring characters
 * of a run, in order, and the run's last character alone: `郑州市` → `郑州 州市 市`. A query of two
 * or more characters is the phrase of its own pairs (a substring of a run, and nothing else); a
 * one-character query is a prefix of some pair or a run's last character. Word segmentation would
 * miss names and places a dictionary lacks; character pairs miss nothing.
 */
export function gramsOfRun(run: string): string[] {
  const chars = Array.from(run);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  if (chars.length > 0) grams.push(chars[chars.length - 1]);
  return grams;
}

/** Every gram of the text, runs in order, separated by spaces: the column the SQLite index reads. */
export function gramText(text: string): string {
  return runsOf(normalizeText(text)).map((run) => gramsOfRun(run).join(' ')).join(' ');
}

/**
 * The distinct grams a document must contain for a query run to occur in it: its pairs, or the
 * character itself for a one-character run. PostgreSQL's tsvector index serves these; every
 * character of a document is also indexed alone there, so a one-character run is one lookup.
 */
export function requiredGrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  return [...pairs];
}

/**
 * PostgreSQL refuses a tsvector over 1 MB; about 50,000 distinct grams of Chinese text stay well
 * under it. A printed article has a few thousand; the grams past the cap (from the text's end) of
 * a longer text are not indexed, rather than the text failing to publish.
 */
export const MAX_INDEXED_GRAMS = 50_000;

/** The distinct pairs and single characters of a text: the lexemes of PostgreSQL's tsvector. */
export function gramSet(text: string): string[] {
  const grams = new Set<string>();
  for (const run of runsOf(normalizeText(text))) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]);
      if (i + 1 < chars.length) grams.add(chars[i] + chars[i + 1]);
      if (grams.size >= MAX_INDEXED_GRAMS) return [...grams];
    }
  }
  return [...grams];
}
