import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { CreditRole, ProjectStage } from '../src/importer';

/**
 * A synthetic archive in the paper's layout, for benchmarks: pages set in narrow columns with
 * column breaks, the credit forms the importer reads, headlines before and after bodies, and
 * officials with their posts, projects with stages and research platforms whose names are drawn
 * from generated combinations, so that entities repeat across pages like in a real paper (a few
 * hundred officials in most issues, a long tail seen once or twice). No sentence comes from a real
 * article. Deterministic for a seed; the pages are written one at a time, with what each holds.
 *
 * `npx tsx bench/corpus.ts <folder> <pages> [seed]` writes `page-s<seed>-00001.txt`…, adds each
 * page's issue date and page to the folder's `manifest.json`, and writes `expected-s<seed>.jsonl`
 * (one line per page: what it put in). Pages and expectations are named by seed, so a second
 * archive generated into the same folder adds to the first instead of overwriting its pages.
 */

export interface ExpectedArticle {
  title: string;
  dateline: string;
  credits: Array<{ name: string; role: CreditRole }>;
  officials: Record<string, string[]>;
  projects: Record<string, ProjectStage>;
  researchPlatforms: Array<{ name: string; kind: string; host: string }>;
}

export interface GeneratedPage {
  fileName: string;
  issueDate: string;
  page: string;
  text: string;
  articles: ExpectedArticle[];
}

/** mulberry32: small, fast and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Ranks 0…size-1 drawn with probability ∝ 1/(rank+1)^exponent: a few frequent, a long tail. */
function zipf(size: number, exponent: number): (random: Random) => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

// Word pools, none of them a real person, project or institution. Given-name characters avoid
// the importer's boundary words and the endings no name has, as real given names do.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '沈', '任', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '廖', '范', '汪', '陆'];
const OFFICIAL_GIVEN = ['建', '国', '明', '华', '伟', '志', '强', '军', '平', '东', '海', '林', '文', '斌', '宏', '峰', '春', '丽', '霞', '玉', '秀', '英', '芳', '敏', '静', '婷', '雪', '梅', '兰', '涛', '磊', '鹏', '飞', '刚', '勇', '杰', '辉', '波', '毅', '俊'];
const REPORTER_GIVEN = ['晓', '思', '嘉', '欣', '悦', '琳', '瑶', '睿', '哲', '然', '宇', '航', '凯', '阳', '帆', '莹', '璐', '萌', '蕾', '倩'];
const PLACE_STEMS = ['青川', '临河', '松岗', '白沙', '石桥', '柳泉', '云岭', '梧桐', '枫林', '鹤鸣', '金堤', '银湖', '紫荆', '桃源', '凤岗', '龙潭', '新塘', '古槐', '清溪', '翠屏', '望川', '安澜', '沙河', '泉湾'];
const PROJECT_CORES = ['智能装备产业园', '新能源电池生产线', '冷链物流园', '生物医药产业基地', '大数据中心', '污水处理厂扩建', '综合管廊', '高端装备制造基地', '食品加工产业园', '光伏发电', '跨境电商分拨中心', '汽车零部件产业园', '城市更新', '新材料产业园', '绿色建材基地'];
const PRODUCTS = ['智能家居产品', '精密轴承', '电子元件', '环保涂料', '铝合金型材'];
const HOST_TYPES = ['大学', '师范学院', '理工学院', '农业大学', '医学院'];
const PLATFORM_KINDS = ['重点实验室', '工程技术研究中心', '野外科学观测研究站', '应用数学中心', '技术创新中心'];
const EVENTS = ['活动', '签约仪式', '推进会', '观摩会', '调度会'];
const SECTIONS = ['要闻', '经济', '城事', '综合'];
const STAGE_VERBS: Record<ProjectStage, readonly string[]> = {
  groundbreaking: ['开工', '奠基', '开工建设'],
  completed: ['竣工', '落成'],
  in_production: ['投产', '建成投用'],
  signed: ['签约', '签署合作协议'],
};
const HEADLINE_THEMES = ['项目建设跑出加速度', '产业发展再添新动能', '科技创新平台扩容', '营商环境持续优化', '民生实事加快推进', '城乡面貌焕然一新'];

