import { z } from 'zod';
import { datelineVocab, leadVocab } from './article-vocab';
import { longestFirst } from './words';
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
  /** Real but rare surnames: read only where a title or a list of names says a name stands there. */
  rare: z.array(singleHan),
});

/**
 * How a title's organ constrains the words printed before it (see titles.ts): a `department`
 * (市发展改革委, 省科技厅) is named after its level or place; a `body` (党工委, 管委会, 政协) may
 * stand alone or after a place or another organ; an `associated` post (协会会长, 民主党派中央主席)
 * is kept in an official's chain of titles but makes no one an official on its own.
 */
const OrganKindSchema = z.enum(['department', 'body', 'associated']);

const TitlesSchema = z.object({
  levels: z.array(singleHan).min(1),
  placeSuffixes: words,
  deputyPrefixes: z.array(word),
  /** Printed before a whole title to say its holder held it before (`原中共中央政治局委员`). */
  formerMarkers: z.array(word),
  postsWithoutDeputy: z.array(word),
  headPost: word,
  organPosts: z
    .array(
      z.object({
        organs: words,
        posts: words,
        kind: OrganKindSchema,
        /** The organ is named after its region, so the region's bare name may stand before it (`某某军区`). */
        afterBarePlace: z.boolean().optional(),
        /** A national body, named without a place (`科技部副部长`, `审计署`). */
        national: z.boolean().optional(),
      }),
    )
    .min(1),
  /** At least two characters: titles are looked up by their last two. */
  standalone: z.array(z.string().trim().min(2)),
  prefixStops: z.array(word),
  prefixStopCharacters: z.array(singleHan),
  conjunctions: z.array(singleHan),
  maxPrefixLength: z.number().int().min(2),
});

const OfficialsSchema = z.object({
  nameBoundaries: words,
  singleCharBoundaries: z.array(singleHan),
  /** Of those, the ones a given name may still end in where punctuation or an official verb follows (`某某和出席`). */
  finalsBeforeClearEnd: z.array(singleHan),
  speechVerbs: words,
  /** Verbs whose clause-initial subject is an official even without a title (主持, 出席, 会见). */
  officialVerbs: words,
  attendanceVerbs: words,
  groupLabels: words,
  /** Words that end a list of names before the rest of the clause (`……某某及相关部门负责人参加`). */
  listClosers: words,
  notNames: z.array(word),
  notNameEndings: z.array(singleHan),
});

const ProjectsSchema = z.object({
  stages: z.object({
    signed: words,
    groundbreaking: words,
    completed: words,
    in_production: words,
  }),
  leadIns: z.array(word),
  leadInsAtStart: z.array(singleHan),
  genericDeterminers: z.array(word),
  /** Words that make `…项目` generic only when nothing but them and category words is left (`重点项目`, not `优质某某储存项目`). */
  genericModifiers: z.array(word),
  /** Stage verbs that are a stage only right after a project's name (某某项目落地), not in 推动政策落地. */
  stagesOnlyAfterName: z.array(word),
  /** Adverbs allowed between the name and such a stage verb (某某项目正式落地). */
  stageAdverbs: z.array(word),
  /** Words that make `…项目` the name of an event (`…说明暨项目签约会`), not of a project. */
  eventWords: words,
  /** Stages a group of projects reaches together: `某某产业项目集中开工` names a group, not a project. */
  collectiveStages: z.array(word),
  /** What a project's name may end in besides 项目, where a list or a stage says it is one (基地, 厂房). */
  headNouns: words,
  /** Words that open a list of projects (`开工项目有…`, `签约的项目包括…`). */
  listIntroducers: words,
  /** Words before a stage verb that make it a plan, not an event (`将开工`, `拟签约`). */
  planMarkers: words,
  /** Words after a stage verb that make it a condition, not an event (`建成后`, `投产达效`). */
  aftermathMarkers: words,
  /** Nouns that make a stage verb before them a task under way (`项目落地建设工作`, `签约事宜`), no event. */
  taskNouns: words,
  /** Words a category of projects is made of (`基础设施项目`, `10亿元以上项目`): no project's own name. */
  categoryWords: words,
  /** Function words no proper name holds (把, 对, 每): inside a name, it may have begun too early. */
  functionWords: words,
});

