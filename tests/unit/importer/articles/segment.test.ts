import { classify } from '../../../../src/importer/articles/1-classify';
import { readings, segment } from '../../../../src/importer/articles/2-segment';
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
    leftovers: leftovers
      .map(({ lines, reason }) => ({ lines: [...new Set(lines.map((line) => line.number))], reason }))
      .sort((a, b) => a.lines[0]! - b.lines[0]!),
    confidence: drafts.map((draft) => draft.confidence),
  };
}

describe('segment', () => {
  it('opens an article at each byline and leaves the headline between them to be placed', () => {
    expect(segments('本报讯（记者 甲某）第一篇。\n\n标题\n\n本报讯（记者 乙某）第二篇。')).toMatchObject({
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

  it('splits where a second credit of other people is coming for an article that already has one', () => {
    const page = '本报讯（记者 甲某）第一篇写完了。\n\n另一篇的标题\n\n市民说，这里很好。（记者 乙某）';
    expect(segments(page).articles).toEqual([
      { start: 'byline', lines: [1] },
      { start: 'headline', lines: [5] },
    ]);
  });

  it('separates articles without any marker of their own by the credits of their neighbours', () => {
    // The second article has no headline, tag or credit: only the first one's end credit ends it.
    const page = '第一篇的正文在这里，写完了。\n记者 高山\n\n第二篇的正文紧接着排，也写完了。';
    expect(segments(page).articles.map(({ lines }) => lines)).toEqual([[1, 2], [4]]);
  });

  it('reads credit lines standing together as one credit, and a role word whose names are on the next line', () => {
    const page = '标题一\n\n本报记者 程一帆 通讯员\n蓝思\n正文开头，写完了。\n\n标题二\n\n正文写完了。\n江城日报记者 韦远\n通讯员 石一禾';
    const { drafts } = segment(classify(blocksOf(page)));
    expect(drafts.map((draft) => draft.credits.flatMap((credit) => credit.credits.map(({ name, role }) => `${name}:${role}`)))).toEqual([
      ['程一帆:reporter', '蓝思:correspondent'],
      ['韦远:reporter', '石一禾:correspondent'],
    ]);
  });

  it('joins a credit line and the source tag under it into one opening', () => {
    expect(segments('□晚报记者 高山\n本报经开区讯 前日，加氢站建成。').articles).toEqual([{ start: 'credit', lines: [1, 2] }]);
  });

  it('leaves a pointer or credit without text, a continuation from another page, and a scrap to no article', () => {
    const page = '本报讯（记者 甲某）写完了。\n\n招商热线：0371-6000 0000 00\n\n本报讯（记者 乙某）写完了。\n\n（上接A01版）\n据介绍，续文写完了。';
    expect(segments(page)).toMatchObject({
      articles: [
        { start: 'byline', lines: [1] },
        { start: 'byline', lines: [5] },
      ],
      leftovers: [
        { lines: [7, 8], reason: 'continued from page A01: the rest of an article printed there, to be joined to it' },
      ],
    });
    expect(segments('记者 林海\n\n（下转A04版）').leftovers).toEqual([
      { lines: [1], reason: 'a credit or page pointer with no article text' },
      { lines: [3], reason: 'a pointer to another page that follows no article' },
    ]);
    expect(segments('（下转A04版）\n\n本报讯（记者 甲某）写完了。').leftovers).toEqual([
      { lines: [1], reason: 'a pointer to another page that follows no article' },
    ]);
  });

  it('gives a jump printed under an article\'s end credit to that article', () => {
    const { drafts } = segment(classify(blocksOf('本报讯 正文写完了。记者 甲某\n\n（下转A04版）')));
    expect(drafts.map((draft) => draft.continuedOn)).toEqual(['A04']);
  });

  it('is surer of an article bounded by bylines than of one only the layout separates', () => {
    const marked = segments('本报讯（记者 甲某）第一篇写完了。\n\n本报讯（记者 乙某）第二篇写完了。').confidence;
    const layoutOnly = segments('本报讯（记者 甲某）第一篇写完了。\n\n3月24日，第二篇写在这里，写完了。').confidence;
    expect(Math.min(...marked)).toBeGreaterThan(0.9);
    expect(Math.min(...layoutOnly)).toBeLessThan(Math.min(...marked));
    for (const value of [...marked, ...layoutOnly]) expect(value).toBeGreaterThan(0);
  });

  it('explains each reading with its margin', () => {
    const units = classify(blocksOf('本报讯（记者 甲某）第一段写完了。\n\n加快项目建设\n\n要加快推进，确保落地。'));
    expect(readings(units).map(({ kind, label }) => `${kind}:${label}`)).toEqual([
      'open:begin',
      'text:continue',
      'head:subheading',
      'text:continue',
    ]);
  });
});
