import type { ProjectMention, ProjectStage } from '../extraction-schema';
import { entityVocab } from '../vocab/entity-vocab';
import { splitClauses, type Clause } from './clauses';
import { wordAt, wordEndingText } from './text';

/**
 * Projects by evidence. A project is a proper name (a noun phrase ending in 项目, or in a head noun
 * such as 基地, 生产线, 厂房 where the context says it is a project) with a stage event the article
 * reports: signed, groundbreaking, completed, in production. The stage comes, nearest first, from a
 * stage verb right after the name, from the list the name is a member of (`甲、乙等7个项目竣工`,
 * `开工项目有甲、乙`), from the sentence, and for a member of a list or an item of an enumerated
 * paragraph (`投资1亿元的某某项目，……`) from the event the article leads with. A plan (`将开工`,
 * `建成后`) is no stage; a name with no stage is background, not a project. A list is never one
 * project: each member is one, with the list's stage.
 */

const vocab = entityVocab.projects;
const PROJECT = '项目';
/** Han characters a name needs at least: a count (15个项目) has one. */
const MIN_NAME_LENGTH = 3;
const HAN = /\p{Script=Han}/gu;
const MAX_NAME_LENGTH = 40;
/** Digits are part of a name (年产30万吨某某项目); so are brackets (某某项目（一期）) and a dash. */
const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9.（）()·—\-]+$/u;
/** A phase printed after the name: 某某项目（一期）. */
const PHASE = /^[（(][一二三四五六七八九十\d]+期[）)]/u;
const SENTENCE = /[^。！？；]+[。！？；]?/gu;
/** `总投资30亿元的`, `投资1.24亿元建设的`: what the project costs is printed before its name. */
const INVESTMENT_PHRASE = /^.*?(?:投资|总投资|计划投资|协议引资)[^的]*的/u;
/** A sentence that is one item of the event's projects: `投资1亿元的某某项目，`, `其中某某项目…`. */
const ITEM_OPENING = /^(?:(?:其中|如)，?[^，。]{3,40}?项目|(?:总?投资|计划投资)[^，。的]{1,16}的)/u;
/** `等7个项目`, `等28个城建项目`, `等一批标杆项目`: what closes a list of projects. */
const LIST_CLOSER = /^等(?:[\d一二三四五六七八九十百]+个|一批)?[\p{Script=Han}]{0,8}?项目/u;
/** `……等11个`, the closer counting the members without naming them again. */
const COUNT_CLOSER = /^等[\d一二三四五六七八九十百]+个/u;

interface StageMark {
  index: number;
  word: string;
  stage: ProjectStage;
}

/** A project mention with where its name stands in its paragraph. */
export interface LocatedProject extends ProjectMention {
  start: number;
  end: number;
}

/**
 * Whether a stage verb at `index` reports a plan (`将开工`, `拟签约`), an aftermath (`建成后`) or a
 * task under way (`落地建设工作`, `签约事宜`), no event.
 */
function isPlanned(text: string, index: number, word: string): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  if (vocab.planMarkers.some((marker) => before.endsWith(marker) || before.includes(`${marker}于`))) return true;
  const after = index + word.length;
  return [...vocab.aftermathMarkers, ...vocab.taskNouns].some((marker) => text.startsWith(marker, after));
}

/**
 * Stage verbs outside quotes (`“投产一批”` names a category of projects) that report an event.
 * Verbs that are a stage only right after a project's name (落地) are left to `stageRightAfter`.
 */
export function stageMarks(text: string): StageMark[] {
  const marks: StageMark[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '“' || text[index] === '”') quoted = text[index] === '“';
    const word = quoted ? null : wordAt(text, index, vocab.stageWords);
    if (!word) continue;
    if (!vocab.stagesOnlyAfterName.has(word) && !isPlanned(text, index, word)) marks.push({ index, word, stage: vocab.stageOf.get(word)! });
    index += word.length - 1;
  }
  return marks;
}

/** 某某项目落地, 某某项目正式开工, 某某项目昨日开工建设: a stage verb right after the name, adverbs and day words allowed. */
function stageRightAfter(text: string, end: number): ProjectStage | null {
  let position = end;
  for (let steps = 0; steps < 3; steps += 1) {
    const skipped = wordAt(text, position, vocab.stageAdverbs) ?? wordAt(text, position, vocab.dayWords);
    if (skipped === null) break;
    position += skipped.length;
  }
  const word = wordAt(text, position, vocab.stageWords);
  return word && !isPlanned(text, position, word) ? vocab.stageOf.get(word)! : null;
}