const PlatformsSchema = z.object({
  kinds: words,
  hostVerbs: words,
  levelQualifiers: z.array(word),
  /** How an institution's name ends (有限公司, 大学, 研究所): a host printed without 依托 must end so. */
  institutionSuffixes: words,
  /** Words that confer a rank on something rather than name a platform (`被认定为国家级企业技术中心`). */
  designationWords: words,
  /** Words a host's name never holds: where one stands before a host, the host starts after it. */
  hostStops: words,
});

const FiguresSchema = z.object({
  units: words,
  /** Printed between the number and its unit and kept with the unit: 1.6亿件, 3万平方米. */
  magnitudes: z.array(word),
  /** Printed between the number and its unit and dropped: 300余人次, 20多个. */
  approximators: z.array(word),
  /** Spans of time (前7个月, 3小时): a number with one of these counts no thing. */
  durations: z.array(word),
  ordinalMarkers: z.array(word),
  labelCopulas: z.array(word),
  labelLeadIns: z.array(word),
  /** Verbs and adverbs that end the noun phrase after a unit: 12个项目现场签约 counts 项目. */
  labelEnds: z.array(word),
  aggregateNouns: z.array(word),
  scopes: z.array(word),
  maxLabelLength: z.number().int().min(4),
});

type Titles = z.infer<typeof TitlesSchema>;

/**
 * The end of a title, up to the name: organ, deputy prefix and post (委 + 副 + 书记, 厅 + 副 + 厅长),
 * or a deputy prefix and a level before 长 for heads of government (常务副 + 市 + 长). What stands
 * before it (place, level, department name) is read from the text, not listed.
 */
export type TitleCoreKind = 'head' | z.infer<typeof OrganKindSchema> | 'standalone';
export interface TitleCore {
  text: string;
  kind: TitleCoreKind;
  afterBarePlace?: boolean;
  national?: boolean;
}