/** The name of the official, reporter or place with a given index: distinct for distinct indexes. */
function twoPart(index: number, first: readonly string[], second: readonly string[], third?: readonly string[]): string {
  const a = first[index % first.length];
  const rest = Math.floor(index / first.length);
  const b = second[rest % second.length];
  if (!third) return a + b;
  return a + b + third[Math.floor(rest / second.length) % third.length];
}

interface Official {
  name: string;
  /** The titles as printed before the name, in order. */
  titles: string[];
}

function officialAt(index: number): Official {
  const name = twoPart(index, SURNAMES, OFFICIAL_GIVEN, index % 3 === 0 ? undefined : OFFICIAL_GIVEN);
  const place = PLACE_STEMS[(index * 7) % PLACE_STEMS.length];
  const forms: string[][] = [
    [`${place}市委书记`],
    [`${place}市委副书记`, '市长'],
    ['副市长'],
    [`${place}县委书记`],
    [`${place}区管委会主任`],
    [`${place}市委常委`, '秘书长'],
  ];
  return { name, titles: forms[index % forms.length] };
}

function reporterAt(index: number): string {
  return twoPart(index, SURNAMES.slice(30), REPORTER_GIVEN, REPORTER_GIVEN);
}

function projectAt(index: number): string {
  const place = PLACE_STEMS[index % PLACE_STEMS.length];
  const rest = Math.floor(index / PLACE_STEMS.length);
  if (rest % 4 === 3) return `${place}年产${(rest % 9) + 1}万套${PRODUCTS[rest % PRODUCTS.length]}项目`;
  return `${place}${PROJECT_CORES[rest % PROJECT_CORES.length]}项目`;
}

function platformAt(index: number): { name: string; kind: string; host: string } {
  const host = `${PLACE_STEMS[index % PLACE_STEMS.length]}${HOST_TYPES[Math.floor(index / PLACE_STEMS.length) % HOST_TYPES.length]}`;
  const kind = PLATFORM_KINDS[Math.floor(index / (PLACE_STEMS.length * HOST_TYPES.length)) % PLATFORM_KINDS.length];
  return { name: `${host}${kind}`, kind, host };
}

const OFFICIAL_POPULATION = 4000;
const PROJECT_POPULATION = PLACE_STEMS.length * PROJECT_CORES.length * 4;
const PLATFORM_POPULATION = PLACE_STEMS.length * HOST_TYPES.length * PLATFORM_KINDS.length;
const drawOfficial = zipf(OFFICIAL_POPULATION, 1.05);
const drawProject = zipf(PROJECT_POPULATION, 0.9);
const drawPlatform = zipf(PLATFORM_POPULATION, 0.9);

const CLOSING_MARK = /[，。、；：！？）”]/u;

/** Sets text in a column of `width` characters; sometimes a column break falls inside the paragraph. */
function setInColumn(random: Random, text: string, width: number, columnBreak = true): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let start = 0; start < chars.length; ) {
    let end = Math.min(chars.length, start + width);
    // No line starts with a closing mark: typesetters squeeze it onto the line above.
    while (end < chars.length && CLOSING_MARK.test(chars[end])) end += 1;
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  // A column break inside a sentence, with two lines or more on either side: shorter scraps read
  // as headlines or stray text to anyone, the importer included.
  const breakable = lines
    .map((line, at) => ({ line, at }))
    .filter(({ line, at }) => at >= 1 && at <= lines.length - 3 && !/[。！？”]$/u.test(line));
  if (columnBreak && breakable.length > 0 && random() < 0.3) lines.splice(pick(random, breakable).at + 1, 0, '');
  return lines;
}

