import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractionSchema } from '../../../src/importer/extraction-schema';
import { PageError } from '../../../src/importer/errors';
import { extractPage, readPage, type PageExtraction } from '../../../src/importer/extract';
import { fixturePath, readFixture, SAMPLE_PATH } from './pages';

function pageError(run: () => unknown): PageError {
  try {
    run();
  } catch (error) {
    if (error instanceof PageError) return error;
    throw error;
  }
  throw new Error('expected a PageError');
}

function withoutHash(result: PageExtraction): unknown {
  const { extraction, warnings, rawText } = result;
  return { articles: extraction.articles, file: extraction.source.file, warnings, rawText };
}

describe('extractPage on the sample page', () => {
  const bytes = readFileSync(SAMPLE_PATH);
  const result = extractPage({ file: SAMPLE_PATH, bytes });
  const [first, second, third] = result.extraction.articles;

  it('finds three articles and satisfies the contract', () => {
    expect(result.extraction.articles).toHaveLength(3);
    expect(() => ExtractionSchema.parse(result.extraction)).not.toThrow();
    expect(result.warnings).toEqual([]);
  });

  it('names the source by base name and hashes the raw bytes', () => {
    expect(result.extraction.source.file).toBe('000_c63cc6bb5a561820.txt');
    expect(result.extraction.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the headline printed after article 1 to article 1', () => {
    expect(first).toMatchObject({
      title: '全省第七期“三个一批”项目建设郑州分会场活动举行',
      subtitle: '务必确保实现“开门红”“全年红”',
      titleGenerated: false,
      outlet: '正观新闻·郑州晚报',
      reporters: ['陈锋', '孙亚文'],
      dateline: '1月28日',
      continuedOn: 'A04',
      lines: { first: 1, last: 117 },
    });
  });

  it('joins article 1 paragraphs across line and column breaks', () => {
    expect(first.paragraphs[0].startsWith('开局即决战、起步即冲刺。1月28日上午，春节后第一个工作日，')).toBe(true);
    expect(first.paragraphs[0]).toContain('项目138个');
    expect(first.paragraphs.some((paragraph) => paragraph.includes('安图生物体外诊断产业园（一期）生产线'))).toBe(true);
    expect(first.paragraphs.some((paragraph) => paragraph.includes('更多报道'))).toBe(false);
    expect(first.paragraphs.every((paragraph) => !/\s/.test(paragraph))).toBe(true);
  });

  it('derives a title for article 2, which has no printed headline', () => {
    expect(second).toMatchObject({
      title: '市政府召开第一次全体（扩大）会议',
      subtitle: null,
      titleGenerated: true,
      reporters: ['王际宾', '翟宝宽'],
      dateline: '1月28日',
      continuedOn: null,
      lines: { first: 119, last: 205 },
    });
  });

  it('derives article 3 title without dateline and attribution', () => {
    expect(third).toMatchObject({
      title: '我省新批准建设了5家省野外科学观测研究站和4家省应用数学中心',
      titleGenerated: true,
      outlet: '正观新闻·郑州晚报',
      reporters: ['李娜'],
      dateline: '1月28日',
      lines: { first: 207, last: 273 },
    });
    expect(third.paragraphs[0].startsWith('1月28日，记者从省科技厅获悉，')).toBe(true);
  });

  it('gives distinct, stable keys', () => {
    const keys = result.extraction.articles.map((article) => article.key);
    expect(new Set(keys).size).toBe(3);
    expect(extractPage({ file: 'copy.txt', bytes }).extraction.articles.map((article) => article.key)).toEqual(keys);
  });

  it('returns each article as printed, lines first to last', () => {
    const lines = bytes.toString('utf8').split('\n');
    expect(result.rawText[first.key]).toBe(lines.slice(0, 117).join('\n'));
    expect(result.rawText[third.key].split('\n')).toHaveLength(67);
  });

  describe('in other encodings and line endings', () => {
    let directory: string;
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'extract-'));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    function extractVariant(name: string, variant: Buffer): PageExtraction {
      const path = join(directory, '000_c63cc6bb5a561820.txt');
      writeFileSync(path, variant);
      const extracted = extractPage(readPage(path));
      expect(extracted.extraction.source.sha256).not.toBe(result.extraction.source.sha256);
      return extracted;
    }

    it('yields the same extraction from GB18030 bytes', () => {
      const gb18030 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', SAMPLE_PATH]);
      expect(withoutHash(extractVariant('gb18030', gb18030))).toEqual(withoutHash(result));
    });

    it('yields the same extraction with a BOM and CRLF line endings', () => {
      const crlf = Buffer.from(`\ufeff${bytes.toString('utf8').replace(/\n/g, '\r\n')}`, 'utf8');
      expect(withoutHash(extractVariant('crlf', crlf))).toEqual(withoutHash(result));
    });
  });
});