export function titleCores(titles: Titles): TitleCore[] {
  const deputiesOf = (post: string) => (titles.postsWithoutDeputy.includes(post) ? [''] : ['', ...titles.deputyPrefixes]);
  const cores: TitleCore[] = [
    ...titles.levels.flatMap((level) =>
      deputiesOf(titles.headPost).map((deputy) => ({ text: deputy + level + titles.headPost, kind: 'head' as const })),
    ),
    ...titles.organPosts.flatMap(({ organs, posts, kind, afterBarePlace, national }) =>
      organs.flatMap((organ) =>
        posts.flatMap((post) => deputiesOf(post).map((deputy) => ({ text: organ + deputy + post, kind, afterBarePlace, national }))),
      ),
    ),
    ...titles.standalone.flatMap((post) =>
      deputiesOf(post).map((deputy) => ({ text: deputy + post, kind: 'standalone' as const })),
    ),
    // A post that begins with its organ stands for both after the organ's name (`市教育局长`, `商务部长`).
    ...titles.organPosts.flatMap(({ organs, posts, kind, afterBarePlace, national }) =>
      posts
        .filter((post) => organs.some((organ) => post.length > organ.length && post.startsWith(organ)))
        .flatMap((post) => deputiesOf(post).map((deputy) => ({ text: deputy + post, kind, afterBarePlace, national }))),
    ),
    // A post printed bare after another title and a 、 is that organ's (`某某局党委书记、局长`).
    ...titles.organPosts.flatMap(({ posts }) =>
      posts.filter((post) => post.length >= 2).flatMap((post) => deputiesOf(post).map((deputy) => ({ text: deputy + post, kind: 'associated' as const }))),
    ),
  ];
  // One kind per core, the more specific first: 纪委书记 is an organ's post before it is a standalone one.
  const byText = new Map<string, TitleCore>();
  for (const core of cores) if (!byText.has(core.text)) byText.set(core.text, core);
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

const dayWords = [...Object.keys(datelineVocab.relativeDays), ...datelineVocab.vague];

function loadEntityVocab() {
  const surnames = SurnamesSchema.parse(surnamesJson);
  const titles = TitlesSchema.parse(titlesJson);
  const officials = OfficialsSchema.parse(officialsJson);
  const projects = ProjectsSchema.parse(projectsJson);
  const platforms = PlatformsSchema.parse(platformsJson);
  const figures = FiguresSchema.parse(figuresJson);
  return {
    surnames: {
      single: new Set(surnames.single),
      compound: new Set(surnames.compound),
      rare: new Set(surnames.rare),
    },
    titles: {
      cores: titleCores(titles),
      levels: new Set(titles.levels),
      placeSuffixes: longestFirst(titles.placeSuffixes),
      organs: longestFirst(titles.organPosts.flatMap(({ organs }) => organs)),
      // Words that end right before a title starts: verbs, time words, and where a name list begins.
      prefixStops: longestFirst(
        [
          ...titles.prefixStops,
          ...officials.nameBoundaries,
          ...officials.speechVerbs,
          ...officials.attendanceVerbs,
          ...officials.groupLabels,
          ...leadVocab.timeWords,
          ...dayWords,
        ].filter((stop) => stop.length > 1),
      ),
      prefixStopCharacters: new Set(titles.prefixStopCharacters),
      conjunctions: new Set(titles.conjunctions),
      maxPrefixLength: titles.maxPrefixLength,
      formerMarkers: longestFirst(titles.formerMarkers),
      nationalOrgans: longestFirst(titles.organPosts.filter(({ national }) => national === true).flatMap(({ organs }) => organs)),
    },
    officials: {
      // A name also ends before a time word: 市长甲某日前会见…, 甲某当天到现场…
      nameBoundaries: longestFirst([...officials.nameBoundaries, ...dayWords, ...leadVocab.timeWords]),
      singleCharBoundaries: new Set(officials.singleCharBoundaries),
      finalsBeforeClearEnd: new Set(officials.finalsBeforeClearEnd),
      speechVerbs: longestFirst(officials.speechVerbs),
      officialVerbs: longestFirst([...officials.speechVerbs, ...officials.officialVerbs]),
      listClosers: longestFirst(officials.listClosers),
      attendanceVerbs: longestFirst(officials.attendanceVerbs),
      // 市领导, 分管州领导, 县级领导: a label for every level, besides those listed.
      groupLabels: longestFirst([
        ...officials.groupLabels,
        ...titles.levels.flatMap((level) => [`${level}领导`, `分管${level}领导`, `${level}级领导`]),
      ]),
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
      genericModifiers: projects.genericModifiers,
      stagesOnlyAfterName: new Set(projects.stagesOnlyAfterName),
      stageAdverbs: longestFirst(projects.stageAdverbs),
      eventWords: projects.eventWords,
      collectiveStages: longestFirst(projects.collectiveStages),
      headNouns: longestFirst(projects.headNouns),
      listIntroducers: longestFirst(projects.listIntroducers),
      planMarkers: projects.planMarkers,
      aftermathMarkers: projects.aftermathMarkers,
      taskNouns: projects.taskNouns,
      categoryWords: longestFirst(projects.categoryWords),
      functionWords: projects.functionWords,
      /** A place or an organisation in a name makes it a proper name: 某某县…项目, 某某有限公司…项目. */
      nameAnchors: [...titles.placeSuffixes, ...platforms.institutionSuffixes],
      dayWords: longestFirst([...dayWords, ...leadVocab.timeWords]),
    },
    platforms: {
      kinds: longestFirst(platforms.kinds),
      hostVerbs: platforms.hostVerbs,
      levelQualifiers: new Set(platforms.levelQualifiers),
      institutionSuffixes: longestFirst(platforms.institutionSuffixes),
      designationWords: platforms.designationWords,
      hostStops: longestFirst(platforms.hostStops),
    },
    figures: {
      ...figures,
      units: longestFirst(figures.units),
      magnitudes: longestFirst(figures.magnitudes),
      approximators: longestFirst(figures.approximators),
      durations: longestFirst(figures.durations),
      labelCopulas: longestFirst(figures.labelCopulas),
      labelLeadIns: longestFirst(figures.labelLeadIns),
      labelEnds: longestFirst([...figures.labelEnds, ...Object.values(projects.stages).flat()]),
      aggregateNouns: longestFirst(figures.aggregateNouns),
      scopes: longestFirst(figures.scopes),
    },
  };
}

export type EntityVocab = ReturnType<typeof loadEntityVocab>;

export const entityVocab: EntityVocab = loadEntityVocab();
