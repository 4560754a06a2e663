import type { Credit, CreditRole } from '../extraction-schema';
import { bylineVocab } from '../vocab/article-vocab';
import { entityVocab } from '../vocab/entity-vocab';
import { longestFirst } from '../vocab/words';

/**
 * A credit as printed wherever it stands: in a byline's brackets (`某某晚报全媒体记者 甲 乙 通讯员 丙`),
 * on a line of its own (`□晚报记者 甲`, `本报记者 甲` / `实习生 乙`), closing an article (`记者 甲
 * 文/图`, `（甲 乙）`) or in a dispatch (`本报记者甲某地十日电`). One grammar reads them all:
 *
 *   credit   := outlet? group+ dispatch?
 *   group    := work* role? name+ work*        (a role word governs the names after it)
 *   name     := 2–4 Han characters, or foreign parts joined by ·; OCR may pad a name with a space
 *               (`陈 某`, `周 咏南`), glue it to a role word (`记者肖劲`, `谭某某通讯员`) or to the
 *               next name (`张三李四`), or separate names with spaces, 、, / or ，
 *   dispatch := place? date (电|讯)           (`北京3月5日电`, `澳门十日电`)
 *
 * Role words and work words (`文/图`, `摄`, `报道`) are data (vocab/bylines.json). Text printed
 * before the first role word is the outlet when it is glued to it (`郑报全媒体记者`) or ends in an
 * outlet word (`湖南日报 记者`).
 */
export interface ParsedCredit {
  outlet: string | null;
  credits: Credit[];
  /** Credit text the rules could not read (an unknown role word, a group name), in printed order. */
  unreadable: string[];
  /** A role or work word was printed; bare names need known surnames to count as a credit. */
  labelled: boolean;
  /** Everyone credited took pictures (`记者 甲 摄`): a caption's credit, not the article's. */
  photo: boolean;
  /** Place, date and 电/讯 printed after the names of a dispatch credit, as read. */
  dispatch: string | null;
}

const SEPARATORS = /[\s、，,；;｜|]+/u;
// Chinese names are 2–4 characters; transliterated foreign names join their parts with ·.
const HAN_NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}+(?:·\p{Script=Han}+)+)$/u;
const HAN_RUN = /^\p{Script=Han}+$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const FOREIGN = /·/u;
const FILED_FROM = /\/\s*(\p{Script=Han}{1,8})\s*(报导|报道)$/u;
const DISPATCH = /(\p{Script=Han}{0,6}?)((?:\d{1,2}月)?\d{1,2}日|[一二三四五六七八九十廿卅]{1,3}日)(?:专)?[电讯]$/u;
const MAX_NAME = 3;
const MAX_COMPOUND_NAME = 4;

/**
 * How sure a credited name is, by how it was read: a role word's name as printed, a name OCR had
 * padded or glued, names told apart only by their surnames, bare names that only their surnames
 * make a credit, a role word the vocabulary does not know.
 */
export const CREDIT_CONFIDENCE = {
  governed: 0.95,
  padded: 0.85,
  splitBySurname: 0.7,
  placeSeparated: 0.65,
  bare: 0.8,
  unknownRole: 0.6,
} as const;

const roleWords = longestFirst(Object.keys(bylineVocab.creditRoles));
const workWords = longestFirst(Object.keys(bylineVocab.creditWorks));
/** Work words that may be printed glued to the name before them: `马健摄`, `石某报道`. */
const gluedWorkWords = workWords.filter((word) => word === '摄' || word.length >= 2);
const outletWords = longestFirst(bylineVocab.outletWords);
const markers = new Set(bylineVocab.creditMarkers);
const { surnames } = entityVocab;

type Piece = {
  kind: 'role' | 'work' | 'text';
  text: string;
  gluedToNext: boolean;
  padded?: boolean;
};

export function stripCreditMarker(text: string): {
  marked: boolean;
  text: string;
} {
  const trimmed = text.trim();
  return markers.has(trimmed[0] ?? '') ? { marked: true, text: trimmed.slice(1) } : { marked: false, text: trimmed };
}

export function startsWithKnownSurname(name: string): boolean {
  return surnames.compound.has(name.slice(0, 2)) || surnames.single.has(name[0] ?? '');
}

function startsWithAnySurname(name: string): boolean {
  return startsWithKnownSurname(name) || surnames.rare.has(name[0] ?? '');
}

function maxNameLength(name: string): number {
  return surnames.compound.has(name.slice(0, 2)) ? MAX_COMPOUND_NAME : MAX_NAME;
}