describe('extractPage on pages where position misleads', () => {
  it('attaches a headline printed after its body to the article before it', () => {
    const result = extractPage({ file: 'headline-after-body.txt', bytes: readFixture('headline-after-body.txt') });
    const [planting, buses] = result.extraction.articles;
    expect(planting).toMatchObject({
      title: '春季植树活动启动',
      subtitle: '全市栽种苗木1200株',
      titleGenerated: false,
      outlet: '大河报',
      reporters: ['张明'],
      credits: [
        { name: '张明', role: 'reporter', printedRole: '记者' },
        { name: '王小红', role: 'correspondent', printedRole: '通讯员' },
      ],
      // Printed with full-width digits, kept as printed.
      dateline: '３月15日',
      continuedOn: 'A06',
      lines: { first: 1, last: 15 },
      paragraphs: [
        '３月15日上午，市园林局启动春季植树活动，全市共栽种苗木１２００株。',
        '活动现场，志愿者分组栽种银杏和红叶石楠，并为新栽树木挂上养护标签。',
      ],
    });
    expect(buses).toMatchObject({ titleGenerated: true, reporters: ['刘洋'], lines: { first: 17, last: 21 } });
    expect(buses.title.startsWith('本市新开通3条公交线路')).toBe(true);
  });

  it('attaches headlines printed before their bodies to the article after them', () => {
    const result = extractPage({ file: 'headline-before-body.txt', bytes: readFixture('headline-before-body.txt') });
    const [parking, canteen] = result.extraction.articles;
    expect(parking).toMatchObject({
      title: '城区新建停车场投用',
      subtitle: '新增停车位800个',
      outlet: '郑州日报',
      reporters: ['赵雪'],
      // 近日 dates nothing: no dateline.
      dateline: null,
      eventDate: null,
      // Line 8, 上接A01版, opens text from another page: it is not part of this article.
      lines: { first: 1, last: 7 },
    });
    expect(parking.paragraphs.join('')).not.toContain('上接');
    expect(canteen).toMatchObject({
      title: '社区食堂开门迎客',
      titleGenerated: false,
      outlet: null,
      reporters: ['孙悦'],
      credits: [
        { name: '孙悦', role: 'reporter', printedRole: '记者' },
        { name: '周一鸣', role: 'intern', printedRole: '实习生' },
      ],
      lines: { first: 10, last: 17 },
    });
    expect(result.warnings).toEqual([
      'headline-before-body.txt:8: lines 8-8 continued from page A01: the rest of an article printed there, to be joined to it',
    ]);
  });
});

describe('extractPage on a Big5 page', () => {
  it('decodes traditional characters and reads the page as its UTF-8 copy', () => {
    const utf8 = readFixture('traditional.txt');
    const big5 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5', fixturePath('traditional.txt')]);
    expect(big5.equals(utf8)).toBe(false);
    const fromBig5 = extractPage({ file: 'traditional.txt', bytes: big5 }, { issueDate: '2023-11-02' });
    const fromUtf8 = extractPage({ file: 'traditional.txt', bytes: utf8 }, { issueDate: '2023-11-02' });
    expect(withoutHash(fromBig5)).toEqual(withoutHash(fromUtf8));
    expect(fromBig5.extraction.articles.map((article) => article.credits[0]?.name)).toEqual(['陳明遠', '林芳華']);
  });
});

describe('extractPage warnings and errors', () => {
  it('warns about text before the first byline that is no headline', () => {
    const result = extractPage({ file: 'stray-text.txt', bytes: readFixture('stray-text.txt') });
    expect(result.warnings).toEqual([expect.stringMatching(/^stray-text\.txt:1: lines 1-1 /)]);
    expect(result.extraction.articles[0]).toMatchObject({
      title: '市图书馆新馆开放，首日接待读者5000人次',
      lines: { first: 3, last: 5 },
    });
  });

  it('reports a page without any article as unassigned text instead of rejecting it', () => {
    const { extraction, warnings } = extractPage({ file: 'no-byline.txt', bytes: readFixture('no-byline.txt') });
    expect(extraction.articles).toEqual([]);
    expect(extraction.unassigned).toEqual([
      {
        lines: { first: 2, last: 3 },
        text: '本页为广告版，\n没有新闻稿件。',
        reason: 'too short to be an article and without headline or credit',
      },
    ]);
    expect(warnings).toEqual(['no-byline.txt:2: lines 2-3 too short to be an article and without headline or credit']);
  });

  it('reports a byline without body text as unassigned', () => {
    const { extraction } = extractPage({ file: 'bare.txt', bytes: Buffer.from('\n本报讯（记者 高山）\n') });
    expect(extraction.articles).toEqual([]);
    expect(extraction.unassigned).toEqual([
      { lines: { first: 2, last: 2 }, text: '本报讯（记者 高山）', reason: 'a credit or page pointer with no article text' },
    ]);
  });

  it.each([
    ['empty', Buffer.alloc(0), /^bad\.txt:1: empty file/],
    ['binary', Buffer.from([0xe6, 0x9c, 0xac, 0x0a, 0x0a, 0x00, 0x01, 0x02]), /^bad\.txt:3: binary data/],
    ['undecodable', Buffer.from([0x0a, 0xff, 0xfe, 0xfd, 0x0a]), /^bad\.txt:2: undecodable/],
  ])('reports an %s file with file and line', (_, bytes, message) => {
    expect(pageError(() => extractPage({ file: 'bad.txt', bytes })).toString()).toMatch(message);
  });
});

describe('readPage', () => {
  it('reads a page file', () => {
    expect(readPage(fixturePath('stray-text.txt')).bytes.length).toBeGreaterThan(0);
  });

  it('rejects a missing file and a directory', () => {
    expect(pageError(() => readPage('missing/page.txt')).toString()).toBe('missing/page.txt: file not found');
    expect(pageError(() => readPage(tmpdir())).message).toMatch(/directory/);
  });
});
