import type { ProjectStage } from '../extraction-schema';
import { splitBlocks } from '../layout/blocks';
import { splitLines } from '../layout/lines';
import { buildParagraphs, type PrintedText } from '../layout/paragraphs';
import { platformKind } from './platforms';
import { articleStage, stageMarks } from './projects';
import { titleChainEndingAt } from './titles';

/**
 * What the print says beside a name an editor selected and linked by hand, where the parser found
 * no entry: the titles printed right before an official's name (`市委常委、副市长某某` → both), a
 * project's stage from its own sentence (the stage verb after the name first, else the sentence's,
 * else the article's event), a platform's kind from its name. The article's printed text is read
 * into paragraphs as the parser reads it (a column break inside a sentence joins its two halves),
 * and with the parser's vocabularies; pure, the desk stores the result.
 */
export type SelectedKind = 'official' | 'project' | 'researchPlatform';

export type BesideName = { titles: string[] } | { stage: ProjectStage | null } | { kind: string | null };

const SENTENCE = /[^。！？；]+[。！？；]?/gu;

/** Where the name is printed: found in the printed copy, read in the matching copy at the same offset. */
function occurrences(paragraphs: readonly PrintedText[], name: string): Array<{ text: string; at: number }> {
  const found: Array<{ text: string; at: number }> = [];
  for (const { text, printed } of paragraphs) {
    for (let at = printed.indexOf(name); at >= 0; at = printed.indexOf(name, at + name.length)) found.push({ text, at });
  }
  return found;
}

function titlesBefore(paragraphs: readonly PrintedText[], name: string): string[] {
  for (const { text, at } of occurrences(paragraphs, name)) {
    const chain = titleChainEndingAt(text, at);
    if (chain) return chain.titles;
  }
  return [];
}

function stageAround(paragraphs: readonly PrintedText[], name: string): ProjectStage | null {
  for (const { text, at } of occurrences(paragraphs, name)) {
    for (const sentence of text.matchAll(SENTENCE)) {
      const start = sentence.index;
      if (at < start || at >= start + sentence[0].length) continue;
      const marks = stageMarks(sentence[0]);
      const mark = marks.find((candidate) => start + candidate.index >= at + name.length) ?? marks[0];
      if (mark) return mark.stage;
    }
  }
  return articleStage(paragraphs.map((paragraph) => paragraph.text));
}

/** `printedText`: the article's lines as printed (its stored raw text). */
export function besideSelectedName(printedText: string, kind: SelectedKind, name: string): BesideName {
  if (kind === 'researchPlatform') return { kind: platformKind(name) };
  const paragraphs = buildParagraphs(splitBlocks(splitLines(printedText)));
  return kind === 'official' ? { titles: titlesBefore(paragraphs, name) } : { stage: stageAround(paragraphs, name) };
}