/** Splits a word at role words, which OCR and typesetting glue to the outlet before or a name after. */
function splitAtRoleWords(word: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  for (let index = 0; index < word.length; ) {
    const role = roleWords.find((candidate) => word.startsWith(candidate, index));
    // `某某日报吉林记者站`: an outlet word that holds a role word is the outlet's, not a role.
    const outletWord = role === undefined ? undefined : outletWords.find((candidate) => candidate.length > role.length && word.startsWith(candidate, index));
    if (outletWord !== undefined) {
      text += outletWord;
      index += outletWord.length;
      continue;
    }
    if (role === undefined) {
      text += word[index];
      index += 1;
      continue;
    }
    if (text !== '') pieces.push(...splitGluedWork(text, true));
    pieces.push({ kind: 'role', text: role, gluedToNext: false });
    text = '';
    index += role.length;
  }
  if (text !== '') pieces.push(...splitGluedWork(text, false));
  return pieces;
}

/** `马健摄` → name + work word; only where a name of two characters or more stays before it. */
function splitGluedWork(text: string, gluedToNext: boolean): Piece[] {
  const work = gluedWorkWords.find((candidate) => text.endsWith(candidate) && text.length - candidate.length >= 2);
  if (work === undefined || !HAN_RUN.test(text)) return [{ kind: 'text', text, gluedToNext }];
  return [
    { kind: 'text', text: text.slice(0, -work.length), gluedToNext: false },
    { kind: 'work', text: work, gluedToNext },
  ];
}

function tokenize(text: string): Piece[] {
  return text
    .split(SEPARATORS)
    .filter((word) => word !== '')
    .flatMap((word): Piece[] => {
      if (workWords.includes(word)) return [{ kind: 'work', text: word, gluedToNext: false }];
      // `记者/甲`: a slash separates a role word from its names, except inside 文/图.
      return word
        .split('/')
        .filter((part) => part !== '')
        .flatMap((part) => (workWords.includes(part) ? [{ kind: 'work' as const, text: part, gluedToNext: false }] : splitAtRoleWords(part)));
    });
}

/**
 * OCR pads a two-character name to the width of three (`陈 某`), spaces a three-character one
 * (`周 咏南`) or every character (`蔡 宛 庭`): a single character is never a name, so a run of them
 * is read as names, two or three characters each, and a single character joins the text after it.
 */
function joinPaddedNames(pieces: Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (let index = 0; index < pieces.length; ) {
    const piece = pieces[index]!;
    let run = 0;
    while (pieces[index + run]?.kind === 'text' && SINGLE_HAN.test(pieces[index + run]!.text)) run += 1;
    if (run >= 2) {
      const characters = pieces.slice(index, index + run).map((single) => single.text).join('');
      for (const name of paddedRunNames(characters))
        joined.push({
          kind: 'text',
          text: name,
          gluedToNext: false,
          padded: true,
        });
      joined.at(-1)!.gluedToNext = pieces[index + run - 1]!.gluedToNext;
      index += run;
      continue;
    }
    const next = pieces[index + 1];
    if (run === 1 && next?.kind === 'text' && HAN_RUN.test(next.text) && next.text.length <= 2) {
      joined.push({
        kind: 'text',
        text: piece.text + next.text,
        gluedToNext: next.gluedToNext,
        padded: true,
      });
      index += 2;
      continue;
    }
    joined.push(piece);
    index += 1;
  }
  return joined;
}

/** A run of single characters as names: one of two or three, else split where surnames start. */
function paddedRunNames(characters: string): string[] {
  if (characters.length <= MAX_NAME) return [characters];
  return splitJoinedNames(characters) ?? [characters];
}

/**
 * Names printed without a separator (`张三李四`, `王甲李乙丙`): a run longer than a name is split where
 * every part starts with a surname, three-character parts first. Null where no split reads so.
 */
function splitJoinedNames(run: string): string[] | null {
  if (!HAN_RUN.test(run)) return null;
  const split = (rest: string): string[] | null => {
    if (rest === '') return [];
    if (!startsWithKnownSurname(rest)) return null;
    for (const length of [3, 2, 4]) {
      if (length > rest.length || length > maxNameLength(rest) || rest.length - length === 1) continue;
      const tail = split(rest.slice(length));
      if (tail !== null) return [rest.slice(0, length), ...tail];
    }
    return null;
  };
  const names = split(run);
  return names !== null && names.length > 1 ? names : null;
}

/** The names a text piece holds: itself, or several printed together. Null when it is no name. */
function namesIn(text: string): string[] | null {
  if (HAN_NAME.test(text)) {
    // Four characters without a compound surname are two names joined more often than one.
    if (text.length === 4 && !surnames.compound.has(text.slice(0, 2))) return splitJoinedNames(text) ?? [text];
    return [text];
  }
  return splitJoinedNames(text);
}