/** The stage verb closest to the stretch [start, end), before or after it (before on a tie). */
function nearestStage(marks: readonly StageMark[], start: number, end: number): ProjectStage | null {
  let best: StageMark | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const mark of marks) {
    const distance = mark.index >= end ? mark.index - end : Math.max(0, start - (mark.index + mark.word.length));
    if (distance < bestDistance) {
      best = mark;
      bestDistance = distance;
    }
  }
  return best?.stage ?? null;
}

/** A category of projects (`基础设施项目`, `10亿元以上项目`): category words and amounts, nothing else. */
function isCategory(core: string): boolean {
  let rest = core.replace(/[\d.]+(?:亿|万)?元?/gu, '');
  for (let word = wordAt(rest, 0, vocab.categoryWords); word !== null; word = wordAt(rest, 0, vocab.categoryWords)) rest = rest.slice(word.length);
  return rest === '';
}

/**
 * `重点`, `重大`, `新建` make a name a kind of project when they stand right before 项目 (`某区下半年
 * 重大项目`) or when nothing but category words is left without them (`重点工业项目`); inside a
 * proper name (`优质某某储存项目`) they are part of it.
 */
function onlyModifiers(core: string): boolean {
  if (!vocab.genericModifiers.some((modifier) => core.includes(modifier))) return false;
  if (vocab.genericModifiers.some((modifier) => core.endsWith(modifier))) return true;
  const rest = vocab.genericModifiers.reduce((left, modifier) => left.replaceAll(modifier, ''), core);
  return (rest.match(HAN) ?? []).length < MIN_NAME_LENGTH || isCategory(rest);
}

/**
 * A proper project name: no counts (15个项目), no generic determiner (我市项目, 本次项目), no
 * stage verb (签约项目: a category), not a category, nothing but name characters.
 */
export function isProjectName(name: string): boolean {
  const core = name.endsWith(PROJECT) ? name.slice(0, -PROJECT.length) : name.replace(PHASE, '');
  return (
    core.length <= MAX_NAME_LENGTH &&
    (core.match(HAN) ?? []).length >= MIN_NAME_LENGTH &&
    NAME_CHARS.test(name) &&
    !vocab.genericDeterminers.some((determiner) => core.includes(determiner)) &&
    !onlyModifiers(core) &&
    !vocab.eventWords.some((eventWord) => core.includes(eventWord)) &&
    !vocab.stageWords.some((stageWord) => core.includes(stageWord)) &&
    // 本级25个项目, 首批208个项目: a count of projects, not one.
    !/[\d一二三四五六七八九十百]+个/u.test(core) &&
    // `成果和项目`: a conjunction right before 项目 joins a word to the bare noun, it ends no name.
    !/[和及与或]$/u.test(core) &&
    // A bracket the name does not close is the text's, not the name's: `（含某某合作项目`.
    (name.match(/[（(]/gu)?.length ?? 0) === (name.match(/[）)]/gu)?.length ?? 0) &&
    !isCategory(core)
  );
}

/**
 * Where the name ending at `end` starts: after the last punctuation, lead-in word or verb, `的`
 * (what the project costs or who builds it is printed before the name), within the stretch.
 */
function nameStart(text: string, from: number, end: number): number {
  let start = from;
  const investment = INVESTMENT_PHRASE.exec(text.slice(from, end));
  if (investment) start = from + investment[0].length;
  for (let index = start; index < end; index += 1) {
    const leadIn = wordAt(text, index, vocab.leadIns);
    if (leadIn !== null && index + leadIn.length <= end) start = index + leadIn.length;
    if (text[index] === '的') start = index + 1;
  }
  while (start < end && vocab.leadInsAtStart.has(text[start]!)) start += 1;
  return start;
}

/** `经开区首家世界500强企业——某某饲料生产`: what stands before a dash describes the name after it. */
function appositiveEnd(text: string, start: number, end: number): number {
  const dash = text.slice(start, end).lastIndexOf('——');
  return dash < 0 ? start : start + dash + 2;
}

