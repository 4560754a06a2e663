import { entityVocab } from '../vocab/entity-vocab';
import { isAllHan, isHan, wordAt } from './text';

const { surnames, officials: vocab } = entityVocab;

export function surnameAt(text: string, index: number): string | null {
  const compound = text.slice(index, index + 2);
  if (surnames.compound.has(compound)) return compound;
  const single = text[index];
  return single !== undefined && surnames.single.has(single) ? single : null;
}

/** Words shaped like surname + given name that are ordinary nouns (会议, 全市, 市委). */
export function isCommonWord(candidate: string): boolean {
  return vocab.notNames.has(candidate) || vocab.notNameEndings.has(candidate.at(-1) ?? '');
}

/** A name may end before punctuation, at the end of the text, or before a boundary word (主持, 在, 等). */
export function isNameBoundary(text: string, index: number): boolean {
  return index >= text.length || !isHan(text[index]) || wordAt(text, index, vocab.nameBoundaries) !== null;
}

/**
 * 和 ends names before it (`某某和某某`) but is a common last character of given names too: it is
 * the name's where nothing a conjunction could join follows (punctuation, the end, or an official
 * verb: `某某和出席`).
 */
function keepsFinal(text: string, end: number): boolean {
  if (!vocab.finalsBeforeClearEnd.has(text[end - 1] ?? '')) return false;
  return end >= text.length || !isHan(text[end]!) || wordAt(text, end, vocab.officialVerbs) !== null;
}

export interface NameMatch {
  name: string;
  start: number;
  end: number;
}

export type FollowerTest = (text: string, end: number) => boolean;

/** The dots that join the parts of a transliterated foreign name (谢尔盖·伊万诺夫). */
const FOREIGN_NAME_DOT = /·/u;

/** Part of a transliterated foreign name: such names are never read as a surname and given name. */
function isPartOfForeignName(text: string, start: number, end: number): boolean {
  return FOREIGN_NAME_DOT.test(text[start - 1] ?? '') || FOREIGN_NAME_DOT.test(text[end] ?? '');
}

/**
 * Reads surname + one or two given-name characters at `start`; what follows decides where the name
 * ends. Three-character names are tried first because they are the norm, but a name never ends in a
 * one-character boundary word, so 张华在郑州 reads as 张华 and 李强等参加 as 李强.
 */
export function readNameAt(text: string, start: number, followerOk: FollowerTest = isNameBoundary): NameMatch | null {
  const surname = surnameAt(text, start);
  if (!surname) return null;
  for (const givenLength of [2, 1]) {
    const end = start + surname.length + givenLength;
    const name = text.slice(start, end);
    if (end > text.length || !isAllHan(name) || isCommonWord(name)) continue;
    if (givenLength > 1 && vocab.singleCharBoundaries.has(name.at(-1)!) && !keepsFinal(text, end)) continue;
    if (isPartOfForeignName(text, start, end)) return null;
    if (followerOk(text, end)) return { name, start, end };
  }
  return null;
}

/** Whether a whole list item can be a name: 2–3 Han characters, up to 4 with a compound surname. */
export function isNameShaped(item: string): boolean {
  if (!isAllHan(item) || isCommonWord(item)) return false;
  const maxLength = surnames.compound.has(item.slice(0, 2)) ? 4 : 3;
  return item.length >= 2 && item.length <= maxLength;
}

export function startsWithSurname(item: string): boolean {
  return surnameAt(item, 0) !== null;
}

export interface TitledName extends NameMatch {
  /** The surname is in the table; a rare one reads after a title only where the name clearly ends. */
  knownSurname: boolean;
}

const FOREIGN_NAME = /^\p{Script=Han}{1,6}(?:·\p{Script=Han}{1,8})+/u;

/** Whether a word a name ends before (主持, 出席, 在, 的…) begins at `index`. */
function boundaryWordAt(text: string, index: number): boolean {
  return wordAt(text, index, vocab.nameBoundaries) !== null;
}

/** A foreign name's last part ends where a word names end before begins (`某·某某一行`). */
function foreignNameAt(text: string, start: number): NameMatch | null {
  const match = FOREIGN_NAME.exec(text.slice(start, start + 24));
  if (match === null) return null;
  const lastDot = match[0].lastIndexOf('·');
  let end = start + match[0].length;
  for (let index = start + lastDot + 2; index < end; index += 1) {
    if (boundaryWordAt(text, index)) end = index;
  }
  return { name: text.slice(start, end), start, end };
}

/**
 * The name printed right after a title. The title is the evidence, so a surname only the table of
 * rare surnames holds reads too, and a foreign name keeps its dots; the name still has to end
 * where names end (punctuation or a boundary word such as 主持, 出席, 的), and takes two given-name
 * characters unless the second begins such a word (`市长某某主持`).
 */
export function readTitledName(text: string, start: number): TitledName | null {
  const foreign = foreignNameAt(text, start);
  if (foreign !== null) return { ...foreign, knownSurname: true };
  const known = surnameAt(text, start);
  const surname = known ?? (surnames.rare.has(text[start] ?? '') ? text[start]! : null);
  if (surname === null) return null;
  for (const givenLength of [2, 1]) {
    const end = start + surname.length + givenLength;
    const name = text.slice(start, end);
    if (end > text.length || !isAllHan(name) || isCommonWord(name)) continue;
    if (givenLength === 2 && (vocab.singleCharBoundaries.has(name.at(-1)!) || boundaryWordAt(text, end - 1)) && !keepsFinal(text, end)) continue;
    if (isPartOfForeignName(text, start, end)) return null;
    if (isNameBoundary(text, end)) return { name, start, end, knownSurname: known !== null };
  }
  return null;
}