function endsWithOutletWord(text: string): boolean {
  return outletWords.some((word) => text.endsWith(word));
}

/** `某某日报吉林记者站`: a paper or its bureau printed before a credit's brackets. */
export function isOutletName(text: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9·]{2,24}$/u.test(text) && endsWithOutletWord(text);
}

interface Group {
  roleWord: string | null;
  /** The role word was not in the vocabulary: a word in role position that is no name. */
  unknownRole: boolean;
  worksBefore: string[];
  names: Array<{ name: string; confidence: number }>;
  worksAfter: string[];
}

function roleOf(group: Group): CreditRole {
  const works = [...group.worksBefore, ...group.worksAfter];
  // A picture's credit names its photographer, whatever the person's rank (`记者 甲 摄`).
  if (works.some((work) => bylineVocab.creditWorks[work] === 'photographer') && !works.some((work) => bylineVocab.creditWorks[work] !== 'photographer'))
    return 'photographer';
  if (group.roleWord !== null) return group.unknownRole ? 'other' : bylineVocab.creditRoles[group.roleWord]!;
  if (works.length > 0) return bylineVocab.creditWorks[works[0]!]!;
  return bylineVocab.unlabelledCredit.role;
}

function creditsOf(group: Group): Credit[] {
  const printedRole = [...group.worksBefore, ...(group.roleWord ? [group.roleWord] : []), ...group.worksAfter].join(' ');
  const role = roleOf(group);
  const printed = printedRole || bylineVocab.unlabelledCredit.printedRole;
  const groupConfidence = group.unknownRole
    ? CREDIT_CONFIDENCE.unknownRole
    : group.roleWord === null && !printedRole
      ? CREDIT_CONFIDENCE.bare
      : CREDIT_CONFIDENCE.governed;
  return group.names.map(({ name, confidence }) => ({
    name,
    role,
    printedRole: printed,
    confidence: Math.min(groupConfidence, confidence),
  }));
}