interface ArticleDraft {
  paragraphs: string[];
  expected: ExpectedArticle;
}

function articleContent(random: Random, dateline: string, place: string, theme: string): ArticleDraft {
  const officials: Record<string, string[]> = {};
  const projects: Record<string, ProjectStage> = {};
  const researchPlatforms: ExpectedArticle['researchPlatforms'] = [];
  const paragraphs: string[] = [];

  const projectCount = between(random, 0, 3);
  const clauses: string[] = [];
  for (let n = 0; n < projectCount; n += 1) {
    const name = projectAt(drawProject(random));
    if (projects[name]) continue;
    const stage = pick(random, ['groundbreaking', 'in_production', 'signed'] as const);
    projects[name] = stage;
    clauses.push(`${name}${pick(random, STAGE_VERBS[stage])}`);
  }
  paragraphs.push(
    clauses.length > 0
      ? `${dateline}，${place}举行重点${pick(random, EVENTS)}，${theme}。当天，${clauses.join('，')}。`
      : `${dateline}，${place}举行${pick(random, EVENTS)}，${theme}，各方代表齐聚一堂，共商发展大计。`,
  );

  const officialCount = between(random, 0, 3);
  for (let n = 0; n < officialCount; n += 1) {
    const official = officialAt(drawOfficial(random));
    if (officials[official.name]) continue;
    officials[official.name] = official.titles;
    paragraphs.push(`${official.titles.join('、')}${official.name}出席${pick(random, EVENTS)}。`);
  }

  if (random() < 0.25) {
    const platform = platformAt(drawPlatform(random));
    researchPlatforms.push(platform);
    paragraphs.push(`据悉，依托${platform.host}建设的省${platform.kind}日前通过认定，将为产业发展提供技术支撑。`);
  }
  paragraphs.push('下一步，当地将持续优化服务，推动各项工作落实落细，为高质量发展注入新的活力。');
  return { paragraphs, expected: { title: '', dateline, credits: [], officials, projects, researchPlatforms } };
}

type CreditForm = 'tag' | 'tag-with-correspondent' | 'credit-line' | 'end-credit';