/** Whether the stretch could be the name of a project: it ends in 项目 or a head noun (基地, 厂房…). */
function endsWithHead(name: string): boolean {
  const core = name.replace(/[（(][^（）()]*[）)]$/u, '');
  return core.endsWith(PROJECT) || wordEndingText(core, vocab.headNouns) !== null;
}

interface ListItem {
  text: string;
  start: number;
}

/** Items of a 、 list, the last one split at a conjunction (`甲、乙以及丙`): each a stretch of the sentence. */
function listItems(text: string, start: number, end: number): ListItem[] {
  const items: ListItem[] = [];
  let itemStart = start;
  for (let index = start; index <= end; index += 1) {
    if (index === end || text[index] === '、') {
      items.push({ text: text.slice(itemStart, index), start: itemStart });
      itemStart = index + 1;
    }
  }
  const last = items.at(-1);
  const joined = last ? /^(.{3,}?)(以及|和|及)(.{3,})$/u.exec(last.text) : null;
  // `甲、乙及丙` ends a list, but `某公司区域总部及孵化器` is one member: a bare head noun names nothing alone.
  if (last && joined && items.length > 1 && !vocab.headNouns.includes(joined[3]!)) {
    items.splice(-1, 1, { text: joined[1]!, start: last.start }, { text: joined[3]!, start: last.start + joined[1]!.length + joined[2]!.length });
  }
  return items;
}

interface Found extends LocatedProject {
  /** The stage was said of this name itself, not borrowed from the article's lead. */
  ownStage: boolean;
}

/** The project confidences: a name ending in 项目 with its own stage verb is surest; a borrowed stage least. */
export const PROJECT_CONFIDENCE = {
  named: 0.85,
  listed: 0.8,
  headNoun: 0.7,
  stageRightAfter: 0.9,
  stageOfList: 0.85,
  stageInSentence: 0.75,
  stageOfArticle: 0.6,
} as const;

/** How much surer a name is for naming a place, an organisation, a figure (年产30万吨) or Latin letters. */
const UNANCHORED_DOUBT = 0.15;
/** A short name with no such anchor (`平台载体项目`) is more often a kind of project than one. */
const SHORT_UNANCHORED_DOUBT = 0.15;
const SHORT_NAME_LENGTH = 4;
/** How much less sure a name is for holding a function word: it may have begun too early (`设于某某项目`). */
const FUNCTION_WORD_DOUBT = 0.3;

/**
 * A name's confidence from what it is made of: a proper name names a place or an organisation, or
 * carries a figure; a phrase that merely ends in 项目 (`阶段性成果和项目`) does not, and often holds a
 * function word. Neither rejects the name; both put it before the editor first.
 */
export function nameConfidence(name: string, confidence: number): number {
  const anchored = /[\dA-Za-z]/u.test(name) || vocab.nameAnchors.some((anchor) => name.includes(anchor));
  const loose = vocab.functionWords.some((word) => name.includes(word));
  const short = (name.replace(/项目$/u, '').match(HAN) ?? []).length <= SHORT_NAME_LENGTH;
  const doubt = (anchored ? 0 : UNANCHORED_DOUBT + (short ? SHORT_UNANCHORED_DOUBT : 0)) + (loose ? FUNCTION_WORD_DOUBT : 0);
  return Math.round(Math.max(0.1, confidence - doubt) * 100) / 100;
}

/**
 * Lists of projects in a clause: 、-separated members, at least one ending in a head noun, closed
 * by `等N个项目` or introduced by `包括`, `有`, `分别是`. Each member is a project with the list's stage.
 */