/** A person credited twice in one role (a byline and a caption) is credited once. */
export function uniqueCredits(credits: readonly Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.name}|${credit.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The dispatch printed after the names, and where the name glued to its place ends. */
function readDispatch(text: string): { text: string; dispatch: string | null } {
  const trimmed = text.trim();
  // `记者某某/某地报导`: a place after a slash, and 报导, say where the report was filed.
  const filed = FILED_FROM.exec(trimmed);
  if (filed !== null)
    return {
      text: trimmed.slice(0, filed.index),
      dispatch: filed[1]! + filed[2]!,
    };
  const match = DISPATCH.exec(trimmed);
  if (match === null) return { text: trimmed, dispatch: null };
  return {
    text: trimmed.slice(0, match.index + match[1]!.length),
    dispatch: match[0].slice(match[1]!.length),
  };
}

/** `陈明远澳门` before a dispatch date: the name is the first two or three characters, the rest its place. */
function separatePlace(run: string): { name: string; place: string } | null {
  if (!HAN_RUN.test(run) || run.length < 4) return null;
  const length = run.length >= 5 ? 3 : 2;
  return { name: run.slice(0, length), place: run.slice(length) };
}

export interface CreditReading {
  /** The credit stands in running text, not in brackets: its names must start with a surname. */
  strictNames?: boolean;
}

/** Reads credit text (without brackets or marker); never throws, reports what it cannot read. */
export function parseCredit(printed: string, options: CreditReading = {}): ParsedCredit {
  const { text, dispatch: dispatchDate } = readDispatch(printed);
  const pieces = joinPaddedNames(tokenize(text));
  let dispatch = dispatchDate;
  let placeSeparated: Piece | null = null;
  if (dispatch !== null) {
    // The place of a dispatch is glued to the last name: 记者陈明远澳门 + 十日电.
    const last = pieces.at(-1);
    const separated = last?.kind === 'text' && !HAN_NAME.test(last.text) ? separatePlace(last.text) : null;
    if (last !== undefined && separated !== null) {
      last.text = separated.name;
      dispatch = separated.place + dispatch;
      placeSeparated = last;
    }
  }

  const unreadable: string[] = [];
  const groups: Group[] = [];
  const newGroup = (roleWord: string | null, unknownRole = false): Group => {
    const group: Group = {
      roleWord,
      unknownRole,
      worksBefore: [],
      names: [],
      worksAfter: [],
    };
    groups.push(group);
    return group;
  };
  let outlet: string | null = null;
  let current: Group | null = null;
  let pendingWorks: string[] = [];
  const firstRole = pieces.findIndex((piece) => piece.kind === 'role');

  pieces.forEach((piece, index) => {
    if (piece.kind === 'role') {
      current = newGroup(piece.text);
      current.worksBefore = pendingWorks;
      pendingWorks = [];
      return;
    }
    if (piece.kind === 'work') {
      if (current !== null && current.names.length > 0) current.worksAfter.push(piece.text);
      else pendingWorks.push(piece.text);
      return;
    }
    const beforeRoles = index < firstRole;
    if (beforeRoles && (piece.gluedToNext || endsWithOutletWord(piece.text) || !HAN_RUN.test(piece.text))) {
      outlet = (outlet ?? '') + piece.text;
      return;
    }
    // `（甲日报记者 张三 乙日报记者 李四）`: a second paper before the role word of its own reporters.
    if (!beforeRoles && pieces[index + 1]?.kind === 'role' && endsWithOutletWord(piece.text)) return;
    // Outside brackets a name must start with a surname, common or rare, or be a foreign name:
    // `本报讯 记者今天从…` is prose.
    const shaped = namesIn(piece.text);
    const plausible = (name: string) => !options.strictNames || startsWithAnySurname(name) || FOREIGN.test(name);
    const names = shaped !== null && shaped.every(plausible) ? shaped : null;
    const nextIsText = pieces[index + 1]?.kind === 'text';
    if (names === null) {
      // 区委报道组 甲: a word that is no name but has names after it is a role word we do not know.
      unreadable.push(piece.text);
      if (nextIsText) current = newGroup(piece.text, true);
      return;
    }
    // 记者 甲 摄像 乙: a name-shaped word without a known surname, between names, is a role word too.
    if (current !== null && current.names.length > 0 && nextIsText && names.length === 1 && !startsWithKnownSurname(names[0]!)) {
      unreadable.push(piece.text);
      current = newGroup(piece.text, true);
      return;
    }
    current ??= newGroup(null);
    if (current.worksAfter.length > 0) current = newGroup(current.roleWord, current.unknownRole);
    if (pendingWorks.length > 0) {
      current.worksBefore = pendingWorks;
      pendingWorks = [];
    }
    const confidence =
      piece === placeSeparated
        ? CREDIT_CONFIDENCE.placeSeparated
        : names.length > 1
          ? CREDIT_CONFIDENCE.splitBySurname
          : piece.padded
            ? CREDIT_CONFIDENCE.padded
            : 1;
    current.names.push(...names.map((name) => ({ name, confidence })));
  });

  const labelled = firstRole !== -1 || pieces.some((piece) => piece.kind === 'work');
  if (!labelled) {
    // Bare names are a credit only when they read as names: `（一期）` is not one, and of a few
    // names most must start with a known surname, which lets one rare surname through.
    const names = groups.flatMap((group) => group.names.map(({ name }) => name));
    const known = names.filter(startsWithKnownSurname).length;
    if (names.length > 0 && known * 2 < names.length + (names.length === 1 ? 1 : 0)) {
      unreadable.push(...names);
      for (const group of groups) group.names = [];
    }
  }
  for (const group of groups)
    if (group.names.length === 0 && group.roleWord !== null && !group.unknownRole) unreadable.push(group.roleWord);
  const credits = uniqueCredits(groups.flatMap(creditsOf));
  const photo = credits.length > 0 && credits.every((credit) => credit.role === 'photographer');
  return { outlet, credits, unreadable, labelled, photo, dispatch };
}

/** Whether credit text reads completely as people: what a credit on its own line or after a sentence must be. */
export function isCompleteCredit(credit: ParsedCredit): boolean {
  return credit.credits.length > 0 && credit.unreadable.length === 0;
}

/**
 * A credit whose last role word still waits for its names, which the next line prints
 * (`本报记者 甲 通讯员` / `乙`): the names of the line after complete it.
 */
export function awaitsNames(credit: ParsedCredit): boolean {
  return credit.unreadable.length > 0 && credit.unreadable.every((word) => roleWords.includes(word));
}

/**
 * A credit whose line broke inside its last name (`记者 甲 通讯员 孔` / `凤茹`): all it cannot read is
 * that name's first character, at the very end, and role words still waiting for it.
 */
export function brokenAtLastName(credit: ParsedCredit, text: string): boolean {
  const unread = credit.unreadable.filter((word) => !roleWords.includes(word));
  return unread.length === 1 && SINGLE_HAN.test(unread[0]!) && text.trimEnd().endsWith(unread[0]!);
}
