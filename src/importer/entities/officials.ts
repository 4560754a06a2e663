import type { OfficialMention } from '../contract';
import { entityVocab } from '../vocab/entity-vocab';
import { splitClauses } from './clauses';
import { isNameShaped, readNameAt, startsWithSurname } from './names';
import { isOnlyTitles, leadingTitles, titleChainEndingAt, titleCoreEndsAt } from './titles';
import { wordAt } from './text';

const vocab = entityVocab.officials;

interface Mention {
  name: string;
  titles: string[];
  /** Offset in the paragraph, so officials come out in reading order. */
  position: number;
}

/** 省委常委、市委书记某某 / 市长某某主持: a name with a chain of titles right before it. */
export function titledMentions(paragraph: string): Mention[] {
  const mentions: Mention[] = [];
  let floor = 0;
  for (let index = 1; index < paragraph.length; index += 1) {
    if (!titleCoreEndsAt(paragraph, index)) continue;
    const name = readNameAt(paragraph, index);
    const chain = name ? titleChainEndingAt(paragraph, index, floor) : null;
    if (chain === null || name === null) continue;
    mentions.push({ name: name.name, titles: chain.titles, position: name.start });
    floor = name.end;
    index = name.end - 1;
  }
  return mentions;
}

interface ListItem {
  titles: string[];
  body: string;
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

/** Text after the last group label (市领导, 分管市领导) in the segment; a label is not a title. */
function afterGroupLabel(segment: string): string | null {
  const ends = vocab.groupLabels
    .map((label) => {
      const index = segment.lastIndexOf(label);
      return index === -1 ? -1 : index + label.length;
    })
    .filter((end) => end !== -1);
  return ends.length > 0 ? segment.slice(Math.max(...ends)) : null;
}

/** 某某等参加 / 某某出席会议: the name before an optional 等 and an attendance verb. */
function nameBeforeAttendance(body: string): string | null {
  for (let length = 2; length <= 4 && length < body.length; length++) {
    const rest = body.slice(length);
    const afterDeng = rest.startsWith('等') ? 1 : 0;
    if (wordAt(rest, afterDeng, vocab.attendanceVerbs) && isNameShaped(body.slice(0, length))) {
      return body.slice(0, length);
    }
  }
  return null;
}

/**
 * 市领导甲、乙、丙等参加 or 甲、乙、丙等出席会议: a 、-separated run of name-shaped items anchored by a
 * group label before it or an attendance verb after it. Most items must start with a known surname,
 * which lets one rare surname through when the list around it is clearly names.
 */
export function readNameList(clause: string): ListItem[] | null {
  const segments = joinTitleOnlySegments(clause.split('、'));
  const labelled = afterGroupLabel(segments[0]!);
  if (labelled !== null) segments[0] = labelled;
  const items = segments.map(leadingTitles);
  const titled = items[0].titles.length > 0;
  const last = items.at(-1)!;
  const attendedName = nameBeforeAttendance(last.body);
  const lastName = attendedName ?? (labelled !== null || titled ? readNameAt(last.body, 0)?.name : undefined);
  if (lastName) last.body = lastName;
  if (labelled === null && !attendedName && !titled) return null;
  if (items.length < 2 && labelled === null) return null;
  if (!items.every((item) => isNameShaped(item.body))) return null;
  const withSurname = items.filter((item) => startsWithSurname(item.body)).length;
  return withSurname * 2 > items.length ? shareTitles(items) : null;
}

/** 副市长甲、乙: a title before a list of names is each one's until the next title. */
function shareTitles(items: ListItem[]): ListItem[] {
  let shared: string[] = [];
  return items.map((item) => {
    if (item.titles.length > 0) shared = item.titles;
    return { ...item, titles: item.titles.length > 0 ? item.titles : shared };
  });
}

export function listMentions(paragraph: string): Mention[] {
  return splitClauses(paragraph).flatMap((clause) =>
    (readNameList(clause.text) ?? []).map((item, offset) => ({
      name: item.body,
      titles: item.titles,
      position: clause.start + offset,
    })),
  );
}

const followedBySpeechVerb = (text: string, end: number): boolean => wordAt(text, end, vocab.speechVerbs) !== null;

/** 某某指出 / 某某强调 at the start of a clause: only officials are reported with these verbs. */
export function speakerMentions(paragraph: string): Mention[] {
  return splitClauses(paragraph).flatMap((clause) => {
    const name = readNameAt(clause.text, 0, followedBySpeechVerb);
    return name ? [{ name: name.name, titles: [], position: clause.start }] : [];
  });
}

/** One entry per person per article, in reading order; titles accumulate in printed order. */
export function extractOfficials(paragraphs: string[], reporters: string[]): OfficialMention[] {
  const excluded = new Set(reporters);
  const titlesByName = new Map<string, string[]>();
  for (const paragraph of paragraphs) {
    const mentions = [...titledMentions(paragraph), ...listMentions(paragraph), ...speakerMentions(paragraph)];
    mentions.sort((a, b) => a.position - b.position);
    for (const { name, titles } of mentions) {
      if (excluded.has(name)) continue;
      const known = titlesByName.get(name) ?? [];
      titlesByName.set(name, [...new Set([...known, ...titles])]);
    }
  }
  return [...titlesByName].map(([name, titles]) => ({ name, titles }));
}
