import { parseByline as parseMatching, parseSourceTag, sourceTagStrength } from '../../../../src/importer/articles/byline';
import { matchingText } from '../../../../src/importer/layout/normalize';

const reporter = (name: string, printedRole = '记者') => expect.objectContaining({ name, role: 'reporter', printedRole });
/** Bylines are read on the matching copy of the page's lines, as the classifier hands them over. */
const parseByline = (lines: string[]) => parseMatching(lines.map(matchingText));

describe('parseByline', () => {
  it('reads source tag, outlet, credits and the body after the bracket', () => {
    expect(parseByline(['本报讯（大河报记者 张明 刘洋）今天上午，'])).toEqual({
      sourceTag: '本报讯',
      credit: {
        outlet: '大河报',
        credits: [reporter('张明'), reporter('刘洋')],
        unreadable: [],
        labelled: true,
        photo: false,
        dispatch: null,
      },
      lineCount: 1,
      rest: '今天上午，',
    });
  });

  it('joins a byline broken inside the outlet', () => {
    const byline = parseByline([' 本报讯（正观新闻·郑州', '晚报记者 赵雪 钱进）开', '局即决战']);
    expect(byline).toMatchObject({
      credit: {
        outlet: '正观新闻·郑州晚报',
        credits: [reporter('赵雪'), reporter('钱进')],
      },
      lineCount: 2,
      rest: '开',
    });
  });

  it('joins a byline broken right after a one-character line fragment, keeping body text', () => {
    const byline = parseByline(['本报讯（正观新闻·郑', '州晚报记者 孙悦） 1月 28', '日，记者从']);
    expect(byline).toMatchObject({
      credit: { outlet: '正观新闻·郑州晚报', credits: [reporter('孙悦')] },
      lineCount: 2,
      rest: ' 1月 28',
    });
  });

  it('credits 记者, 通讯员 and 实习生 names in printed order with their roles, separated by spaces or 、', () => {
    const byline = parseByline(['本报讯（记者 孙悦、周一鸣 通讯员 王小红 实习生 李', '华）社区']);
    expect(byline).toMatchObject({
      credit: {
        outlet: null,
        credits: [
          reporter('孙悦'),
          reporter('周一鸣'),
          { name: '王小红', role: 'correspondent', printedRole: '通讯员' },
          { name: '李华', role: 'intern', printedRole: '实习生' },
        ],
      },
      lineCount: 2,
    });
  });

  it('prefers a longer role word, so the outlet does not absorb 首席', () => {
    expect(parseByline(['本报讯（河南日报首席记者 高山）'])).toMatchObject({
      credit: { outlet: '河南日报', credits: [reporter('高山', '首席记者')] },
    });
  });

  it('accepts tag shapes such as 本报北京讯 and 新华社北京1月28日电', () => {
    expect(parseByline(['本报北京讯（记者 高山）'])).toMatchObject({
      sourceTag: '本报北京讯',
    });
    expect(parseByline(['新华社北京1月28日电（记者 高山）'])).toMatchObject({
      sourceTag: '新华社北京1月28日电',
      credit: { outlet: null },
    });
  });

  it('reads a tag with its date, and a tag the OCR spaced out over two lines', () => {
    expect(parseByline(['本报郑州12月4日讯（记者 景一帆）全省'])).toMatchObject({ sourceTag: '本报郑州12月4日讯' });
    expect(parseByline(['新华社北京 8月15日', '电（记者 赫连雪 闻一', '鸣）国家电影局'])).toMatchObject({
      sourceTag: '新华社北京8月15日电',
      credit: { credits: [reporter('赫连雪'), reporter('闻一鸣')] },
      lineCount: 3,
      rest: '国家电影局',
    });
  });

  it('accepts ASCII brackets, also with the closing bracket on the next line', () => {
    expect(parseByline(['本报讯(记者 高山)正文'])).toMatchObject({
      credit: { credits: [reporter('高山')] },
      rest: '正文',
    });
    expect(parseByline(['本报讯(记者 田雨萌', ')昨日，郑州'])).toMatchObject({
      credit: { credits: [reporter('田雨萌')] },
      lineCount: 2,
      rest: '昨日，郑州',
    });
  });

  it('keeps a bracket it cannot read as people, reporting the text', () => {
    expect(parseByline(['本报讯（本报融媒体报道组）7月19日'])).toMatchObject({
      sourceTag: '本报讯',
      credit: { credits: [], unreadable: ['本报融媒体报道组'] },
    });
  });

  it("reads any paper's tag (outlet, place, date, 讯/电/消息/报道) when the brackets after it hold people", () => {
    expect(parseByline(['江城日报·云帆客户端3月', '5日讯（记者 程远帆 蓝一禾）正月初九，'])).toMatchObject({
      sourceTag: '江城日报·云帆客户端3月5日讯',
      credit: { credits: [reporter('程远帆'), reporter('蓝一禾')] },
      lineCount: 2,
      rest: '正月初九，',
    });
    expect(parseByline(['南湖讯（记者/程远帆 通讯员/蓝一禾）'])).toMatchObject({
      sourceTag: '南湖讯',
    });
    expect(parseByline(['云帆报道（全媒体记者程远帆 蓝一禾）'])).toMatchObject({
      credit: {
        outlet: '全媒体',
        credits: [reporter('程远帆'), reporter('蓝一禾')],
      },
    });
    // An unknown tag must prove itself: brackets that hold no people make it prose.
    expect(parseByline(['会议通报了消息（一期）'])).toBeNull();
  });

  it('reads a tag printed inside the brackets, and a dispatch in square brackets', () => {
    expect(parseByline(['（江城新闻网讯 程远帆）3月5日，'])).toMatchObject({
      sourceTag: '江城新闻网讯',
      credit: { credits: [reporter('程远帆', '署名')] },
      rest: '3月5日，',
    });
    expect(parseByline(['【本報記者陳明遠澳門十日電】本澳'])).toMatchObject({
      sourceTag: '本报记者陈明远澳门十日电',
      credit: { outlet: '本报', dispatch: '澳门十日电' },
      rest: '本澳',
    });
    // A place after a slash and 报导, the place broken over two lines: where the report was filed.
    expect(parseByline(['【江城传媒/记者 程远帆/南', '湖 报导】市长昨日'])).toMatchObject({
      credit: {
        outlet: '江城传媒',
        credits: [reporter('程远帆', '记者')],
        dispatch: '南湖报导',
      },
      lineCount: 2,
      rest: '市长昨日',
    });
  });

  it('opens an article with a bracketed credit that says it reports, even alone on its line', () => {
    expect(parseByline(['【江城快讯记者程远帆报导】'])).toMatchObject({
      sourceTag: null,
      credit: {
        outlet: '江城快讯',
        credits: [reporter('程远帆', '记者 报导')],
      },
      rest: '',
    });
    expect(parseByline(['（记者 程远帆）'])).toBeNull();
  });

  it('returns null for body text, a tag without brackets, or an unclosed bracket', () => {
    expect(parseByline(['市委副书记、市长主持'])).toBeNull();
    expect(parseByline(['据新华社报道，'])).toBeNull();
    expect(parseByline(['本报讯（记者', '高山', '李华', '王五', '赵六）'])).toBeNull();
  });
});

