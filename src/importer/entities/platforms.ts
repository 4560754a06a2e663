import type { ResearchPlatformMention } from '../extraction-schema';
import { entityVocab } from '../vocab/entity-vocab';
import { escapeRegExp, wordAt, wordEndingText } from './text';

/**
 * Research platforms by evidence. A platform is a name ending in a known kind (重点实验室,
 * 工程技术研究中心…), printed in quotes or with a host, or a kind printed with its host only (then
 * the name is generated: host + kind). The host is found in every common form: 依托/由 host 建设的,
 * 与 host 合作建设的, host 组建的 / host 申报的 / host 的 (where the host ends like an institution:
 * 公司, 大学, 研究所…), the host's name printed right before the platform's, the institution the
 * platform is unveiled at (`在某某揭牌`) or visited at, and a list of hosts before one kind
 * (`甲公司、乙学院等9家省级工程研究中心`). A kind counted (`5家重点实验室`) or conferred as a rank
 * (`被认定为国家级企业技术中心`) is no platform.
 */

const vocab = entityVocab.platforms;
const HOST_VERBS = vocab.hostVerbs.map(escapeRegExp).join('|');
const INSTITUTION = vocab.institutionSuffixes.map(escapeRegExp).join('|');
/** A host's name: name characters ending in an institution suffix, brackets allowed (`某某（易门）有限公司`). */
const HOST_NAME = `[\\p{Script=Han}A-Za-z0-9（）()·]{2,30}?(?:${INSTITUTION})`;
const SENTENCE = /[^。！？；]+[。！？；]?/gu;
const QUOTED = /“([^“”]+)”/gu;
/** What may stand in a platform's name, scanning back from its kind. */
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9（）()·]/u;
const MAX_NAME = 40;
/** A kind printed with a count before it is counted, not named: `5家省重点实验室`, `790家工程中心`. */
const COUNTED = /[\d一二三四五六七八九十百千]+(?:家|个|所)$/u;
const COUNT_INSIDE = /[\d一二三四五六七八九十百千]+(?:家|个|所)/u;
/** A platform's own name opens with its place or level: `四川省某某工程实验室`, `国家某某中心`. */
const PLACED_NAME = /^(?:国家|中国|\p{Script=Han}{1,6}?(?:省|市|自治区))/u;

/** How sure each form of evidence makes a platform and its host. */
export const PLATFORM_CONFIDENCE = {
  quoted: 0.9,
  hosted: 0.85,
  listedHost: 0.8,
  generated: 0.7,
  hostBefore: 0.9,
  hostGlued: 0.8,
  hostAtSite: 0.7,
  hostVisited: 0.6,
} as const;

interface Located {
  platform: ResearchPlatformMention;
  /** Where the mention starts in its paragraph, so platforms come out in reading order. */
  position: number;
}

export function platformKind(name: string): string | null {
  return wordEndingText(name, vocab.kinds);
}

/** Whether a candidate confers a rank rather than names a platform (`国家认定企业技术中心`). */
function isDesignation(text: string): boolean {
  return vocab.designationWords.some((word) => text.includes(word));
}

/** `依托某大学建设的`, `与某公司合作建设的`, `某公司组建的`, `某大学的`: the forms a host takes before a platform. */
const HOST_FORMS = [
  new RegExp(`(?:依托|由)([^，。；：、“”]{2,30}?)(?:牵头)?(?:${HOST_VERBS})的$`, 'u'),
  new RegExp(`与(${HOST_NAME})(?:合作|联合)?(?:${HOST_VERBS})的$`, 'u'),
  new RegExp(`(${HOST_NAME})(?:牵头)?(?:${HOST_VERBS}|申报)的$`, 'u'),
  new RegExp(`(${HOST_NAME})的$`, 'u'),
];
const AT_SITE = new RegExp(`^[^。；]{0,40}?在(${HOST_NAME})(?:揭牌|挂牌|举行|成立|落成)`, 'u');
const VISITED = new RegExp(`(?:来到|走进|深入|考察)(${HOST_NAME})`, 'u');
const GLUED = new RegExp(`^(${HOST_NAME})`, 'u');
const INSTITUTION_END = new RegExp(INSTITUTION, 'gu');
const HOST_LIST = new RegExp(
  `((?:${HOST_NAME})(?:、${HOST_NAME})+)(?:等)?(?:[\\d一二三四五六七八九十]+家)?(?:${[...vocab.levelQualifiers].map(escapeRegExp).join('|')})?(?:企业)?(${vocab.kinds.map(escapeRegExp).join('|')})`,
  'gu',
);

