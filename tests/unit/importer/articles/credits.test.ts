import { CREDIT_CONFIDENCE, parseCredit, stripCreditMarker } from '../../../../src/importer/articles/credits';

const credit = (name: string, role: string, printedRole: string, confidence: number = CREDIT_CONFIDENCE.governed) => ({
  name,
  role,
  printedRole,
  confidence,
});
const names = (text: string) => parseCredit(text).credits.map(({ name, role }) => `${name}:${role}`);

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
      dispatch: null,
    });
  });

  it('reads an outlet printed apart from the role word when it ends in an outlet word', () => {
    expect(parseCredit('江城日报 记者 程远帆 通讯员 蓝一禾')).toMatchObject({ outlet: '江城日报' });
    expect(parseCredit('全媒体记者 程远帆').outlet).toBe('全媒体');
    expect(parseCredit('特派记者程远帆')).toMatchObject({ outlet: null, credits: [credit('程远帆', 'reporter', '特派记者')] });
  });

  it('reads a second paper before its own reporters, and a bureau whose name holds a role word', () => {
    expect(parseCredit('江城日报记者 程远帆 南湖晚报记者蓝一禾')).toMatchObject({
      outlet: '江城日报',
      credits: [credit('程远帆', 'reporter', '记者'), credit('蓝一禾', 'reporter', '记者')],
      unreadable: [],
    });
    expect(parseCredit('江城日报南湖记者站记者 程远帆')).toMatchObject({
      outlet: '江城日报南湖记者站',
      credits: [credit('程远帆', 'reporter', '记者')],
    });
  });

  it('qualifies names with what they contributed; a picture makes its taker a photographer, whatever the rank', () => {
    expect(parseCredit('记者 苗一禾 文/图').credits).toEqual([credit('苗一禾', 'reporter', '记者 文/图')]);
    expect(parseCredit('文/图 记者 苗一禾').credits).toEqual([credit('苗一禾', 'reporter', '文/图 记者')]);
    expect(parseCredit('记者 樊一帆 摄')).toMatchObject({ credits: [credit('樊一帆', 'photographer', '记者 摄')], photo: true });
    expect(parseCredit('摄影 司马南')).toMatchObject({ credits: [credit('司马南', 'photographer', '摄影')], photo: true });
    expect(parseCredit('席洋 摄').credits).toEqual([credit('席洋', 'photographer', '摄')]);
    expect(parseCredit('本报记者樊一帆摄')).toMatchObject({ outlet: '本报', photo: true });
    expect(parseCredit('记者石一峰报道').credits).toEqual([credit('石一峰', 'reporter', '记者 报道')]);
  });

  it('credits names printed without a role word as the article\'s writers, if most start with a surname', () => {
    expect(parseCredit('卫思远 石蕾')).toMatchObject({
      credits: [credit('卫思远', 'reporter', '署名', CREDIT_CONFIDENCE.bare), credit('石蕾', 'reporter', '署名', CREDIT_CONFIDENCE.bare)],
      labelled: false,
    });
    expect(names('卫思远 亢一禾')).toEqual(['卫思远:reporter', '亢一禾:reporter']);
    expect(parseCredit('一期')).toMatchObject({ credits: [], unreadable: ['一期'] });
  });

  it('reads a name OCR padded or spaced, and a name glued to a role word on either side', () => {
    expect(parseCredit('席 洋').credits).toEqual([credit('席洋', 'reporter', '署名', CREDIT_CONFIDENCE.bare)]);
    expect(parseCredit('记者 席 洋').credits).toEqual([credit('席洋', 'reporter', '记者', CREDIT_CONFIDENCE.padded)]);
    expect(names('记者 陈 某 李 某')).toEqual(['陈某:reporter', '李某:reporter']);
    expect(names('记者周 一帆')).toEqual(['周一帆:reporter']);
    expect(names('记者程远帆通讯员 蓝一禾')).toEqual(['程远帆:reporter', '蓝一禾:correspondent']);
    expect(names('记者/程远帆 通讯员/蓝一禾 韦思')).toEqual(['程远帆:reporter', '蓝一禾:correspondent', '韦思:correspondent']);
    expect(names('记者程远帆、通讯员蓝一禾、韦思')).toEqual(['程远帆:reporter', '蓝一禾:correspondent', '韦思:correspondent']);
  });

  it('tells apart names printed without a separator by their surnames, less surely', () => {
    expect(parseCredit('记者张一帆李思').credits).toEqual([
      credit('张一帆', 'reporter', '记者', CREDIT_CONFIDENCE.splitBySurname),
      credit('李思', 'reporter', '记者', CREDIT_CONFIDENCE.splitBySurname),
    ]);
    expect(names('记者欧阳一帆')).toEqual(['欧阳一帆:reporter']);
  });

  it('reads the place and date of a dispatch after the names, the place glued to the last name', () => {
    expect(parseCredit('本报记者陈明远澳门十日电')).toMatchObject({
      outlet: '本报',
      credits: [credit('陈明远', 'reporter', '记者', CREDIT_CONFIDENCE.placeSeparated)],
      dispatch: '澳门十日电',
    });
    expect(parseCredit('记者 程远帆 3月5日电')).toMatchObject({ credits: [credit('程远帆', 'reporter', '记者')], dispatch: '3月5日电' });
  });

  it('reports a word in role position it does not know, and credits the names after it apart', () => {
    expect(parseCredit('记者 谢安然 摄像 柳一鸣')).toMatchObject({
      credits: [credit('谢安然', 'reporter', '记者'), credit('柳一鸣', 'other', '摄像', CREDIT_CONFIDENCE.unknownRole)],
      unreadable: ['摄像'],
    });
    expect(parseCredit('记者 谢安然 街道报道组 柳一鸣')).toMatchObject({
      credits: [credit('谢安然', 'reporter', '记者'), credit('柳一鸣', 'other', '街道报道组', CREDIT_CONFIDENCE.unknownRole)],
      unreadable: ['街道报道组'],
    });
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
