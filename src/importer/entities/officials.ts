import type { OfficialMention } from '../extraction-schema';
import { entityVocab } from '../vocab/entity-vocab';
import { splitClauses } from './clauses';
import { isNameShaped, readNameAt, readTitledName, startsWithSurname } from './names';
import { isOnlyTitles, leadingTitles, titleChainEndingAt, titleCoreEndsAt } from './titles';
import { wordAt } from './text';

/**
 * Officials by evidence: a person is a name (a surname and one or two characters, found by the
 * surname table, or after a title by the title itself) with evidence that the person holds office.
 * The evidence, strongest first: a chain of titles printed right before the name; a place in a list
 * of names opened by a group label (`市领导`) or a title, or closed by `等` and an attendance verb
 * or `及相关部门`; an official's verb after the name at the start of a clause (`某某指出`, `某某主持`).
 * Ambiguous strings (a name that is also a word) are decided by that evidence alone.
 */

const vocab = entityVocab.officials;

interface Mention {
  name: string;
  titles: string[];
  /** Offset in the paragraph, so officials come out in reading order. */
  position: number;
  /** How sure the evidence makes the person an official (OFFICIAL_CONFIDENCE). */
  confidence: number;
  /** How sure each title is this person's: printed before the name, or shared from a list. */
  titleConfidence: number;
}

/**
 * What each kind of evidence is worth: a title printed before the name (less where the surname is
 * not in the table), a place in a list of leaders (less where only one end of the list anchors it),
 * only an official's verb after the name. A title printed once before a list is each member's, a
 * little less surely than one printed before the name itself.
 */
export const OFFICIAL_CONFIDENCE = {
  titled: 0.92,
  titledRareSurname: 0.75,
  listedTwice: 0.85,
  listed: 0.75,
  verb: 0.6,
  ownTitle: 0.9,
  sharedTitle: 0.75,
} as const;

/** 省委常委、市委书记某某 / 市长某某主持: a name with a chain of titles right before it. */
export function titledMentions(paragraph: string): Mention[] {
  const mentions: Mention[] = [];
  let floor = 0;
  for (let index = 1; index < paragraph.length; index += 1) {
    if (!titleCoreEndsAt(paragraph, index)) continue;
    const name = readTitledName(paragraph, index);
    const chain = name ? titleChainEndingAt(paragraph, index, floor) : null;
    if (chain === null || name === null) continue;
    mentions.push({
      name: name.name,
      titles: chain.titles,
      position: name.start,
      confidence: name.knownSurname ? OFFICIAL_CONFIDENCE.titled : OFFICIAL_CONFIDENCE.titledRareSurname,
      titleConfidence: OFFICIAL_CONFIDENCE.ownTitle,
    });
    floor = name.end;
    index = name.end - 1;
  }
  return mentions;
}

interface ListItem {
  titles: string[];
  body: string;
  /** The titles were printed before another member of the list, not before this one. */
  shared?: boolean;
}

/** A list split at 、 also splits 市委常委、秘书长某某; a segment that is only titles belongs to the next one. */
function joinTitleOnlySegments(segments: string[]): string[] {
  const joined: string[] = [];
  let pendingTitles = '';
  segments.forEach((segment, index) => {
    if (index < segments.length - 1 && isOnlyTitles(segment)) {
      pendingTitles += `${segment}、`;
    } else {
      joined.push(pendingTitles + segment);
      pendingTitles = '';
    }
  });
  return joined;
}

/**
 * `甲、乙和市长丙`: a conjunction followed by a title starts another member of the list, unless the
 * segment opens with a title holding the conjunction (`区住房和城乡建设局局长某某`).
 */
function splitAtTitledConjunctions(segment: string): string[] {
  if (leadingTitles(segment).titles.length > 0) return [segment];
  for (let index = 1; index < segment.length - 1; index += 1) {
    if (!entityVocab.titles.conjunctions.has(segment[index]!)) continue;
    const rest = segment.slice(index + 1);
    if (leadingTitles(rest).titles.length > 0) return [segment.slice(0, index), ...splitAtTitledConjunctions(rest)];
  }
  return [segment];
}

/** Text after the last group label (市领导, 出席的还有) in the segment; a label is not a title. */
function afterGroupLabel(segment: string): string | null {
  let end = -1;
  for (const label of vocab.groupLabels) {
    const index = segment.lastIndexOf(label);
    if (index !== -1) end = Math.max(end, index + label.length);
  }
  return end === -1 ? null : segment.slice(end);
}

/** What follows the last member's name closes the list: `等参加`, `出席会议`, `及相关部门…`. */
function closesList(rest: string): boolean {
  const afterDeng = rest.startsWith('等') ? 1 : 0;
  return wordAt(rest, afterDeng, vocab.attendanceVerbs) !== null || wordAt(rest, 0, vocab.listClosers) !== null;
}

