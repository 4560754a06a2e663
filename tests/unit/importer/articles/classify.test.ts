import { classify, type Unit } from '../../../../src/importer/articles/1-classify';
import { blocksOf } from '../pages';

/** Each unit as kind, line numbers and text, for compact expectations. */
function units(page: string): Array<[Unit['kind'], number[], string]> {
  return classify(blocksOf(page)).map((unit) => [
    unit.kind,
    unit.lines.map((line) => line.number),
    unit.lines.map((line) => line.text).join('|'),
  ]);
}

describe('classify', () => {
  it('cuts a byline off its lead and keeps the lead on the byline line as text', () => {
    expect(units('本报讯（记者 郭晓峰\n宋雨桐）3月24日上午，\n惠济区举行活动。')).toEqual([
      ['byline', [1, 2], '本报讯（记者 郭晓峰|宋雨桐）3月24日上午，'],
      ['text', [2, 3], '3月24日上午，|惠济区举行活动。'],
    ]);
  });

  it('reads page furniture, a credit line with its marker and a source tag without brackets', () => {
    expect(
      units(
        'A02 要闻 2023年3月25日 星期六 责编 孟文\n\n□晚报记者 谢子航 通讯员 屈静\n本报经开区讯 前日，郑州\n经开区加氢站建成。',
      ),
    ).toEqual([
      ['furniture', [1], 'A02 要闻 2023年3月25日 星期六 责编 孟文'],
      ['credit', [3], '□晚报记者 谢子航 通讯员 屈静'],
      ['source', [4], '本报经开区讯 前日，郑州'],
      ['text', [4, 5], '前日，郑州|经开区加氢站建成。'],
    ]);
  });

  it('cuts an end credit off the sentence it follows, also when its bracket opened a line before', () => {
    expect(units('居民申请更加\n便捷。（记者 祁\n思远）')).toEqual([
      ['text', [1, 2], '居民申请更加|便捷。'],
      ['credit', [2, 3], '（记者 祁|思远）'],
    ]);
    expect(units('不少市民驻足拍照留念。（席\n 洋）')).toEqual([
      ['text', [1], '不少市民驻足拍照留念。'],
      ['credit', [1, 2], '（席| 洋）'],
    ]);
  });

  it('reads the bureau printed before an end credit\'s brackets as part of the credit', () => {
    expect(units('居民申请更加便捷。\n江城日报南湖记者站（记\n者 程远帆）')).toEqual([
      ['text', [1], '居民申请更加便捷。'],
      ['credit', [2, 3], '江城日报南湖记者站（记|者 程远帆）'],
    ]);
    expect(classify(blocksOf('居民申请更加便捷。江城日报南湖记者站（记者 程远帆）')).at(-1)).toMatchObject({
      kind: 'credit',
      credit: { outlet: '江城日报南湖记者站' },
    });
  });

  it('reads a wire feature\'s title after its dispatch and the names under it as its byline', () => {
    expect(units('江城通讯社南湖5月1日电 题：南\n湖新区建设提速\n程远帆、蓝一禾\n今年以来，新区开工项目')).toEqual([
      ['byline', [1, 2, 3], '江城通讯社南湖5月1日电 题：南|湖新区建设提速|程远帆、蓝一禾'],
      ['text', [4], '今年以来，新区开工项目'],
    ]);
  });

  it('reads an unbracketed credit ending the column as the end credit, on its own line or after the sentence', () => {
    const page = '生意也比以前稳定。\n记者 苗一禾 文/图\n\n标题';
    expect(classify(blocksOf(page)).map((unit) => (unit.kind === 'credit' ? unit.position : unit.kind))).toEqual([
      'text',
      'end',
      'text',
    ]);
    expect(units('生意也比以前稳定。记者 苗一禾 文/图\n')).toEqual([
      ['text', [1], '生意也比以前稳定。'],
      ['credit', [1], '记者 苗一禾 文/图'],
    ]);
  });

  it('takes a credit line above a lead for the opening credit', () => {
    const positions = (page: string) =>
      classify(blocksOf(page)).flatMap((unit) => (unit.kind === 'credit' ? [unit.position] : []));
    expect(positions('标题\n\n记者 高山\n3月24日，市里举行活动。')).toEqual(['start']);
    expect(positions('上文结束。\n\n本报记者 高山\n本报讯 3月24日，市里举行活动。')).toEqual(['start']);
  });

  it('leaves brackets inside prose alone', () => {
    expect(units('安图生物体外诊断产业园（一期）\n生产线投产。各县（市）')).toEqual([
      ['text', [1, 2], '安图生物体外诊断产业园（一期）|生产线投产。各县（市）'],
    ]);
    expect(units('活动结束。（一期）')).toEqual([['text', [1], '活动结束。（一期）']]);
  });

  it('reads page pointers on their own line or closing a line', () => {
    expect(units('确保按期完成，\n（下转A04版）\n\n（上接A01版）\n据介绍，')).toEqual([
      ['text', [1], '确保按期完成，'],
      ['jump', [2], '（下转A04版）'],
      ['jump', [4], '（上接A01版）'],
      ['text', [5], '据介绍，'],
    ]);
    expect(units('高质量发展。（下转A04版）').map(([kind]) => kind)).toEqual(['text', 'jump']);
  });

  it('marks which units follow a column break', () => {
    expect(classify(blocksOf('甲，\n\n乙。\n丙。')).map((unit) => unit.gapBefore)).toEqual([true, true]);
    expect(classify(blocksOf('本报讯（记者 高山）正文。')).map((unit) => unit.gapBefore)).toEqual([true, false]);
  });

  it('reads a credit that begins after the last sentence of one line and ends the next', () => {
    expect(units('夜幕降临，湖畔灯光\n\n秀每晚定时上演。本报记者 \n左思雨 摄\n\n下一篇的标题')).toEqual([
      ['text', [1], '夜幕降临，湖畔灯光'],
      ['text', [3], '秀每晚定时上演。'],
      ['credit', [3, 4], '本报记者 |左思雨 摄'],
      ['text', [6], '下一篇的标题'],
    ]);
  });

  it('reads no credit line inside brackets opened on the line before', () => {
    expect(units('不用再跑远路。（郑\n报全媒体记者 何思琪 \n通讯员 焦阳）')).toEqual([
      ['text', [1], '不用再跑远路。'],
      ['credit', [1, 2, 3], '（郑|报全媒体记者 何思琪 |通讯员 焦阳）'],
    ]);
  });

  it('reads a block of one sentence at most ending in a photographer\'s credit as a caption, however the credit is printed', () => {
    expect(units('南湖新区昨日开园。程\n远帆 摄')).toEqual([['caption', [1, 2], '南湖新区昨日开园。程|远帆 摄']]);
    expect(units('新区开园，图为开园仪式现场。\n记者程远帆/摄影')).toEqual([['caption', [1, 2], '新区开园，图为开园仪式现场。|记者程远帆/摄影']]);
    expect(units('南湖新区昨日开园 记者 程远帆 摄')).toEqual([['caption', [1], '南湖新区昨日开园 记者 程远帆 摄']]);
    // Two sentences and a photographer: a picture story.
    expect(units('南湖新区昨日开园。游客络绎不绝。\n程远帆 摄').map(([kind]) => kind)).not.toContain('caption');
  });

  it('drops the arrow that points a caption at its picture, and reads column labels as furniture', () => {
    expect(units('简讯\n\n▲8月15日，市民在湖畔观赏夜景。')).toEqual([
      ['furniture', [1], '简讯'],
      ['text', [3], '8月15日，市民在湖畔观赏夜景。'],
    ]);
  });
});
