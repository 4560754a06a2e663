import type { Credit, CreditRole } from '../contract';
import { bylineVocab } from '../vocab/article-vocab';
import { entityVocab } from '../vocab/entity-vocab';
import { longestFirst } from '../vocab/words';

/**
 * A credit as printed wherever it stands: in a byline's brackets (`正观新闻·郑州晚报记者 甲 乙`),
 * on a line of its own (`□晚报记者 甲 通讯员 乙`) or closing an article (`记者 甲 文/图`,
 * `（甲 乙）`). Role words introduce the names after them; text glued before the first role word
 * is the outlet; work words (`文/图`, `摄`) qualify the names before them or, printed first, the
 * names after them.
 */
export interface ParsedCredit {
  outlet: string | null;
  credits: Credit[];
  /** Credit text the rules could not read (an unknown role word, a group name), in printed order. */
  unreadable: string[];
  /** A role or work word was printed; bare names need known surnames to count as a credit. */
  labelled: boolean;
  /** A photo credit (`摄`, `摄影`): it captions a picture and need not end the article. */
  photo: boolean;
}

const SEPARATORS = /[\s、，,]+/u;
// Chinese names are 2–4 characters; transliterated foreign names join their parts with ·.
const HAN_NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}+(?:·\p{Script=Han}+)+)$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const roleWords = longestFirst(Object.keys(bylineVocab.creditRoles));
const workWords = new Set(Object.keys(bylineVocab.creditWorks));
const markers = new Set(bylineVocab.creditMarkers);
const { surnames } = entityVocab;

type Token = { kind: 'role' | 'work' | 'text'; text: string; gluedToNext: boolean };

export function stripCreditMarker(text: string): { marked: boolean; text: string } {
  const trimmed = text.trim();
  return markers.has(trimmed[0] ?? '') ? { marked: true, text: trimmed.slice(1) } : { marked: false, text: trimmed };
}

/** Splits a whitespace-separated word further at role words, which are often glued to the outlet. */
function splitAtRoleWords(word: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  for (let index = 0; index < word.length; ) {
    const role = roleWords.find((candidate) => word.startsWith(candidate, index));
    if (role === undefined) {
      text += word[index];
      index += 1;
      continue;
    }
    if (text !== '') tokens.push({ kind: 'text', text, gluedToNext: true });
    tokens.push({ kind: 'role', text: role, gluedToNext: false });
    text = '';
    index += role.length;
  }
  if (text !== '') tokens.push({ kind: 'text', text, gluedToNext: false });
  return tokens;
}

/** A name padded to the width of three characters (`陈 某`) prints as two single characters. */
function joinPaddedNames(words: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const next = words[index + 1];
    if (SINGLE_HAN.test(words[index]) && next !== undefined && SINGLE_HAN.test(next)) {
      joined.push(words[index] + next);
      index += 1;
    } else {
      joined.push(words[index]);
    }
  }
  return joined;
}

function tokenize(text: string): Token[] {
  const words = joinPaddedNames(text.split(SEPARATORS).filter((word) => word !== ''));
  return words.flatMap((word): Token[] =>
    workWords.has(word) ? [{ kind: 'work', text: word, gluedToNext: false }] : splitAtRoleWords(word),
  );
}

export function startsWithKnownSurname(name: string): boolean {
  return surnames.compound.has(name.slice(0, 2)) || surnames.single.has(name[0] ?? '');
}

interface Group {
  roleWord: string | null;
  /** The role word was not in the vocabulary: a word in role position that is no name. */
  unknownRole: boolean;
  worksBefore: string[];
  names: string[];
  worksAfter: string[];
}

function creditsOf(group: Group): Credit[] {
  const works = [...group.worksBefore, ...group.worksAfter];
  const printedRole = [...group.worksBefore, ...(group.roleWord ? [group.roleWord] : []), ...group.worksAfter].join(' ');
  let role: CreditRole;
  if (group.roleWord !== null) role = group.unknownRole ? 'other' : bylineVocab.creditRoles[group.roleWord];
  else if (works.length > 0) role = bylineVocab.creditWorks[works[0]];
  else role = bylineVocab.unlabelledCredit.role;
  const printed = printedRole || bylineVocab.unlabelledCredit.printedRole;
  return group.names.map((name) => ({ name, role, printedRole: printed }));
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

/** Reads credit text (without brackets or marker); never throws, reports what it cannot read. */
export function parseCredit(text: string): ParsedCredit {
  const tokens = tokenize(text);
  const unreadable: string[] = [];
  const groups: Group[] = [];
  const newGroup = (roleWord: string | null, unknownRole = false): Group => {
    const group: Group = { roleWord, unknownRole, worksBefore: [], names: [], worksAfter: [] };
    groups.push(group);
    return group;
  };
  let outlet: string | null = null;
  let current: Group | null = null;
  let pendingWorks: string[] = [];
  const firstRole = tokens.findIndex((token) => token.kind === 'role');

  tokens.forEach((token, index) => {
    if (token.kind === 'role') {
      current = newGroup(token.text);
      current.worksBefore = pendingWorks;
      pendingWorks = [];
    } else if (token.kind === 'work') {
      if (current !== null && current.names.length > 0) current.worksAfter.push(token.text);
      else pendingWorks.push(token.text);
    } else if (index < firstRole && (token.gluedToNext || !HAN_NAME.test(token.text))) {
      outlet = (outlet ?? '') + token.text;
    } else if (!HAN_NAME.test(token.text)) {
      unreadable.push(token.text);
    } else {
      const followedByName = tokens[index + 1]?.kind === 'text';
      // 记者 甲 摄像 乙: a word that is not a name but has names after it is a role word we do not know.
      if (current !== null && current.names.length > 0 && followedByName && !startsWithKnownSurname(token.text)) {
        unreadable.push(token.text);
        current = newGroup(token.text, true);
        return;
      }
      current ??= newGroup(null);
      if (current.worksAfter.length > 0) current = newGroup(current.roleWord, current.unknownRole);
      if (pendingWorks.length > 0) {
        current.worksBefore = pendingWorks;
        pendingWorks = [];
      }
      current.names.push(token.text);
    }
  });

  const labelled = firstRole !== -1 || tokens.some((token) => token.kind === 'work');
  if (!labelled) {
    // Bare names are only a credit when they look like names: `（一期）` is not one.
    for (const group of groups) {
      const strangers = group.names.filter((name) => !startsWithKnownSurname(name));
      if (strangers.length > 0) {
        unreadable.push(...strangers);
        group.names = group.names.filter((name) => startsWithKnownSurname(name));
      }
    }
  }
  for (const group of groups)
    if (group.names.length === 0 && group.roleWord !== null && !group.unknownRole) unreadable.push(group.roleWord);
  const credits = uniqueCredits(groups.flatMap(creditsOf));
  const photo = groups.some(
    (group) =>
      group.names.length > 0 &&
      (creditsOf(group)[0]!.role === 'photographer' ||
        [...group.worksBefore, ...group.worksAfter].some((work) => bylineVocab.creditWorks[work] === 'photographer')),
  );
  return { outlet, credits, unreadable, labelled, photo };
}

/** Whether credit text reads completely as people: what a credit on its own line or after a sentence must be. */
export function isCompleteCredit(credit: ParsedCredit): boolean {
  return credit.credits.length > 0 && credit.unreadable.length === 0;
}
