import { extractPage } from '../../../src/importer/extract';
import { withoutConfidences } from '../../helpers/extraction';

/** Whole small pages through the whole pipeline: the rules must hold together, not only alone. */
function extractWithWarnings(text: string, issueDate: string | null = null) {
  return extractPage({ file: 'page.txt', bytes: Buffer.from(text, 'utf8') }, { issueDate });
}

/** The articles, without confidences: what these pages test is what is found (confidence is tested apart). */
function extract(text: string) {
  return withoutConfidences(extractWithWarnings(text).extraction.articles);
}

describe('a page through the whole pipeline', () => {
  it('rejoins a quoted platform name broken by a column break', () => {
    const [article] = extract(
      [
        '本报讯（正观新闻·郑州晚报记者 何',
        '静）3月2日，依托河南农业大学',
        '建设的“河南省小麦种质',
        '',
        '资源重点实验室”通过验',
        '收，将开展育种研究。',
      ].join('\n'),
    );
    expect(article.paragraphs).toEqual([
      '3月2日，依托河南农业大学建设的“河南省小麦种质资源重点实验室”通过验收，将开展育种研究。',
    ]);
    expect(article.researchPlatforms).toEqual([
      { name: '河南省小麦种质资源重点实验室', nameGenerated: false, kind: '重点实验室', host: '河南农业大学' },
    ]);
    expect(article.reporters).toEqual(['何静']);
  });

  it('gives each person separated by ， their own titles, and keeps reporters out', () => {
    const [article] = extract(
      [
        '本报讯（正观新闻·郑州晚报记者 周',
        '立）3月3日，市委书记高志远，',
        '市长钟华，市委副书记、政法委',
        '书记唐云峰出席活动。记者周立',
        '在现场看到，活动秩序井然。',
      ].join('\n'),
    );
    expect(article.officials).toEqual([
      { name: '高志远', titles: ['市委书记'] },
      { name: '钟华', titles: ['市长'] },
      { name: '唐云峰', titles: ['市委副书记', '政法委书记'] },
    ]);
  });

  it('attaches a headline printed after the body to the article it describes, not to the next one', () => {
    const articles = extract(
      [
        '本报讯（记者 马良）3月4日，全市',
        '春季植树活动在黄河岸边举行，',
        '市民栽下树苗2000株。',
        '',
        '黄河岸边春季植树活动举行',
        '',
        '本报讯（记者 牛犇）3月4日，市',
        '图书馆新馆开放，首日接待读者',
        '5000人次。',
      ].join('\n'),
    );
    expect(articles.map((article) => [article.title, article.titleGenerated])).toEqual([
      ['黄河岸边春季植树活动举行', false],
      [expect.stringContaining('图书馆新馆开放'), true],
    ]);
  });

  it('leaves text continued from another page (上接A01版) to editors, never part of the article before it', () => {
    const { extraction, warnings } = extractWithWarnings(
      [
        '本报讯（记者 马良）3月4日，全市',
        '春季植树活动在黄河岸边举行，',
        '市民栽下树苗2000株。',
        '',
        '（上接A01版）',
        '项目建设工作推进会要求，各区',
        '要压实责任，确保一季度开门红。',
        '',
        '本报讯（记者 牛犇）3月4日，市',
        '图书馆新馆开放。',
      ].join('\n'),
    );
    expect(extraction.articles.map((article) => article.paragraphs)).toEqual([
      ['3月4日，全市春季植树活动在黄河岸边举行，市民栽下树苗2000株。'],
      ['3月4日，市图书馆新馆开放。'],
    ]);
    expect(extraction.articles[0]!.lines).toEqual({ first: 1, last: 3 });
    const continuation = 'continued from page A01: the rest of an article printed there, to be joined to it';
    expect(extraction.unassigned).toEqual([{ lines: { first: 5, last: 7 }, text: expect.stringContaining('（上接A01版）'), reason: continuation }]);
    expect(warnings).toEqual([`page.txt:5: lines 5-7 ${continuation}`]);
  });

  it('finds articles without a source tag by their headlines, datelines and end credits, each with its own credit', () => {
    const { extraction } = extractWithWarnings(
      [
        '街巷夜市开街', // 1
        '', //
        '6月8日晚，二七区一条街巷', // 3
        '夜市开街，市民前来品尝小吃。', //
        '记者 苗一禾 文/图', // 5
        '', //
        '雨后彩虹挂城东', // 7
        '', //
        '6月8日下午，一场阵雨过后，城', // 9
        '东上空出现一道彩虹。（席', //
        ' 洋）', // 11
        '', //
        '乡村夜校开课', // 13
        '', //
        '近日，登封市一个山村的夜校开', // 15
        '课。（特约记者 简宁 通讯员 冼文）', //
      ].join('\n'),
      '2023-06-09',
    );
    expect(
      extraction.articles.map(({ title, lines, credits, reporters, dateline, eventDate, reviewFlags }) => ({
        title,
        lines,
        credits: withoutConfidences(credits),
        reporters,
        dateline,
        eventDate,
        reviewFlags,
      })),
    ).toEqual([
      {
        title: '街巷夜市开街',
        lines: { first: 1, last: 5 },
        credits: [{ name: '苗一禾', role: 'reporter', printedRole: '记者 文/图' }],
        reporters: ['苗一禾'],
        dateline: '6月8日',
        eventDate: '2023-06-08',
        reviewFlags: [],
      },
      {
        title: '雨后彩虹挂城东',
        lines: { first: 7, last: 11 },
        // Names printed without a role word are the article's writers.
        credits: [{ name: '席洋', role: 'reporter', printedRole: '署名' }],
        reporters: ['席洋'],
        dateline: '6月8日',
        eventDate: '2023-06-08',
        reviewFlags: [],
      },
      {
        title: '乡村夜校开课',
        lines: { first: 13, last: 16 },
        credits: [
          { name: '简宁', role: 'reporter', printedRole: '特约记者' },
          { name: '冼文', role: 'correspondent', printedRole: '通讯员' },
        ],
        reporters: ['简宁'],
        dateline: null,
        eventDate: null,
        reviewFlags: [],
      },
    ]);
  });

  it('reads a credit line above an unbracketed source tag', () => {
    const [article] = extract(['□晚报记者 谢子航 通讯员 屈静', '本报经开区讯 前日，经开区首座', '加氢站建成投用。'].join('\n'));
    expect(article).toMatchObject({
      sourceTag: '本报经开区讯',
      outlet: '晚报',
      reporters: ['谢子航'],
      credits: [
        { name: '谢子航', role: 'reporter', printedRole: '记者' },
        { name: '屈静', role: 'correspondent', printedRole: '通讯员' },
      ],
      dateline: '前日',
      paragraphs: ['前日，经开区首座加氢站建成投用。'],
    });
  });

  it('imports an article whose credit it cannot read, flagged, and the rest of the page with it', () => {
    const { extraction } = extractWithWarnings(
      [
        '本报讯（本报融媒体报道组）7月19日，全市防汛',
        '应急演练举行。',
        '',
        '本报讯（记者 谢安然）7月19日，夜间',
        '经济地图上线。',
      ].join('\n'),
    );
    expect(extraction.articles.map((article) => [article.credits.length, article.reviewFlags.map((flag) => flag.code)])).toEqual([
      [0, ['unknown-credit']],
      [1, []],
    ]);
    expect(extraction.articles[0].reviewFlags[0]).toEqual({
      code: 'unknown-credit',
      message: 'credit not understood: 本报融媒体报道组',
      line: 1,
    });
  });

  it('flags prose that only the layout separates from the article before it', () => {
    const { extraction } = extractWithWarnings(
      ['6月8日，夜市开街。（记者 苗一禾）', '', '市气象台提醒，本周后期将有一次降温过程，市民出行注意添衣保暖。'].join('\n'),
    );
    expect(extraction.articles[1].reviewFlags.map((flag) => flag.code)).toEqual(['no-credit', 'boundary-inferred']);
  });

  it('keeps subheadings as paragraphs of their own, and takes a wire story’s dateline from its tag', () => {
    const { extraction } = extractWithWarnings(
      [
        '新华社北京8月15日电（记者 赫连雪）走进', // 1
        '老街区，新开了书店。', //
        '', //
        '老厂房变身文创园', // 4
        '', //
        '在街区东侧，一座厂房改造', // 6
        '为文创园区。', //
      ].join('\n'),
      '2023-08-16',
    );
    expect(extraction.articles[0]).toMatchObject({
      paragraphs: ['走进老街区，新开了书店。', '老厂房变身文创园', '在街区东侧，一座厂房改造为文创园区。'],
      dateline: '8月15日',
      eventDate: '2023-08-15',
    });
  });

  it('reads a line that fills the column before a column break as running on, not as a subheading', () => {
    const { extraction } = extractWithWarnings(
      [
        '本报讯（记者 赫连雪）日前，', // 1
        '省科技厅公布新一批重点实验', //
        '室名单，15家实验室入选。', //
        '', //
        '河南省科技厅副厅长贾明川表', // 5
        '', //
        '示，将给予每家实验室经费支', // 7
        '持。', //
      ].join('\n'),
    );
    expect(extraction.articles[0].paragraphs).toEqual([
      '日前，省科技厅公布新一批重点实验室名单，15家实验室入选。',
      '河南省科技厅副厅长贾明川表示，将给予每家实验室经费支持。',
    ]);
    expect(withoutConfidences(extraction.articles[0]!.officials)).toEqual([{ name: '贾明川', titles: ['河南省科技厅副厅长'] }]);
  });
});
