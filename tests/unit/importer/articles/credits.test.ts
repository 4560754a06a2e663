import { parseCredit, stripCreditMarker } from '../../../../src/importer/articles/credits';

const credit = (name: string, role: string, printedRole: string) => ({ name, role, printedRole });

describe('parseCredit', () => {
  it('reads the outlet glued to the first role word and every role after it', () => {
    expect(parseCredit('郑报全媒体首席记者 左一鸣 见习记者 邝欣然 通讯员 葛佳 实习生 卜佳宁')).toEqual({
      outlet: '郑报全媒体',
      credits: [
        credit('左一鸣', 'reporter', '首席记者'),
        credit('邝欣然', 'reporter', '见习记者'),
        credit('葛佳', 'correspondent', '通讯员'),
        credit('卜佳宁', 'intern', '实习生'),
      ],
      unreadable: [],
      labelled: true,
      photo: false,
    });
  });

  it('qualifies names with what they contributed, printed after or before them', () => {
    expect(parseCredit('记者 苗一禾 文/图').credits).toEqual([credit('苗一禾', 'reporter', '记者 文/图')]);
    expect(parseCredit('文/图 记者 苗一禾').credits).toEqual([credit('苗一禾', 'reporter', '文/图 记者')]);
    expect(parseCredit('记者 樊一帆 摄')).toMatchObject({ credits: [credit('樊一帆', 'reporter', '记者 摄')], photo: true });
    expect(parseCredit('摄影 司马南')).toMatchObject({ credits: [credit('司马南', 'photographer', '摄影')], photo: true });
    expect(parseCredit('席洋 摄').credits).toEqual([credit('席洋', 'photographer', '摄')]);
  });

  it('credits names printed without a role word as unlabelled, if they start with a surname', () => {
    expect(parseCredit('卫思远 石蕾')).toMatchObject({
      credits: [credit('卫思远', 'other', '署名'), credit('石蕾', 'other', '署名')],
      labelled: false,
    });
    expect(parseCredit('一期')).toMatchObject({ credits: [], unreadable: ['一期'] });
  });

  it('reads a two-character name padded with a space as one person', () => {
    expect(parseCredit('席 洋').credits).toEqual([credit('席洋', 'other', '署名')]);
    expect(parseCredit('记者 陈 某 李 某').credits.map(({ name }) => name)).toEqual(['陈某', '李某']);
  });

  it('reports a word in role position it does not know, and still credits the name after it', () => {
    expect(parseCredit('记者 谢安然 摄像 柳一鸣')).toMatchObject({
      credits: [credit('谢安然', 'reporter', '记者'), credit('柳一鸣', 'other', '摄像')],
      unreadable: ['摄像'],
    });
  });

  it('reads traditional characters', () => {
    expect(parseCredit('記者 陳明遠 通訊員 林芳').credits).toEqual([
      credit('陳明遠', 'reporter', '記者'),
      credit('林芳', 'correspondent', '通訊員'),
    ]);
  });

  it('credits a person once per role', () => {
    expect(parseCredit('记者 高山 记者 高山').credits).toEqual([credit('高山', 'reporter', '记者')]);
  });

  it('finds no credit in prose that starts with a role word', () => {
    expect(parseCredit('记者 6月 8日从市教')).toMatchObject({ credits: [] });
  });
});

describe('stripCreditMarker', () => {
  it('removes the symbol that opens a credit line', () => {
    expect(stripCreditMarker('□晚报记者 谢子航')).toEqual({ marked: true, text: '晚报记者 谢子航' });
    expect(stripCreditMarker(' 记者 谢子航')).toEqual({ marked: false, text: '记者 谢子航' });
  });
});
