import type { Figure } from '../extraction-schema';
import { entityVocab } from '../vocab/entity-vocab';
import { splitClauses } from './clauses';
import { articleStage, projectsInParagraph, type LocatedProject } from './projects';
import { isHan, wordAt, wordEndingText } from './text';

const vocab = entityVocab.figures;
/** Digits, grouped by thousands or not (`5,000`, `5 000`, OCR spacing a group), with decimals. */
const NUMBER = /\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;
const GROUPING = /[, ]/gu;
/** Page codes (A04版) and decimals split by OCR: a digit run glued to a letter or dot is no figure. */
const NOT_A_QUANTITY_BEFORE = /^[A-Za-z.]$/u;
const LIST_JOINERS = /[和与及、]/u;
const RESPECTIVELY = '分别';

interface Quantity {
  value: number;
  unit: string;
  start: number;
  end: number;
}

/**
 * The unit after a number at `index`: a unit word, or up to two modifiers before one, a magnitude
 * (亿, 万) that belongs to the unit and an approximation (余, 多) that does not: 1.6亿件, 300余人次.
 */
function unitAt(clause: string, index: number): { unit: string; end: number } | null {
  let position = index;
  let magnitude = '';
  for (let modifiers = 0; modifiers <= 2; modifiers += 1) {
    const unit = wordAt(clause, position, vocab.units);
    if (unit) return { unit: magnitude + unit, end: position + unit.length };
    const scale = wordAt(clause, position, vocab.magnitudes);
    const approximation = scale ? null : wordAt(clause, position, vocab.approximators);
    if (!scale && !approximation) return null;
    magnitude += scale ?? '';
    position += (scale ?? approximation)!.length;
  }
  return null;
}

/**
 * Arabic numbers followed by a known unit; dates (月/日), ordinals (第3次) and spans of time
 * (前7个月) are no quantities.
 */
export function quantities(clause: string): Quantity[] {
  return [...clause.matchAll(NUMBER)].flatMap((match) => {
    const start = match.index;
    if (wordAt(clause, start + match[0].length, vocab.durations)) return [];
    const unit = unitAt(clause, start + match[0].length);
    if (!unit || NOT_A_QUANTITY_BEFORE.test(clause[start - 1] ?? '')) return [];
    if (vocab.ordinalMarkers.some((marker) => clause.startsWith(marker, start - marker.length))) return [];
    return [{ value: Number(match[0].replace(GROUPING, '')), unit: unit.unit, start, end: unit.end }];
  });
}

function stripWords(text: string, words: readonly string[], where: 'start' | 'end'): string {
  let stripped = text;
  for (let word = pick(stripped); word; word = pick(stripped)) {
    stripped = where === 'start' ? stripped.slice(word.length) : stripped.slice(0, -word.length);
  }
  return stripped;

  function pick(current: string): string | null {
    const word = where === 'start' ? wordAt(current, 0, words) : wordEndingText(current, words);
    return word && word.length < current.length ? word : null;
  }
}

/**
 * 5家省野外科学观测研究站和4家… → 省野外科学观测研究站: the noun phrase after the unit, up to a 的
 * (3家企业的设施 counts companies).
 */
function labelAfter(clause: string, quantity: Quantity, nextStart: number): string | null {
  const following = clause.slice(quantity.end, nextStart).split('、')[0]!;
  const label = nextStart < clause.length ? following.replace(/[和与及]$/u, '') : following;
  // 总投资50亿元的某项目: the number describes what came before it, not the noun after 的.
  if (!isHan(label[0]) || label.startsWith('的')) return null;
  return nounPhrase(label.split('的')[0]!).slice(0, vocab.maxLabelLength);
}

/** The text up to the first word that ends a noun phrase, or all of it. */
function nounPhrase(text: string): string {
  for (let index = 1; index < text.length; index += 1) {
    if (wordAt(text, index, vocab.labelEnds)) return text.slice(0, index);
  }
  return text;
}

