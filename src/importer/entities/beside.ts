import type { ProjectStage } from '../extraction-schema';
import { platformKind } from './platforms';
import { articleStage, stageMarks } from './projects';
import { titleChainEndingAt } from './titles';

/**
 * What the print says beside a name an editor selected and linked by hand, where the parser found
 * no entry: the titles printed right before an official's name (`市委常委、副市长某某` → both), a
 * project's stage from its own sentence (the stage verb after the name first, else the sentence's,
 * else the article's event), a platform's kind from its name. Read with the same vocabularies as
 * the parser; pure, the desk stores it.
 */
export type SelectedKind = 'official' | 'project' | 'researchPlatform';

export type BesideName = { titles: string[] } | { stage: ProjectStage | null } | { kind: string | null };

const SENTENCE = /[^。！？；]+[。！？；]?/gu;

function occurrences(paragraphs: readonly string[], name: string): Array<{ paragraph: string; at: number }> {
  const found: Array<{ paragraph: string; at: number }> = [];
  for (const paragraph of paragraphs) {
    for (let at = paragraph.indexOf(name); at >= 0; at = paragraph.indexOf(name, at + name.length)) found.push({ paragraph, at });
  }
  return found;
}

function titlesBefore(paragraphs: readonly string[], name: string): string[] {
  for (const { paragraph, at } of occurrences(paragraphs, name)) {
    const chain = titleChainEndingAt(paragraph, at);
    if (chain) return chain.titles;
  }
  return [];
}

function stageAround(paragraphs: readonly string[], name: string): ProjectStage | null {
  for (const { paragraph, at } of occurrences(paragraphs, name)) {
    for (const sentence of paragraph.matchAll(SENTENCE)) {
      const start = sentence.index;
      if (at < start || at >= start + sentence[0].length) continue;
      const marks = stageMarks(sentence[0]);
      const after = marks.find((mark) => start + mark.index >= at + name.length);
      const mark = after ?? marks[0];
      if (mark) return mark.stage;
    }
  }
  return articleStage(paragraphs);
}

/** `paragraphs` as the parser reads them: a paragraph's column lines joined without breaks. */
export function besideSelectedName(paragraphs: readonly string[], kind: SelectedKind, name: string): BesideName {
  if (kind === 'official') return { titles: titlesBefore(paragraphs, name) };
  if (kind === 'project') return { stage: stageAround(paragraphs, name) };
  return { kind: platformKind(name) };
}