function listedProjects(clause: Clause, marks: readonly StageMark[], articleStage: ProjectStage | null): Found[] {
  const text = clause.text;
  if (!text.includes('、') && !/以及|和|及/u.test(text)) return [];
  const introducer = vocab.listIntroducers.reduce((found, word) => {
    const index = text.lastIndexOf(word);
    return index > found ? index + word.length : found;
  }, -1);
  const from = Math.max(0, introducer);
  const closerAt = text.slice(from).search(/等/u);
  const closes = (at: number) => LIST_CLOSER.test(text.slice(at)) || COUNT_CLOSER.test(text.slice(at)) || at === text.length - 1;
  const namesOf = (items: ListItem[]) =>
    items.map((item) => {
      const start = nameStart(text, item.start, item.start + item.text.length);
      return { name: text.slice(start, item.start + item.text.length), start };
    });
  // `甲基地、乙生产线、丙项目等填补了空白`: a 等 that names no kind still closes a list whose every member ends like a project.
  const closedByHeads = (at: number) => {
    const members = namesOf(listItems(text, from, at));
    return members.length >= 2 && members.every(({ name }) => endsWithHead(name));
  };
  const end = closerAt >= 0 && (closes(from + closerAt) || closedByHeads(from + closerAt)) ? from + closerAt : text.length;
  const items = listItems(text, from, end);
  if (items.length < 2) return [];
  const names = namesOf(items);
  // A closer that says 项目 (`等7个项目`) makes its members projects; otherwise a member must end like one.
  const saysProjects = end < text.length && LIST_CLOSER.test(text.slice(end));
  if (!saysProjects && !names.some(({ name }) => endsWithHead(name))) return [];
  if (introducer < 0 && end === text.length) return [];
  // The list's stage: a verb right after its closer, in its introducer, or the nearest in the sentence.
  const closer = end < text.length ? (LIST_CLOSER.exec(text.slice(end)) ?? COUNT_CLOSER.exec(text.slice(end))) : null;
  const afterCloser = closer ? stageRightAfter(text, end + closer[0].length) : null;
  // `等7个项目集中开工、竣工`: the list holds projects of two stages, none told which.
  const mixed = closer !== null && afterCloser !== null && /^[^，。]{0,6}、/u.test(text.slice(end + closer[0].length + 2));
  const introducerStage = introducer >= 0 ? nearestStage(stageMarks(text.slice(0, introducer)), introducer, introducer) : null;
  const inSentence = nearestStage(marks, clause.start + from, clause.start + end);
  const stage = afterCloser ?? introducerStage ?? inSentence ?? articleStage;
  if (stage === null) return [];
  const stageConfidence = mixed
    ? PROJECT_CONFIDENCE.stageOfArticle
    : (afterCloser ?? introducerStage)
      ? PROJECT_CONFIDENCE.stageOfList
      : inSentence
        ? PROJECT_CONFIDENCE.stageInSentence
        : PROJECT_CONFIDENCE.stageOfArticle;
  return names
    .filter(({ name }) => isProjectName(name))
    .map(({ name, start }) => ({
      name,
      stage,
      start: clause.start + start,
      end: clause.start + start + name.length,
      confidence: PROJECT_CONFIDENCE.listed,
      stageConfidence,
      ownStage: (afterCloser ?? introducerStage ?? inSentence) !== null,
    }));
}

/**
 * 观摩了投产项目某某生产线, 开工项目有甲、乙: lead-in, stage verb, 项目, then the names, up to the
 * clause end or the next stage verb, whose names are its own.
 */
function projectsAfterStageWord(clause: Clause): Found[] {
  const text = clause.text;
  const marks = stageMarks(text);
  return marks.flatMap(({ index, word, stage }, markIndex) => {
    const after = index + word.length;
    if (!text.startsWith(PROJECT, after)) return [];
    const introduced = vocab.leadIns.some((leadIn) => text.startsWith(leadIn, index - leadIn.length));
    const listed = wordAt(text, after + PROJECT.length, vocab.listIntroducers);
    if (!introduced && listed === null) return [];
    const listStart = after + PROJECT.length + (listed?.length ?? 0);
    // 开工项目的建设进度: what follows says something of the projects, it names none.
    if (text[listStart] === '的') return [];
    const closer = text.slice(listStart, marks[markIndex + 1]?.index ?? text.length).search(/等[\d一二三四五六七八九十]*个?/u);
    const listEnd = closer >= 0 ? listStart + closer : (marks[markIndex + 1]?.index ?? text.length);
    return listItems(text, listStart, listEnd).flatMap((item): Found[] => {
      const itemEnd = item.start + item.text.length;
      const start = appositiveEnd(text, nameStart(text, item.start, itemEnd), itemEnd);
      const name = text.slice(start, itemEnd);
      if (!isProjectName(name)) return [];
      const confidence = PROJECT_CONFIDENCE.listed;
      return [{ name, stage, start: clause.start + start, end: clause.start + itemEnd, confidence, stageConfidence: PROJECT_CONFIDENCE.stageOfList, ownStage: true }];
    });
  });
}

/**
 * Names ending in 项目 (and a phase, `（一期）`), and head-noun names that are the subject of a
 * stage verb or the site of a stage ceremony (`在某某现场举行…开工`, `来到某某参加…开工仪式`).
 */