/** A host right before `at`, in any of its forms. */
function hostBefore(sentence: string, at: number): string | null {
  const before = sentence.slice(Math.max(0, at - 60), at);
  for (const form of HOST_FORMS) {
    const match = form.exec(before);
    if (match) return trimHost(match[1]!);
  }
  return null;
}

/** A host's name starts after the last word that cannot be part of it (`随着日前`, `共有`, `我市`). */
function trimHost(host: string): string {
  let start = 0;
  for (let index = 0; index < host.length; index += 1) {
    const stop = wordAt(host, index, vocab.hostStops);
    if (stop !== null && index + stop.length < host.length) start = index + stop.length;
  }
  return host.slice(start);
}

/** `某某实验室在某某研究院揭牌`, `某某实验室揭牌仪式在某某医院举行`: the institution it is unveiled at. */
function hostAtSite(sentence: string, end: number): string | null {
  const site = AT_SITE.exec(sentence.slice(end));
  return site ? trimHost(site[1]!) : null;
}

/** `来到某某股份有限公司，详细了解……`: the institution visited in the sentence before the platform. */
function hostVisited(sentence: string, at: number): string | null {
  const visit = VISITED.exec(sentence.slice(0, at));
  return visit ? trimHost(visit[1]!) : null;
}

/** Where a name ending at `end` starts: back over name characters to a stop, 的 or a host verb. */
function nameStartBefore(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor && end - start < MAX_NAME && NAME_CHAR.test(text[start - 1]!)) start -= 1;
  for (let index = start; index < end; index += 1) {
    if (text[index] === '的') start = index + 1;
    const verb = vocab.hostVerbs.find((hostVerb) => text.startsWith(hostVerb, index));
    if (verb && text[index + verb.length] === '的') start = index + verb.length + 1;
  }
  return start;
}

/**
 * `某某有限责任公司四川省某某工程实验室`: an institution's name printed right before the platform's,
 * which starts as such names do, with its place or level (`四川省`, `国家`), or with the host's own.
 */
function gluedHost(name: string, kind: string): { host: string; name: string } | null {
  if (!GLUED.test(name) || name.length < kind.length + 4) return null;
  // The longest host that still leaves a name: institutions nest (某某集团有限责任公司).
  const candidates = [...name.matchAll(INSTITUTION_END)]
    .map((match) => match.index + match[0].length)
    .filter((end) => name.length - end >= kind.length + 2);
  if (candidates.length === 0) return null;
  const end = Math.max(...candidates);
  const platformName = name.slice(end);
  const host = trimHost(name.slice(0, end));
  // Host and platform are often named after the same place (`某省某公司` + `某省某中心`).
  if (!PLACED_NAME.test(platformName) && platformName.slice(0, 2) !== host.slice(0, 2)) return null;
  return { host, name: platformName };
}

function mention(name: string, kind: string, host: string | null, nameGenerated: boolean, confidence: number, hostConfidence: number) {
  return { name, nameGenerated, kind, host, confidence, hostConfidence: host === null ? 1 : hostConfidence };
}

/** The host of a platform whose name stands at [start, end) of the sentence, with how sure it is. */
function hostOf(sentence: string, start: number, end: number): { host: string | null; confidence: number } {
  const before = hostBefore(sentence, start);
  if (before !== null) return { host: before, confidence: PLATFORM_CONFIDENCE.hostBefore };
  const site = hostAtSite(sentence, end);
  if (site !== null) return { host: site, confidence: PLATFORM_CONFIDENCE.hostAtSite };
  const visited = hostVisited(sentence, start);
  return { host: visited, confidence: PLATFORM_CONFIDENCE.hostVisited };
}

/**
 * Quoted names ending in a kind (`“某某重点实验室”`), and a quoted name the kind follows
 * (`“某某”工业和信息化部重点实验室`). A quoted kind alone (`“博士后科研工作站”`) gets a generated name.
 */
function quotedPlatforms(sentence: string): Located[] {
  return [...sentence.matchAll(QUOTED)].flatMap((match): Located[] => {
    const quoted = match[1]!;
    const start = match.index;
    let end = start + match[0].length;
    let name = quoted;
    let kind = platformKind(quoted);
    if (kind === null) {
      // The kind printed after the quote, up to where the sentence goes on (`在某地揭牌`).
      const following = /^[\p{Script=Han}（）]{1,14}?(?=在|于|的|揭牌|举行|[^\p{Script=Han}（）]|$)/u.exec(sentence.slice(end))?.[0] ?? '';
      const tail = [...Array(following.length).keys()].map((length) => following.slice(0, length + 1)).find((part) => platformKind(part) !== null);
      if (tail === undefined) return [];
      name = quoted + tail;
      kind = platformKind(tail)!;
      end += tail.length;
    }
    if (isDesignation(name)) return [];
    const { host, confidence } = hostOf(sentence, start, end);
    if (name === kind) {
      if (host === null) return [];
      return [{ platform: mention(host + kind, kind, host, true, PLATFORM_CONFIDENCE.generated, confidence), position: start }];
    }
    return [{ platform: mention(name, kind, host, false, PLATFORM_CONFIDENCE.quoted, confidence), position: start }];
  });
}

