import type { ArticleExtraction, Extraction } from '../../../src/importer/extraction-schema';
import type { GoldArticle, GoldPage } from '../../../src/eval/gold';
import { GoldPageSchema } from '../../../src/eval/gold';
import { creditOf, officialMention, extractedArticle, extractionOf } from '../../helpers/extraction';
import { calibrate, compareBags, matchArticles, rates, scorePage, sumCounts } from '../../../src/eval/score';

function goldArticle(first: number, last: number, overrides: Partial<GoldArticle> = {}): GoldArticle {
  return GoldPageSchema.parse({
    issueDate: null,
    articles: [
      {
        lines: [first, last],
        headline: null,
        sourceTag: '本报讯',
        outlet: null,
        credits: ['高山:reporter'],
        dateline: null,
        eventDate: null,
        paragraphs: ['正文第一段。'],
        ...overrides,
      },
    ],
  }).articles[0];
}

function predicted(first: number, last: number, overrides: Partial<ArticleExtraction> = {}): ArticleExtraction {
  return extractedArticle({
    key: `a-${first}`,
    title: '正文第一段',
    titleGenerated: true,
    reporters: ['高山'],
    credits: [creditOf('高山', 'reporter', '记者')],
    paragraphs: ['正文第一段。'],
    lines: { first, last },
    ...overrides,
  });
}

const extraction = (articles: ArticleExtraction[], unassigned: Extraction['unassigned'] = []): Extraction =>
  extractionOf(articles, { unassigned });

const page = (articles: GoldArticle[], unassigned: GoldPage['unassigned'] = []): GoldPage => ({
  issueDate: null,
  articles,
  unassigned,
});

describe('compareBags', () => {
  it('counts repeated items as often as they occur', () => {
    expect(compareBags(['甲', '甲', '乙'], ['甲', '丙'])).toEqual({
      tp: 1,
      fp: 1,
      fn: 2,
      missing: ['甲', '乙'],
      extra: ['丙'],
    });
  });
});

describe('matchArticles', () => {
  it('pairs articles by shared lines, best overlap first, needing most of the gold article', () => {
    const gold = [goldArticle(1, 10), goldArticle(11, 20)];
    expect(matchArticles(gold, [predicted(1, 18), predicted(19, 20)])).toEqual([[0, 0]]);
    expect(matchArticles(gold, [predicted(2, 10), predicted(11, 21)])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('scorePage', () => {
  it('is perfect when the extraction says what the gold says', () => {
    const { counts, differences } = scorePage(page([goldArticle(1, 5)]), extraction([predicted(1, 5)]));
    expect(sumCounts(counts)).toEqual({ tp: 6, fp: 0, fn: 0 });
    expect(differences).toEqual([]);
  });

  it('counts a merged article as one found, one missed, and its items as missed', () => {
    const gold = page([goldArticle(1, 5), goldArticle(6, 8, { credits: ['林海:reporter'] })]);
    const { counts } = scorePage(gold, extraction([predicted(1, 8)]));
    expect(counts.articles).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(counts.spans).toEqual({ tp: 0, fp: 1, fn: 2 });
    expect(counts.credits).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('compares headlines, credits with roles, officials with titles, figures and flags', () => {
    const gold = page([
      goldArticle(1, 5, {
        headline: { kicker: null, title: '标题', subtitle: null },
        credits: ['高山:reporter', '林海:correspondent'],
        officials: { 张华: ['市长'] },
        figures: [['新增停车位', 800, '个']],
        reviewFlags: ['no-credit'],
      }),
    ]);
    const { counts, differences } = scorePage(
      gold,
      extraction([
        predicted(1, 5, {
          titleGenerated: false,
          title: '标题',
          credits: [
            creditOf('高山', 'reporter', '记者'),
            creditOf('林海', 'reporter', '记者'),
          ],
          officials: [officialMention('张华', ['副市长'])],
          figures: [{ label: '新增停车位', value: 800, unit: '个' }],
        }),
      ]),
    );
    expect(counts.headlines).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.credits).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(counts.officials).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.titles).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.figures).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.reviewFlags).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(differences).toContainEqual({
      field: 'credits',
      lines: '1-5',
      missing: ['林海:correspondent'],
      extra: ['林海:reporter'],
    });
  });

  it('scores unassigned text by its line ranges', () => {
    const { counts } = scorePage(
      page([], [[1, 1]]),
      extraction([], [{ lines: { first: 1, last: 2 }, text: '甲\n乙', reason: 'test' }]),
    );
    expect(counts.unassigned).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

describe('calibrate', () => {
  it('judges each predicted item with its confidence and splits precision at a threshold', () => {
    const gold = page([
      goldArticle(1, 5, {
        credits: ['高山:reporter'],
        officials: { 张华: ['市长'] },
      }),
    ]);
    const { judged } = scorePage(
      gold,
      extraction([
        predicted(1, 5, {
          credits: [
            { ...creditOf('高山', 'reporter', '记者'), confidence: 0.9 },
            { ...creditOf('林海', 'reporter', '记者'), confidence: 0.4 },
          ],
          officials: [
            {
              ...officialMention('张华', ['市长']),
              confidence: 0.95,
              titleConfidences: [0.6],
            },
          ],
        }),
      ]),
    );
    expect(judged.filter(({ field }) => field === 'credits')).toEqual([
      { field: 'credits', confidence: 0.9, correct: true },
      { field: 'credits', confidence: 0.4, correct: false },
    ]);
    const byField = Object.fromEntries(calibrate(judged, 0.8).map((row) => [row.field, row]));
    expect(byField.credits!.above).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
      precision: 1,
    });
    expect(byField.credits!.below).toEqual({
      tp: 0,
      fp: 1,
      fn: 0,
      precision: 0,
    });
    expect(byField.titles!.below).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
      precision: 1,
    });
    expect(byField.officials!.below).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: 1,
    });
  });

  it('judges a repeated item once per gold occurrence', () => {
    const gold = page([goldArticle(1, 5, { credits: ['高山:reporter'] })]);
    const { judged } = scorePage(
      gold,
      extraction([
        predicted(1, 5, {
          credits: [creditOf('高山', 'reporter', '记者'), creditOf('高山', 'reporter', '记者')],
        }),
      ]),
    );
    expect(judged.filter(({ field }) => field === 'credits').map(({ correct }) => correct)).toEqual([true, false]);
  });
});

describe('rates', () => {
  it('treats nothing expected and nothing found as perfect', () => {
    expect(rates({ tp: 0, fp: 0, fn: 0 })).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
    expect(rates({ tp: 3, fp: 1, fn: 0 })).toEqual({
      precision: 0.75,
      recall: 1,
      f1: 6 / 7,
    });
  });
});
