import type { ResearchPlatformMention } from '../contract';
import { entityVocab } from '../vocab/entity-vocab';
import { escapeRegExp, wordEndingText } from './text';

const vocab = entityVocab.platforms;
const HOST_VERBS = vocab.hostVerbs.map(escapeRegExp).join('|');
/** 依托<host>建设的 — the host institution is everything between 依托 and the building verb. */
const HOSTED_BY = new RegExp(`依托([^，。；：、“”]{2,30}?)(?:${HOST_VERBS})的`, 'gu');
const HOST_BEFORE_QUOTE = new RegExp(`依托([^，。；：、“”]{2,30}?)(?:${HOST_VERBS})的$`, 'u');
const QUOTED = /“([^“”]+)”/gu;
/** 依托 + host (at most 30 characters) + verb + 的, right before the quote: nothing further back matters. */
const HOST_WINDOW = 2 + 30 + Math.max(...vocab.hostVerbs.map((verb) => verb.length)) + 1;
/** How far after 建设的 an unquoted platform kind may end. */
const MAX_UNQUOTED_NAME = 24;
const UNQUOTED_RUN = new RegExp(`^[^，。；：、“”]{1,${MAX_UNQUOTED_NAME}}`, 'u');

interface LocatedPlatform {
  platform: ResearchPlatformMention;
  /** Where the mention starts in its paragraph, so platforms come out in reading order. */
  position: number;
}

export function platformKind(name: string): string | null {
  return wordEndingText(name, vocab.kinds);
}

/** “…野外科学观测研究站”: a quoted name ending in a known kind, hosted if 依托…建设的 precedes it. */
function quotedPlatforms(paragraph: string): LocatedPlatform[] {
  return [...paragraph.matchAll(QUOTED)].flatMap((match) => {
    const name = match[1]!;
    const kind = platformKind(name);
    if (!kind) return [];
    const host = HOST_BEFORE_QUOTE.exec(paragraph.slice(Math.max(0, match.index - HOST_WINDOW), match.index))?.[1] ?? null;
    return [{ platform: { name, nameGenerated: false, kind, host, confidence: 0.9, hostConfidence: host === null ? 1 : 0.9 }, position: match.index }];
  });
}

/** The shortest start of `run` that ends in a kind: 应用数学中心将围绕… → 应用数学中心. */
function leadingPlatform(run: string): { text: string; kind: string } | null {
  for (let end = 1; end <= run.length; end++) {
    const kind = platformKind(run.slice(0, end));
    if (kind) return { text: run.slice(0, end), kind };
  }
  return null;
}

/**
 * 依托某大学建设的应用数学中心: an unquoted kind right after 依托…建设的. A bare kind (or one with only
 * a level such as 省) gets a generated name, host + kind; anything longer is printed as the name.
 */
function hostedUnquotedPlatforms(paragraph: string): LocatedPlatform[] {
  return [...paragraph.matchAll(HOSTED_BY)].flatMap((match) => {
    const host = match[1]!;
    const run = UNQUOTED_RUN.exec(paragraph.slice(match.index + match[0].length))?.[0];
    const platform = run ? leadingPlatform(run) : null;
    if (!platform) return [];
    const qualifier = platform.text.slice(0, -platform.kind.length);
    const generated = qualifier === '' || vocab.levelQualifiers.has(qualifier);
    const name = generated ? host + platform.kind : platform.text;
    return [
      {
        platform: { name, nameGenerated: generated, kind: platform.kind, host, confidence: generated ? 0.7 : 0.85, hostConfidence: 0.9 },
        position: match.index,
      },
    ];
  });
}

export function extractResearchPlatforms(paragraphs: string[]): ResearchPlatformMention[] {
  const byName = new Map<string, ResearchPlatformMention>();
  for (const paragraph of paragraphs) {
    const found = [...quotedPlatforms(paragraph), ...hostedUnquotedPlatforms(paragraph)];
    found.sort((a, b) => a.position - b.position);
    for (const { platform } of found) {
      if (!byName.has(platform.name)) byName.set(platform.name, platform);
    }
  }
  return [...byName.values()];
}