/**
 * Unquoted kinds with evidence of a host: named (`依托某大学组建的国家某某工程技术研究中心`,
 * `某公司某某工程实验室`), or bare, then named after the host (`依托某大学建设的技术创新中心`).
 */
function unquotedPlatforms(sentence: string): Located[] {
  const found: Located[] = [];
  const quotedSpans = [...sentence.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length] as const);
  for (let end = 1; end <= sentence.length; end += 1) {
    const kind = wordEndingText(sentence.slice(Math.max(0, end - 12), end), vocab.kinds);
    if (kind === null || quotedSpans.some(([from, to]) => end > from && end <= to)) continue;
    // The longest kind ends here; a longer name goes on after it (`实验室` of `重点实验室` is not its end).
    if (NAME_CHAR.test(sentence[end] ?? '') && platformKind(sentence.slice(end - kind.length, end + 4)) !== null) continue;
    if (wordAt(sentence, end, ['项目']) !== null) continue;
    const start = nameStartBefore(sentence, end, 0);
    const printed = sentence.slice(start, end);
    if (/^[（(]/u.test(printed)) continue;
    if (COUNTED.test(sentence.slice(Math.max(0, start - 6), start)) || COUNT_INSIDE.test(printed)) continue;
    // `被认定为国家级企业技术中心` confers a rank; the words before the name in its clause say so.
    const lead = sentence.slice(Math.max(0, start - 4), start);
    if (isDesignation(lead.slice(Math.max(...[...'，、；：'].map((mark) => lead.lastIndexOf(mark))) + 1) + printed)) continue;
    const qualifier = printed.slice(0, -kind.length);
    const bare = qualifier === '' || vocab.levelQualifiers.has(qualifier);
    const glued = bare ? null : gluedHost(printed, kind);
    if (glued !== null) {
      found.push({ platform: mention(glued.name, kind, glued.host, false, PLATFORM_CONFIDENCE.hosted, PLATFORM_CONFIDENCE.hostGlued), position: start });
      continue;
    }
    const host = hostBefore(sentence, start);
    if (host === null) {
      // `某省某某重点实验室揭牌仪式在某医院举行`: a named platform unveiled at its host.
      const site = bare ? null : hostAtSite(sentence, end);
      if (site !== null) {
        found.push({ platform: mention(printed, kind, site, false, PLATFORM_CONFIDENCE.hosted, PLATFORM_CONFIDENCE.hostAtSite), position: start });
      }
      continue;
    }
    found.push({
      platform: bare
        ? mention(host + kind, kind, host, true, PLATFORM_CONFIDENCE.generated, PLATFORM_CONFIDENCE.hostBefore)
        : mention(printed, kind, host, false, PLATFORM_CONFIDENCE.hosted, PLATFORM_CONFIDENCE.hostBefore),
      position: start,
    });
  }
  return found;
}

/**
 * `甲有限公司、乙学院等9家省级工程研究中心`, `甲集团、乙集团企业技术中心`: a list of hosts before one
 * kind names a platform of each host, the kind after a count, a level or `企业`.
 */
function listedHostPlatforms(sentence: string): Located[] {
  if (!sentence.includes('、')) return [];
  return [...sentence.matchAll(HOST_LIST)].flatMap((match) => {
    const kind = match[2]!;
    const hosts = match[1]!.split('、').map(trimHost);
    return hosts.map((host) => ({
      platform: mention(host + kind, kind, host, true, PLATFORM_CONFIDENCE.listedHost, PLATFORM_CONFIDENCE.listedHost),
      position: match.index,
    }));
  });
}

export function extractResearchPlatforms(paragraphs: string[]): ResearchPlatformMention[] {
  const byName = new Map<string, ResearchPlatformMention>();
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.matchAll(SENTENCE)) {
      const text = sentence[0];
      const listed = listedHostPlatforms(text);
      const found = [...quotedPlatforms(text), ...unquotedPlatforms(text), ...listed];
      found.sort((a, b) => a.position - b.position);
      for (const { platform } of found) {
        const known = byName.get(platform.name);
        if (!known || (known.host === null && platform.host !== null)) byName.set(platform.name, platform);
      }
    }
  }
  return [...byName.values()];
}
