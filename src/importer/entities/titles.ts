import { entityVocab } from '../vocab/entity-vocab';

/** Titles grouped by first character: the title list is large once organs × posts × places are expanded. */
const titlesByFirstChar = entityVocab.titles.reduce((groups, title) => {
  const group = groups.get(title[0]!) ?? [];
  group.push(title);
  return groups.set(title[0]!, group);
}, new Map<string, string[]>());

/** The longest title starting at `index`, or null. */
export function titleAt(text: string, index: number): string | null {
  const candidates = titlesByFirstChar.get(text[index] ?? '') ?? [];
  return candidates.find((title) => text.startsWith(title, index)) ?? null;
}

export interface TitleChain {
  titles: string[];
  end: number;
}

/** Titles printed back to back or joined by 、 (省委常委、市委书记), in printed order. */
export function readTitleChain(text: string, start: number): TitleChain | null {
  const titles: string[] = [];
  let index = start;
  for (let title = titleAt(text, index); title; title = titleAt(text, index)) {
    titles.push(title);
    index += title.length;
    if (text[index] === '、' && titleAt(text, index + 1)) index++;
  }
  return titles.length > 0 ? { titles, end: index } : null;
}

/** Whether `text` is nothing but a title chain, e.g. a list segment 市委常委 before 秘书长某某. */
export function isOnlyTitles(text: string): boolean {
  return readTitleChain(text, 0)?.end === text.length;
}