function namedProjects(
  clause: Clause,
  marks: readonly StageMark[],
  articleStage: ProjectStage | null,
  context: { itemised: boolean; opensSentence: boolean },
): Found[] {
  const text = clause.text;
  const found: Found[] = [];
  let previousEnd = 0;
  for (let index = text.indexOf(PROJECT); index !== -1; index = text.indexOf(PROJECT, index + PROJECT.length)) {
    const phase = PHASE.exec(text.slice(index + PROJECT.length))?.[0] ?? '';
    const end = index + PROJECT.length + phase.length;
    const from = Math.max(previousEnd, text.lastIndexOf('、', index) + 1);
    previousEnd = end;
    const start = nameStart(text, from, index);
    const name = text.slice(start, end);
    // 某某产业园项目13个: a count of the projects in a place, not a project.
    if (/^[\d一二三四五六七八九十]+个/u.test(text.slice(end)) || wordAt(text, end, vocab.collectiveStages)) continue;
    if (!isProjectName(name)) continue;
    const own = stageRightAfter(text, end);
    const inSentence = nearestStage(marks, clause.start + start, clause.start + end);
    const stage = own ?? inSentence ?? (context.itemised ? articleStage : null);
    if (stage === null) continue;
    found.push({
      name,
      stage,
      start: clause.start + start,
      end: clause.start + end,
      confidence: PROJECT_CONFIDENCE.named,
      stageConfidence: own ? PROJECT_CONFIDENCE.stageRightAfter : inSentence ? PROJECT_CONFIDENCE.stageInSentence : PROJECT_CONFIDENCE.stageOfArticle,
      ownStage: (own ?? inSentence) !== null,
    });
  }
  // 某某南广场昨日正式开工建设, 某某标准化厂房举行开工奠基仪式: a head noun as the subject of a stage.
  if (context.opensSentence) {
    const subject = subjectBeforeStage(text);
    if (subject !== null && !found.some((project) => project.start === clause.start + subject.start)) {
      found.push({
        name: subject.name,
        stage: subject.stage,
        start: clause.start + subject.start,
        end: clause.start + subject.start + subject.name.length,
        confidence: PROJECT_CONFIDENCE.headNoun,
        stageConfidence: PROJECT_CONFIDENCE.stageRightAfter,
        ownStage: true,
      });
    }
  }
  for (const site of stageSites(text, marks.filter((mark) => mark.index >= clause.start))) {
    if (found.some((project) => project.start === clause.start + site.start)) continue;
    found.push({ ...site, start: clause.start + site.start, end: clause.start + site.start + site.name.length, confidence: PROJECT_CONFIDENCE.headNoun, stageConfidence: PROJECT_CONFIDENCE.stageInSentence, ownStage: true });
  }
  return found;
}

/** The clause opens with a name ending in a head noun, then (day words, adverbs, 举行) a stage verb. */
function subjectBeforeStage(text: string): { name: string; start: number; stage: ProjectStage } | null {
  for (let end = MIN_NAME_LENGTH; end <= Math.min(text.length, MAX_NAME_LENGTH); end += 1) {
    const name = text.slice(0, end);
    if (!endsWithHead(name) || name.endsWith(PROJECT)) continue;
    const held = text.startsWith('举行', end) ? 2 : 0;
    const stage = stageRightAfter(text, end + held);
    const start = nameStart(text, 0, end);
    const subject = text.slice(start, end);
    if (stage !== null && isProjectName(subject)) return { name: subject, start, stage };
  }
  return null;
}

/**
 * `在某某项目现场举行`, `来到某某参加集中开工仪式`: the site of a stage ceremony is a project, at the
 * stage of the ceremony held there (the first stage verb after it in the sentence).
 */
function stageSites(text: string, marksAfter: readonly StageMark[]): Array<{ name: string; start: number; stage: ProjectStage }> {
  const stage = marksAfter[0]?.stage ?? null;
  if (stage === null) return [];
  const sites: Array<{ name: string; start: number; stage: ProjectStage }> = [];
  for (const match of text.matchAll(/(?:在|来到|走进)([^，。、在]{3,30}?)(?:现场|参加)/gu)) {
    const name = match[1]!;
    const start = match.index + match[0].indexOf(name);
    if (endsWithHead(name) && isProjectName(name)) sites.push({ name, start, stage });
  }
  return sites;
}

