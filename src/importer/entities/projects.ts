import type { ProjectMention, ProjectStage } from '../contract';
import { entityVocab } from '../vocab/entity-vocab';
import { splitClauses } from './clauses';
import { wordAt } from './text';

const vocab = entityVocab.projects;
const PROJECT = '项目';
/** Han characters a name needs at least: a count (15个项目) has one. */
const MIN_NAME_LENGTH = 3;
const HAN = /\p{Script=Han}/gu;
const MAX_NAME_LENGTH = 40;
/** Characters that separate one project name from the next inside a clause. */
const NAME_DELIMITERS = ['、', '“', '”', '《', '》'];
/** Digits are part of a name: 年产30万吨某某项目, 年产1.2万套某某项目. */
const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9.（）()·]+$/u;

interface StageMark {
  index: number;
  word: string;
  stage: ProjectStage;
}

/**
 * Stage verbs outside quotes: “投产一批” names a category of projects, not an event. Verbs that are
 * a stage only right after a project's name (落地) are left to `stageRightAfter`.
 */
export function stageMarks(clause: string): StageMark[] {
  const marks: StageMark[] = [];
  let quoted = false;
  for (let index = 0; index < clause.length; index++) {
    if (clause[index] === '“' || clause[index] === '”') quoted = clause[index] === '“';
    const word = quoted ? null : wordAt(clause, index, vocab.stageWords);
    if (!word) continue;
    if (!vocab.stagesOnlyAfterName.has(word)) marks.push({ index, word, stage: vocab.stageOf.get(word)! });
    index += word.length - 1;
  }
  return marks;
}

/** 某某项目落地, 某某项目正式落地: a stage verb printed right after the name, adverbs allowed. */
function stageRightAfter(clause: string, end: number): ProjectStage | null {
  const adverb = wordAt(clause, end, vocab.stageAdverbs);
  const word = wordAt(clause, end + (adverb?.length ?? 0), vocab.stageWords);
  return word ? vocab.stageOf.get(word)! : null;
}

/** The stage verb closest to the name, before or after it (before on a tie); marks are in clause order. */
function nearestStage(marks: StageMark[], start: number, end: number): ProjectStage | null {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (marks[middle]!.index < end) low = middle + 1;
    else high = middle;
  }
  const before = marks[low - 1];
  const after = marks[low];
  if (!before || !after) return (before ?? after)?.stage ?? null;
  const beforeDistance = Math.abs(start - (before.index + before.word.length));
  return beforeDistance <= after.index - end ? before.stage : after.stage;
}

/**
 * A proper project name: no counts (15个项目), no quoted categories (“投产一批”项目), no generic
 * determiner (我市项目, 本次项目) or stage verb (签约项目) and nothing but name characters.
 */
export function isProjectName(core: string): boolean {
  return (
    core.length <= MAX_NAME_LENGTH &&
    (core.match(HAN) ?? []).length >= MIN_NAME_LENGTH &&
    NAME_CHARS.test(core) &&
    !vocab.genericDeterminers.some((determiner) => core.includes(determiner)) &&
    !vocab.eventWords.some((eventWord) => core.includes(eventWord)) &&
    // 集中签约项目, 开工项目: a stage verb inside the name makes it a category of projects.
    !vocab.stageWords.some((stageWord) => core.includes(stageWord))
  );
}

/** Drops 见证/观摩了 (anywhere: the name starts after the last one) and 在/和 at the very start. */
function stripLeadIns(candidate: string): { name: string; introduced: boolean } {
  const cut = Math.max(
    0,
    ...vocab.leadIns.map((leadIn) => {
      const index = candidate.lastIndexOf(leadIn);
      return index === -1 ? 0 : index + leadIn.length;
    }),
  );
  let name = candidate.slice(cut);
  let introduced = cut > 0;
  while (name.length > 0 && vocab.leadInsAtStart.has(name[0]!)) {
    name = name.slice(1);
    introduced = true;
  }
  const stageWord = wordAt(name, 0, vocab.stageWords);
  if (stageWord) name = name.slice(stageWord.length);
  return { name, introduced };
}

/** A project mention with where its name stands in the clause. */
export interface LocatedProject extends ProjectMention {
  start: number;
  end: number;
}

/**
 * Names ending in 项目: 在某某项目现场…开工, 见证甲项目、乙项目等15个项目签约. The stage comes from the
 * nearest stage verb in the clause; without one, only a name introduced by a lead-in counts.
 */
export function projectsEndingInProject(clause: string): LocatedProject[] {
  const marks = stageMarks(clause);
  const projects: LocatedProject[] = [];
  let previousEnd = 0;
  let lastDelimiter = -1;
  let scanned = 0;
  for (let index = clause.indexOf(PROJECT); index !== -1; index = clause.indexOf(PROJECT, index + PROJECT.length)) {
    for (; scanned < index; scanned += 1) if (NAME_DELIMITERS.includes(clause[scanned]!)) lastDelimiter = scanned;
    const end = index + PROJECT.length;
    const start = Math.max(previousEnd, lastDelimiter + 1);
    previousEnd = end;
    const { name, introduced } = stripLeadIns(clause.slice(start, end));
    if (!isProjectName(name.slice(0, -PROJECT.length)) || wordAt(clause, end, vocab.collectiveStages)) continue;
    const rightAfter = stageRightAfter(clause, end);
    const stage = rightAfter ?? nearestStage(marks, start, end);
    const stageConfidence = stage === null ? 1 : rightAfter !== null ? 0.9 : 0.7;
    if (stage !== null || introduced) {
      projects.push({ name, stage, start: end - name.length, end, confidence: stage !== null ? 0.8 : 0.6, stageConfidence });
    }
  }
  return projects;
}

/**
 * 观摩了投产项目某某生产线: lead-in, stage verb, 项目, then the names, up to the clause end or the next
 * stage verb, whose names are its own.
 */
export function projectsAfterStageWord(clause: string): LocatedProject[] {
  const marks = stageMarks(clause);
  return marks.flatMap(({ index, word, stage }, markIndex) => {
    const after = index + word.length;
    if (!clause.startsWith(PROJECT, after)) return [];
    if (!vocab.leadIns.some((leadIn) => clause.startsWith(leadIn, index - leadIn.length))) return [];
    const listEnd = marks[markIndex + 1]?.index ?? clause.length;
    const projects: LocatedProject[] = [];
    let start = after + PROJECT.length;
    for (const item of clause.slice(start, listEnd).split('、')) {
      const name = item.replace(/等(\d.*)?$/u, '');
      if (isProjectName(name)) projects.push({ name, stage, start, end: start + name.length, confidence: 0.75, stageConfidence: 0.85 });
      start += item.length + 1;
    }
    return projects;
  });
}

/** Every project named in a clause, with where its name stands. */
export function projectsInClause(clause: string): LocatedProject[] {
  return [...projectsAfterStageWord(clause), ...projectsEndingInProject(clause)];
}

/** One entry per project, in order of first mention, with the first stage any mention reports. */
export function mergeProjects(mentions: readonly ProjectMention[]): ProjectMention[] {
  const byName = new Map<string, ProjectMention>();
  for (const { name, stage, confidence, stageConfidence } of mentions) {
    const known = byName.get(name);
    if (!known || (known.stage === null && stage !== null)) byName.set(name, { name, stage, confidence, stageConfidence });
  }
  return [...byName.values()];
}

export function extractProjects(paragraphs: string[]): ProjectMention[] {
  return mergeProjects(paragraphs.flatMap(splitClauses).flatMap((clause) => projectsInClause(clause.text)));
}