/** 全市“开工一批”项目86个 → the noun phrase before the number, without 达到/共有. */
function labelBefore(clause: string, quantity: Quantity, previousEnd: number): string {
  const preceding = clause.slice(previousEnd, quantity.start).split('、').at(-1)!;
  const label = stripWords(stripWords(preceding, vocab.labelCopulas, 'end'), vocab.labelLeadIns, 'start');
  return label.length > vocab.maxLabelLength ? shortenFromLeft(label) : label;
}

/** Keeps the head noun at the end; a 的 inside the kept window is a natural place to start. */
function shortenFromLeft(label: string): string {
  const tail = label.slice(-vocab.maxLabelLength);
  const afterModifier = tail.slice(tail.lastIndexOf('的') + 1);
  return afterModifier.length >= 2 ? afterModifier : tail;
}

/**
 * A label runs back to the previous number, or to the end of a project's name before it when a
 * noun of its own stands between (某某项目总投资18亿元 → 总投资). With only a linking word between
 * (某某项目共计45个), the number counts what the name names.
 */
function labelStart(clause: string, found: readonly Quantity[], index: number, projects: readonly LocatedProject[]): number {
  const start = found[index]!.start;
  const previousEnd = found[index - 1]?.end ?? 0;
  const projectEnd = Math.max(previousEnd, ...projects.filter((project) => project.end <= start).map((project) => project.end));
  const between = clause.slice(projectEnd, start);
  const linkingOnly = between === '' || wordEndingText(between, vocab.labelCopulas) === between;
  return linkingOnly ? previousEnd : projectEnd;
}

function plainFigures(clause: string, found: Quantity[], projects: readonly LocatedProject[]): Figure[] {
  return found.flatMap((quantity, index) => {
    const nextStart = found[index + 1]?.start ?? clause.length;
    const previousEnd = labelStart(clause, found, index, projects);
    const label = labelAfter(clause, quantity, nextStart) ?? labelBefore(clause, quantity, previousEnd);
    return label ? [{ label, value: quantity.value, unit: quantity.unit }] : [];
  });
}

/**
 * 全省甲和乙总数分别达到23家和6家: one subject per number. A trailing aggregate noun (总数) and a
 * leading scope (全省) are shared by every subject, so each label reads on its own.
 */
function respectiveLabels(subject: string, count: number): string[] | null {
  const parts = subject.split(LIST_JOINERS).filter((part) => part.length > 0);
  if (parts.length !== count) return null;
  const aggregate = wordEndingText(parts.at(-1)!, vocab.aggregateNouns) ?? '';
  const scope = wordAt(parts[0]!, 0, vocab.scopes) ?? '';
  return parts.map((part) => {
    const core = part.endsWith(aggregate) ? part.slice(0, part.length - aggregate.length) : part;
    const scoped = core.startsWith(scope) ? core : scope + core;
    return (scoped + aggregate).slice(-vocab.maxLabelLength);
  });
}

/** `projects`: the projects named in the clause; a number inside a name (年产30万吨…项目) is no figure. */
export function figuresInClause(clause: string, projects: readonly LocatedProject[] = projectsInParagraph(clause, articleStage([clause]))): Figure[] {
  const found = quantities(clause).filter(
    ({ start, end }) => !projects.some((project) => start >= project.start && end <= project.end),
  );
  const respectively = clause.indexOf(RESPECTIVELY);
  const after = respectively === -1 ? [] : found.filter((quantity) => quantity.start > respectively);
  const labels = after.length >= 2 ? respectiveLabels(clause.slice(0, respectively), after.length) : null;
  if (!labels) return plainFigures(clause, found, projects);
  const before = found.filter((quantity) => quantity.start < respectively);
  return [
    ...plainFigures(clause, before, projects),
    ...after.map((quantity, index) => ({ label: labels[index]!, value: quantity.value, unit: quantity.unit })),
  ];
}

export function extractFigures(paragraphs: string[]): Figure[] {
  return paragraphs.flatMap(splitClauses).flatMap((clause) => figuresInClause(clause.text));
}