describe('parseSourceTag', () => {
  it('reads a source tag opening the lead without brackets', () => {
    expect(parseSourceTag(['本报经开区讯 前日，郑州'])).toEqual({
      sourceTag: '本报经开区讯',
      credit: null,
      lineCount: 1,
      rest: '前日，郑州',
    });
    expect(parseSourceTag(['本报航空港讯  10月'])).toEqual({
      sourceTag: '本报航空港讯',
      credit: null,
      lineCount: 1,
      rest: '10月',
    });
    expect(parseSourceTag(['本报讯近日，市图书馆'])).toEqual({
      sourceTag: '本报讯',
      credit: null,
      lineCount: 1,
      rest: '近日，市图书馆',
    });
    expect(parseSourceTag(['本报讯春寒料峭，'])).toEqual({
      sourceTag: '本报讯',
      credit: null,
      lineCount: 1,
      rest: '春寒料峭，',
    });
  });

  it("reads an outlet's tag alone, and a credit between the tag and a colon", () => {
    expect(parseSourceTag(['江城新闻网南湖讯 据“某某”消息'])).toMatchObject({
      sourceTag: '江城新闻网南湖讯',
      rest: '据“某某”消息',
    });
    expect(parseSourceTag(['本报讯 记者程远帆报道：会议'])).toMatchObject({
      sourceTag: '本报讯',
      credit: { credits: [reporter('程远帆', '记者 报道')] },
      rest: '会议',
    });
    // Without an outlet word, a tag needs brackets with people after it.
    expect(parseSourceTag(['南湖讯 昨日，'])).toBeNull();
  });

  it('reads a tag in square brackets, and a credit before the colon broken onto the next line', () => {
    expect(parseSourceTag(['【江城商报网讯】记者程', '远帆报道：会议昨日'])).toMatchObject({
      sourceTag: '江城商报网讯',
      credit: { credits: [reporter('程远帆', '记者 报道')] },
      lineCount: 2,
      rest: '会议昨日',
    });
    expect(parseSourceTag(['【江城商报网讯】 昨日，会议'])).toMatchObject({
      sourceTag: '江城商报网讯',
      credit: null,
      lineCount: 1,
      rest: '昨日，会议',
    });
  });

  it('does not take prose opening with a news agency for a tag', () => {
    expect(parseSourceTag(['据新华社报道，'])).toBeNull();
    expect(parseSourceTag(['本报记者 高山'])).toBeNull();
  });
});

describe('sourceTagStrength', () => {
  it('knows listed tags, and judges any other by its outlet word', () => {
    expect(sourceTagStrength('本报郑州 12月4日讯')).toBe('known');
    expect(sourceTagStrength('江城日报·云帆客户端3月5日讯')).toBe('outlet');
    expect(sourceTagStrength('南湖讯')).toBe('any');
    expect(sourceTagStrength('他说，这是好消息')).toBeNull();
  });
});
