import { classify } from '../../../../src/importer/articles/1-classify';
import { segment } from '../../../../src/importer/articles/2-segment';
import { blocksOf } from '../pages';

function segments(page: string) {
  const { drafts, headlines, leftovers } = segment(classify(blocksOf(page)));
  return {
    articles: drafts.map((draft) => ({
      start: draft.start,
      lines: draft.units
        .flatMap((unit) => unit.lines.map((line) => line.number))
        .filter((number, index, all) => all.indexOf(number) === index),
    })),
    headlines: headlines.map(({ lines, before, after, adjacent }) => ({
      lines: lines.map((line) => line.number),
      before,
      after,
      adjacent,
    })),
    leftovers: leftovers.map(({ lines, reason }) => ({ lines: lines.map((line) => line.number), reason })),
  };
}

describe('segment', () => {
  it('opens an article at each byline and leaves the headline between them to be placed', () => {
    expect(segments('本报讯（记者 甲某）第一篇。\n\n标题\n\n本报讯（记者 乙某）第二篇。')).toEqual({
      articles: [
        { start: 'byline', lines: [1] },
        { start: 'byline', lines: [5] },
      ],
      headlines: [{ lines: [3], before: 0, after: 1, adjacent: true }],
      leftovers: [],
    });
  });

  it('starts an article after an end credit, and at a headline followed by a lead opening with its dateline', () => {
    const page = [
      '本报讯（记者 甲某）3月24日，第一篇写完了。', // 1
      '', //
      '第二篇标题', // 3
      '', //
      '3月24日，第二篇开头，', // 5
      '写完了。（记者 乙某）', // 6
      '', //
      '第三篇的开头写在这里，也写完了。', // 8
    ].join('\n');
    expect(segments(page).articles).toEqual([
      { start: 'byline', lines: [1] },
      { start: 'headline', lines: [5, 6] },
      { start: 'inferred', lines: [8] },
    ]);
  });

  it('keeps a short block that continues an unfinished sentence in the article', () => {
    expect(segments('本报讯（记者 甲某）志愿者栽种银杏和\n\n红叶石楠\n\n等树木，已经完成。').articles).toEqual([
      { start: 'byline', lines: [1, 3, 5] },
    ]);
  });

  it('keeps a subheading in the article when the text after it is no new lead', () => {
    expect(segments('本报讯（记者 甲某）第一段写完了。\n\n加快项目建设\n\n要加快推进，确保落地。').articles).toEqual([
      { start: 'byline', lines: [1, 3, 5] },
    ]);
  });

  it('splits where a second credit is coming for an article that already has one', () => {
    const page = '本报讯（记者 甲某）第一篇写完了。\n\n另一篇的标题\n\n市民说，这里很好。（记者 乙某）';
    expect(segments(page).articles).toEqual([
      { start: 'byline', lines: [1] },
      { start: 'headline', lines: [5] },
    ]);
  });

  it('joins a credit line and the source tag under it into one opening', () => {
    expect(segments('□晚报记者 甲某\n本报经开区讯 前日，加氢站建成。').articles).toEqual([{ start: 'credit', lines: [1, 2] }]);
  });

  it('leaves a pointer or credit without text, and short text that is no headline, to no article', () => {
    expect(
      segments('本报讯（记者 甲某）写完了。\n\n招商热线：0371-6000\n\n上接A01版\n\n本报讯（记者 乙某）写完了。').leftovers,
    ).toEqual([
      { lines: [3], reason: 'a short text that is neither a headline nor part of an article' },
      { lines: [5], reason: 'a credit or page pointer with no article text' },
    ]);
  });
});
