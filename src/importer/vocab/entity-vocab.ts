import { longestFirst } from './words';
import { z } from 'zod';
import figuresJson from './figures.json';
import officialsJson from './officials.json';
import platformsJson from './platforms.json';
import projectsJson from './projects.json';
import surnamesJson from './surnames.json';
import titlesJson from './titles.json';

/**
 * Vocabulary for entity extraction. Every rule in src/importer/entities reads its words from here,
 * so newsroom staff extend recognition by editing JSON; a malformed file fails at startup rather
 * than silently matching nothing.
 */

const word = z.string().trim().min(1);
const words = z.array(word).min(1);
const singleHan = z.string().regex(/^\p{Script=Han}$/u, 'must be exactly one Han character');

const SurnamesSchema = z.object({
  single: z.array(singleHan).min(1),
  compound: z.array(z.string().regex(/^\p{Script=Han}{2}$/u, 'must be exactly two Han characters')),
});

const TitlesSchema = z.object({
  places: z.array(word),
  deputyPrefixes: z.array(word),
  postsWithoutDeputy: z.array(word),
  organPosts: z
    .array(z.object({ organs: words, posts: words, deputyBeforeOrgan: z.boolean().default(false) }))
    .min(1),
  standalone: z.array(word),
});

const OfficialsSchema = z.object({
  nameBoundaries: words,
  singleCharBoundaries: z.array(singleHan),
  speechVerbs: words,
  attendanceVerbs: words,
  groupLabels: words,
  notNames: z.array(word),
  notNameEndings: z.array(singleHan),
});

const ProjectsSchema = z.object({
  stages: z.object({ in_production: words, groundbreaking: words, signed: words }),
  leadIns: z.array(word),
  leadInsAtStart: z.array(singleHan),
  genericDeterminers: z.array(word),
});

const PlatformsSchema = z.object({
  kinds: words,
  hostVerbs: words,
  levelQualifiers: z.array(word),
});

const FiguresSchema = z.object({
  units: words,
  ordinalMarkers: z.array(word),
  labelCopulas: z.array(word),
  labelLeadIns: z.array(word),
  aggregateNouns: z.array(word),
  scopes: z.array(word),
  maxLabelLength: z.number().int().min(4),
});

/** Longest first, so a prefix scan picks 常务副市长 over 副市长 and 亿元 over 元. */
type Titles = z.infer<typeof TitlesSchema>;

/** 市委 + 副书记, but 副 + 省长: a head of government takes the deputy prefix before the organ. */
function organPostVariants(organ: string, post: string, deputyBeforeOrgan: boolean, titles: Titles): string[] {
  const deputies = titles.postsWithoutDeputy.includes(post) ? [] : titles.deputyPrefixes;
  const deputised = deputies.map((deputy) => (deputyBeforeOrgan ? deputy + organ + post : organ + deputy + post));
  return [organ + post, ...deputised];
}

/** Organs × posts × deputy variants, each also with every place prefix (河南省 + 副省长). */
export function expandTitles(titles: Titles): string[] {
  const bare = [
    ...titles.organPosts.flatMap(({ organs, posts, deputyBeforeOrgan }) =>
      organs.flatMap((organ) => posts.flatMap((post) => organPostVariants(organ, post, deputyBeforeOrgan, titles))),
    ),
    ...titles.standalone,
  ];
  const placed = titles.places.flatMap((place) => bare.map((title) => place + title));
  return longestFirst([...bare, ...placed]);
}

function loadEntityVocab() {
  const surnames = SurnamesSchema.parse(surnamesJson);
  const titles = TitlesSchema.parse(titlesJson);
  const officials = OfficialsSchema.parse(officialsJson);
  const projects = ProjectsSchema.parse(projectsJson);
  const platforms = PlatformsSchema.parse(platformsJson);
  const figures = FiguresSchema.parse(figuresJson);
  return {
    surnames: { single: new Set(surnames.single), compound: new Set(surnames.compound) },
    titles: expandTitles(titles),
    officials: {
      nameBoundaries: longestFirst(officials.nameBoundaries),
      singleCharBoundaries: new Set(officials.singleCharBoundaries),
      speechVerbs: longestFirst(officials.speechVerbs),
      attendanceVerbs: longestFirst(officials.attendanceVerbs),
      groupLabels: longestFirst(officials.groupLabels),
      notNames: new Set(officials.notNames),
      notNameEndings: new Set(officials.notNameEndings),
    },
    projects: {
      stageWords: longestFirst(Object.values(projects.stages).flat()),
      stageOf: new Map(
        (Object.entries(projects.stages) as [keyof typeof projects.stages, string[]][]).flatMap(([stage, verbs]) =>
          verbs.map((verb) => [verb, stage] as const),
        ),
      ),
      leadIns: longestFirst(projects.leadIns),
      leadInsAtStart: new Set(projects.leadInsAtStart),
      genericDeterminers: projects.genericDeterminers,
    },
    platforms: {
      kinds: longestFirst(platforms.kinds),
      hostVerbs: platforms.hostVerbs,
      levelQualifiers: new Set(platforms.levelQualifiers),
    },
    figures: {
      ...figures,
      units: longestFirst(figures.units),
      labelCopulas: longestFirst(figures.labelCopulas),
      labelLeadIns: longestFirst(figures.labelLeadIns),
      aggregateNouns: longestFirst(figures.aggregateNouns),
      scopes: longestFirst(figures.scopes),
    },
  };
}

export type EntityVocab = ReturnType<typeof loadEntityVocab>;

export const entityVocab: EntityVocab = loadEntityVocab();