/** An article's event: the first stage its lead reports. */
export function articleStage(paragraphs: readonly string[]): ProjectStage | null {
  return stageMarks(paragraphs[0] ?? '')[0]?.stage ?? null;
}

/** No time phrase before a clause is longer (`2023年12月31日下午，`): a longer stretch is read no further. */
const MAX_TIME_PHRASE = 16;

/** `近日，`, `1月5日上午，`: a clause after nothing but when it happened opens its sentence. */
function onlyTimeBefore(sentence: string, clauseStart: number): boolean {
  if (clauseStart > MAX_TIME_PHRASE) return false;
  let rest = sentence.slice(0, clauseStart).replace(/[，,\s]/gu, '').replace(/^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?/u, '');
  for (let word = wordAt(rest, 0, vocab.dayWords); word !== null; word = wordAt(rest, 0, vocab.dayWords)) rest = rest.slice(word.length);
  return rest === '';
}

/**
 * Every project of one paragraph, with where its name stands, in reading order. A sentence that
 * reports no stage of its own goes on with the paragraph's event: the last stage an earlier
 * sentence of the paragraph reported (`18个项目集中签约。其中，甲、乙等一批项目……`), else the article's.
 */
export function projectsInParagraph(paragraph: string, articleStage: ProjectStage | null): LocatedProject[] {
  const found: Found[] = [];
  let paragraphStage: ProjectStage | null = null;
  for (const sentence of paragraph.matchAll(SENTENCE)) {
    const sentenceText = sentence[0];
    const offset = sentence.index;
    const marks = stageMarks(sentenceText).map((mark) => ({
      ...mark,
      index: mark.index + offset,
    }));
    const contextStage = paragraphStage ?? articleStage;
    paragraphStage = marks.at(-1)?.stage ?? paragraphStage;
    // `投资1亿元的某某项目，……`, `其中某某项目投资6亿元`: an item of the event's projects.
    const itemised = ITEM_OPENING.test(sentenceText);
    for (const clause of splitClauses(sentenceText)) {
      const located = { text: clause.text, start: clause.start + offset };
      const afterStage = projectsAfterStageWord(located);
      const listed = [...afterStage, ...(afterStage.length > 0 ? [] : listedProjects(located, marks, contextStage))];
      const named = namedProjects(located, marks, contextStage, {
        itemised,
        opensSentence: onlyTimeBefore(sentenceText, clause.start),
      }).filter((project) => !listed.some((member) => member.start <= project.start && project.end <= member.end + 4));
      found.push(...listed, ...named);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.map(({ ownStage: _ownStage, ...project }) => ({
    ...project,
    confidence: nameConfidence(project.name, project.confidence),
  }));
}

/**
 * `某某种猪场项目` and `某某石门100万头生猪产业链某某种猪场项目`: the shorter form's characters in
 * order in the longer, ending alike.
 */
function isShortFormOf(short: string, long: string): boolean {
  if (short.length >= long.length || short.slice(-2) !== long.slice(-2)) return false;
  let position = 0;
  for (const character of short) {
    position = long.indexOf(character, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/**
 * One entry per project, in order of first mention, with the stage its surest mention reports; a
 * short form of a name printed in full elsewhere in the article is the same project, named in full.
 */
export function mergeProjects(mentions: readonly ProjectMention[]): ProjectMention[] {
  const names = mentions.map((mention) => mention.name);
  const fullName = (name: string) => names.find((other) => isShortFormOf(name, other) || other === `${name}${PROJECT}`) ?? name;
  const byName = new Map<string, ProjectMention>();
  for (const mention of mentions) {
    const name = fullName(mention.name);
    const known = byName.get(name);
    // The stage said most surely wins: a list's own verb over a verb elsewhere in the sentence.
    if (!known || mention.stageConfidence > known.stageConfidence) {
      const { stage, confidence, stageConfidence } = mention;
      byName.set(name, {
        name,
        stage,
        stageConfidence,
        confidence: Math.max(confidence, known?.confidence ?? 0),
      });
    }
  }
  return [...byName.values()];
}

export function extractProjects(paragraphs: string[]): ProjectMention[] {
  const event = articleStage(paragraphs);
  return mergeProjects(paragraphs.flatMap((paragraph) => projectsInParagraph(paragraph, event)));
}