function monthDay(date: Date): string {
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** One article's lines; the headline goes before the body, or after it for `headlineAfter`. */
function articleLines(random: Random, issueDate: Date, position: number, headlineAfter: boolean, width: number): { lines: string[]; expected: ExpectedArticle } {
  // Neighbours never share a place or a theme, as a page's neighbouring stories rarely do.
  const place = PLACE_STEMS[(position * 5 + between(random, 0, 4)) % PLACE_STEMS.length];
  const theme = HEADLINE_THEMES[position % HEADLINE_THEMES.length];
  const eventDay = new Date(issueDate.getTime() - 86_400_000);
  const draft = articleContent(random, monthDay(eventDay), `${place}市`, theme);
  const title = `${place}${theme}`;
  const reporter = reporterAt(between(random, 0, 59));
  const form = pick(random, ['tag', 'tag-with-correspondent', 'credit-line', 'end-credit'] as const satisfies readonly CreditForm[]);

  const credits: ExpectedArticle['credits'] = [{ name: reporter, role: 'reporter' }];
  const [lead, ...rest] = draft.paragraphs;
  let opening: string[];
  let closing: string[] = [];
  if (form === 'tag') opening = setInColumn(random, `本报讯（记者 ${reporter}）${lead}`, width);
  else if (form === 'tag-with-correspondent') {
    const correspondent = reporterAt(between(random, 60, 119));
    credits.push({ name: correspondent, role: 'correspondent' });
    opening = setInColumn(random, `本报讯（记者 ${reporter} 通讯员 ${correspondent}）${lead}`, width);
  } else if (form === 'credit-line') {
    opening = [`■本报记者 ${reporter}`, ...setInColumn(random, `本报${place}讯 ${lead}`, width)];
  } else {
    // Only its layout tells where an article without a source tag begins: its lead stays in one column.
    opening = setInColumn(random, lead, width, false);
    closing = [`（记者 ${reporter}）`];
  }

  const body = [opening, ...rest.map((paragraph) => setInColumn(random, paragraph, width))];
  const bodyLines = body.flatMap((paragraph, at) => (at === 0 ? paragraph : ['', ...paragraph]));
  if (closing.length > 0) bodyLines[bodyLines.length - 1] += closing[0];
  const headline = [title];
  const lines = headlineAfter ? [...bodyLines, '', ...headline] : [...headline, '', ...bodyLines];
  return { lines, expected: { ...draft.expected, title, credits } };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Page `index` (0-based) of the corpus: eight pages an issue, one issue a day from 2024-01-02. */
export function generatePage(seed: number, index: number): GeneratedPage {
  const random = seededRandom(seed * 1_000_003 + index);
  const issueDate = new Date(Date.UTC(2024, 0, 2) + Math.floor(index / 8) * 86_400_000);
  const page = `A${String((index % 8) + 1).padStart(2, '0')}`;
  const width = between(random, 10, 13);
  const lines = [`${page} ${pick(random, SECTIONS)} ${issueDate.getUTCFullYear()}年${monthDay(issueDate)} 星期${'日一二三四五六'[issueDate.getUTCDay()]} 责编 ${reporterAt(200 + (index % 7))}`, ''];
  const articles: ExpectedArticle[] = [];
  const count = between(random, 3, 6);
  for (let n = 0; n < count; n += 1) {
    // A headline printed under its article's body is followed by the next article's credit.
    const headlineAfter = n === 0 && count > 1 && random() < 0.3;
    const article = articleLines(random, issueDate, n, headlineAfter, width);
    lines.push(...article.lines, '');
    articles.push(article.expected);
  }
  return { fileName: `page-s${seed}-${String(index + 1).padStart(5, '0')}.txt`, issueDate: isoDate(issueDate), page, text: `${lines.join('\n')}\n`, articles };
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** What `seed` expected of its pages in `folder`, one JSON line per page. */
export function expectedFile(folder: string, seed: number): string {
  return path.join(folder, `expected-s${seed}.jsonl`);
}

/**
 * Writes pages 0…count-1 one at a time and returns their paths. The folder's manifest keeps the
 * entries of pages it already had (another seed's), so both archives import with their dates.
 */
export async function writeCorpus(folder: string, count: number, seed = 1): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const manifestFile = path.join(folder, 'manifest.json');
  const earlier = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>) : {};
  const manifest = createWriteStream(manifestFile);
  const expected = createWriteStream(expectedFile(folder, seed));
  const files: string[] = [];
  const entries: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const page = generatePage(seed, index);
    const file = path.join(folder, page.fileName);
    const pageStream = createWriteStream(file);
    await write(pageStream, page.text);
    await close(pageStream);
    files.push(file);
    delete earlier[page.fileName];
    entries.push(`${JSON.stringify(page.fileName)}: ${JSON.stringify({ issueDate: page.issueDate, page: page.page })}`);
    await write(expected, `${JSON.stringify({ fileName: page.fileName, articles: page.articles })}\n`);
  }
  const kept = Object.entries(earlier).map(([fileName, entry]) => `${JSON.stringify(fileName)}: ${JSON.stringify(entry)}`);
  await write(manifest, `{\n${[...kept, ...entries].join(',\n')}\n}\n`);
  await Promise.all([close(manifest), close(expected)]);
  return files;
}

if (require.main === module) {
  const [folder, pages, seed] = process.argv.slice(2);
  const count = Number(pages);
  if (!folder || !Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: npx tsx bench/corpus.ts <folder> <pages> [seed]\n');
    process.exit(2);
  }
  writeCorpus(folder, count, seed === undefined ? 1 : Number(seed)).then(
    () => process.stdout.write(`${count} pages in ${folder}\n`),
    (error) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
