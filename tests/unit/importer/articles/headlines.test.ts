import { assignHeadlines } from '../../../../src/importer/articles/3-headlines';
import {
  headlineMatchScore,
  headlineShape,
  headlineText,
  isHeadlineShaped,
  toHeadline,
  type Headline,
} from '../../../../src/importer/articles/headlines';
import { splitLines } from '../../../../src/importer/layout/lines';

function headline(title: string, subtitle: string | null = null): Headline {
  return { kicker: null, title, subtitle, lines: { first: 1, last: 1 }, matching: [title, ...(subtitle ? [subtitle] : [])] };
}

describe('isHeadlineShaped', () => {
  it('accepts up to three short lines without sentence punctuation, quotes allowed', () => {
    expect(isHeadlineShaped(splitLines('全市“三个一批”项目集中开工\n 务必确保实现“开门红”'))).toBe(true);
    expect(headlineShape(splitLines('稳中求进\n 全市项目集中开工\n 总投资86亿元'))).toBe('clean');
  });

  it('tells a headline holding commas, which a scrap of text may also be, from a clean one', () => {
    expect(headlineShape(splitLines('十个项目集中签约，总投资86亿元'))).toBe('punctuated');
    expect(headlineShape(splitLines('甲、乙两区同步开工'))).toBe('punctuated');
  });

  it.each([
    ['a sentence end', '会议强调要抓落实。'],
    ['a clause that goes on', '会议强调，要抓落实，'],
    ['four lines', '甲\n乙\n丙\n丁'],
    ['a long line', '很'.repeat(41)],
    ['a continuation', '（下转A04版）'],
  ])('rejects %s', (_, text) => {
    expect(isHeadlineShaped(splitLines(text))).toBe(false);
  });
});

describe('toHeadline', () => {
  it('reads the second line as the deck, without indentation or dashes', () => {
    expect(toHeadline(splitLines('城区新建停车场投用\n ——新增停车位 800个'))).toEqual({
      kicker: null,
      title: '城区新建停车场投用',
      subtitle: '新增停车位800个',
      lines: { first: 1, last: 2 },
      matching: ['城区新建停车场投用', '——新增停车位800个'],
    });
  });

  it('reads three lines as kicker, title and deck, each as printed', () => {
    expect(toHeadline(splitLines('穩中求進\n 城區新建停車場投用\n 新增停車位８００個'))).toMatchObject({
      kicker: '穩中求進',
      title: '城區新建停車場投用',
      subtitle: '新增停車位８００個',
      matching: ['稳中求进', '城区新建停车场投用', '新增停车位800个'],
    });
  });

  it('keeps the space that separates the two parts of a headline, not the spaces of the layout', () => {
    expect(headlineText(' 老人迷路  民警护送回家 ')).toBe('老人迷路 民警护送回家');
    expect(headlineText('物流招商签约 138 亿元')).toBe('物流招商签约138亿元');
  });
});

describe('headlineMatchScore', () => {
  it('is the weighted share of headline phrases found in the article, in [0, 1]', () => {
    expect(headlineMatchScore(headline('春季植树'), '今天开展春季植树活动。')).toBe(1);
    expect(headlineMatchScore(headline('春季植树'), '公交线路开通。')).toBe(0);
  });

  it('does not favour a long article for repeating a shared word', () => {
    const title = headline('公交线路开通', '方便市民出行');
    const focused = '三条公交线路开通，方便市民出行。';
    const long = `${'市民'.repeat(200)}${'公交'.repeat(200)}`;
    expect(headlineMatchScore(title, focused)).toBeGreaterThan(headlineMatchScore(title, long));
  });
});

describe('assignHeadlines', () => {
  const planting = '市园林局启动春季植树活动，全市共栽种苗木1200株。';
  const buses = '本市新开通3条公交线路，方便市民前往全市各公园参加春季活动。';

  it('gives a headline after a body to the article before it when that matches better', () => {
    const result = assignHeadlines(
      [{ headline: headline('春季植树活动启动', '全市栽种苗木'), before: 0, after: 1 }],
      [planting, buses],
    );
    expect([...result.byArticle.keys()]).toEqual([0]);
  });

  it('gives a headline before a body to the article after it when that matches better', () => {
    const result = assignHeadlines([{ headline: headline('三条公交线路开通'), before: 0, after: 1 }], [planting, buses]);
    expect([...result.byArticle.keys()]).toEqual([1]);
  });

  it('breaks ties in favour of the following article', () => {
    const result = assignHeadlines([{ headline: headline('全市春季'), before: 0, after: 1 }], [planting, buses]);
    expect([...result.byArticle.keys()]).toEqual([1]);
  });

  it('lets the better match win a contested article; the loser falls back to its other neighbour', () => {
    const weaker = headline('园林局启动植树');
    const stronger = headline('园林局启动春季植树活动');
    const result = assignHeadlines(
      [
        { headline: weaker, before: 0, after: 1 },
        { headline: stronger, before: 0, after: 1 },
      ],
      ['市园林局启动春季植树活动。', '市园林局发布通知。'],
    );
    expect(result.byArticle.get(0)).toBe(stronger);
    expect(result.byArticle.get(1)).toBe(weaker);
    expect(result.unassigned).toEqual([]);
  });

  it('leaves a headline that matches no neighbour unassigned', () => {
    const header = headline('A03 要闻 2023年1月29日');
    const result = assignHeadlines([{ headline: header, before: null, after: 0 }], ['4月2日，市图书馆新馆开放。']);
    expect(result.byArticle.size).toBe(0);
    expect(result.unassigned).toEqual([header]);
  });

  it('gives a headline sharing few words with either neighbour to the article printed right under it', () => {
    const evening = headline('乡村夜校办到家门口');
    const result = assignHeadlines(
      [{ headline: evening, before: 0, after: 1, adjacent: true }],
      [planting, '村里的夜校开课，农技人员授课。'],
    );
    expect(result.byArticle.get(1)).toBe(evening);
  });
});
