import { extractPage } from '../../../src/importer/extract';

/** Whole small pages through the whole pipeline: the rules must hold together, not only alone. */
function extractWithWarnings(text: string) {
  return extractPage({ file: 'page.txt', bytes: Buffer.from(text, 'utf8') });
}

function extract(text: string) {
  return extractWithWarnings(text).extraction.articles;
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
    expect(article.paragraphs).toEqual(['3月2日，依托河南农业大学建设的“河南省小麦种质资源重点实验室”通过验收，将开展育种研究。']);
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

  it('does not glue text continued from another page (上接A01版) onto the article before it', () => {
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
    expect(extraction.articles[0].lines).toEqual({ first: 1, last: 3 });
    expect(warnings).toEqual(['page.txt:6: lines 6-7 continue an article from another page and belong to no article here']);
  });
});
