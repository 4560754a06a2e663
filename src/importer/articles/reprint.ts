import type { PrintedText } from '../layout/paragraphs';

/**
 * The rules read the matching copy of the page (simplified script, one width, full-width
 * punctuation); what the extraction prints is the page as printed. A reprinter turns any stretch
 * the rules took from an article's text (a name, a title, a generated title) back into its printed
 * form, from the same offsets of the article's text as printed.
 */
export type Reprint = (text: string) => string;

export function reprinter(sources: readonly PrintedText[]): Reprint {
  if (sources.every((source) => source.text === source.printed)) return (text) => text;
  // A stretch no source holds whole (a name made of host and kind) is printed character by character.
  const byCharacter = new Map<string, string>();
  for (const source of sources) {
    for (let index = 0; index < source.text.length; index += 1) {
      if (!byCharacter.has(source.text[index]!)) byCharacter.set(source.text[index]!, source.printed[index]!);
    }
  }
  return (text) => {
    for (const source of sources) {
      const at = source.text.indexOf(text);
      if (at >= 0) return source.printed.slice(at, at + text.length);
    }
    return Array.from(text, (character) => byCharacter.get(character) ?? character).join('');
  };
}