/** The name the last member opens with, and whether what follows it closes the list. */
function lastMemberName(body: string, anchored: boolean): { name: string; closed: boolean } | null {
  for (let length = 2; length <= 4 && length <= body.length; length++) {
    const name = body.slice(0, length);
    if (!isNameShaped(name)) continue;
    if (length === body.length) return { name, closed: false };
    if (closesList(body.slice(length))) return { name, closed: true };
  }
  const read = anchored ? readNameAt(body, 0) : null;
  return read ? { name: read.name, closed: false } : null;
}

/**
 * 市领导甲、乙、丙等参加 or 副市长甲、乙等陪同 or 甲、乙、丙及相关部门负责人参加: a 、-separated run of
 * names anchored by a group label or a title before it, or closed after it by 等 and an attendance
 * verb or 及相关部门. Members are read from the left while they are names; the first that is not
 * one ends the list. Most members must start with a known surname, which lets a rare surname
 * through when the list around it is clearly names; a list anchored at both ends needs none.
 */
export function readNameList(clause: string): Array<ListItem & { confidence: number }> | null {
  const segments = joinTitleOnlySegments(clause.split('、')).flatMap(splitAtTitledConjunctions);
  const labelled = afterGroupLabel(segments[0]!);
  if (labelled !== null) segments[0] = labelled;
  const items = segments.map(leadingTitles);
  const titled = items[0]!.titles.length > 0;
  const members: ListItem[] = [];
  let closed = false;
  for (const [index, item] of items.entries()) {
    if (index < items.length - 1 && isNameShaped(item.body)) {
      members.push(item);
      continue;
    }
    const last = lastMemberName(item.body, labelled !== null || titled || item.titles.length > 0);
    if (last !== null) {
      members.push({ ...item, body: last.name });
      closed = last.closed;
    }
    break;
  }
  const anchors = Number(labelled !== null || titled) + Number(closed);
  if (anchors === 0 || members.length === 0) return null;
  if (members.length < 2 && labelled === null && !titled) return null;
  const withSurname = members.filter((member) => startsWithSurname(member.body)).length;
  if (anchors < 2 && withSurname * 2 <= members.length) return null;
  const confidence = anchors >= 2 ? OFFICIAL_CONFIDENCE.listedTwice : OFFICIAL_CONFIDENCE.listed;
  return shareTitles(members).map((member) => ({ ...member, confidence }));
}

/** 副市长甲、乙: a title before a list of names is each one's until the next title. */
function shareTitles(items: ListItem[]): ListItem[] {
  let shared: string[] = [];
  return items.map((item) => {
    if (item.titles.length > 0) shared = item.titles;
    return item.titles.length > 0 ? item : { ...item, titles: shared, shared: shared.length > 0 };
  });
}

export function listMentions(paragraph: string): Mention[] {
  return splitClauses(paragraph).flatMap((clause) =>
    (readNameList(clause.text) ?? []).map((item, offset) => ({
      name: item.body,
      titles: item.titles,
      position: clause.start + offset,
      confidence: item.confidence,
      titleConfidence: item.shared ? OFFICIAL_CONFIDENCE.sharedTitle : OFFICIAL_CONFIDENCE.ownTitle,
    })),
  );
}

const followedByOfficialVerb = (text: string, end: number): boolean => wordAt(text, end, vocab.officialVerbs) !== null;

/**
 * 某某指出 / 某某主持 at the start of a clause: people reported with these verbs hold office (anyone
 * 表示 or 说 things, so those verbs are no evidence).
 */
export function verbMentions(paragraph: string): Mention[] {
  return splitClauses(paragraph).flatMap((clause) => {
    const name = readNameAt(clause.text, 0, followedByOfficialVerb);
    return name
      ? [{ name: name.name, titles: [], position: clause.start, confidence: OFFICIAL_CONFIDENCE.verb, titleConfidence: 0 }]
      : [];
  });
}

/** One entry per person per article, in reading order; titles accumulate in printed order. */
export function extractOfficials(paragraphs: string[], reporters: string[]): OfficialMention[] {
  const excluded = new Set(reporters);
  const byName = new Map<string, { confidence: number; titles: Map<string, number> }>();
  for (const paragraph of paragraphs) {
    const mentions = [...titledMentions(paragraph), ...listMentions(paragraph), ...verbMentions(paragraph)];
    mentions.sort((a, b) => a.position - b.position);
    for (const mention of mentions) {
      if (excluded.has(mention.name)) continue;
      const known = byName.get(mention.name) ?? { confidence: 0, titles: new Map<string, number>() };
      known.confidence = Math.max(known.confidence, mention.confidence);
      for (const title of mention.titles) known.titles.set(title, Math.max(known.titles.get(title) ?? 0, mention.titleConfidence));
      byName.set(mention.name, known);
    }
  }
  return [...byName].map(([name, { confidence, titles }]) => ({
    name,
    titles: [...titles.keys()],
    confidence,
    titleConfidences: [...titles.values()],
  }));
}
