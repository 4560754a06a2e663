import { parseByline, parseSourceTag } from '../../../../src/importer/articles/byline';

const reporter = (name: string, printedRole = '记者') => ({ name, role: 'reporter', printedRole });

describe('parseByline', () => {
  it('reads source tag, outlet, credits and the body after the bracket', () => {
    expect(parseByline(['本报讯（大河报记者 张明 刘洋）今天上午，'])).toEqual({
      sourceTag: '本报讯',
      credit: { outlet: '大河报', credits: [reporter('张明'), reporter('刘洋')], unreadable: [], labelled: true, photo: false },
      lineCount: 1,
      rest: '今天上午，',
    });
  });

  it('joins a byline broken inside the outlet', () => {
    const byline = parseByline([' 本报讯（正观新闻·郑州', '晚报记者 赵雪 钱进）开', '局即决战']);
    expect(byline).toMatchObject({
      credit: { outlet: '正观新闻·郑州晚报', credits: [reporter('赵雪'), reporter('钱进')] },
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
    expect(parseByline(['本报北京讯（记者 高山）'])).toMatchObject({ sourceTag: '本报北京讯' });
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
    expect(parseByline(['本报讯(记者 高山)正文'])).toMatchObject({ credit: { credits: [reporter('高山')] }, rest: '正文' });
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

  it('returns null for body text, a tag without brackets, or an unclosed bracket', () => {
    expect(parseByline(['市委副书记、市长主持'])).toBeNull();
    expect(parseByline(['据新华社报道，'])).toBeNull();
    expect(parseByline(['本报讯（记者', '高山', '李华', '王五', '赵六）'])).toBeNull();
  });
});

describe('parseSourceTag', () => {
  it('reads a source tag opening the lead without brackets', () => {
    expect(parseSourceTag('本报经开区讯 前日，郑州')).toEqual({ sourceTag: '本报经开区讯', rest: '前日，郑州' });
    expect(parseSourceTag('本报航空港讯  10月')).toEqual({ sourceTag: '本报航空港讯', rest: '10月' });
    expect(parseSourceTag('本报讯近日，市图书馆')).toEqual({ sourceTag: '本报讯', rest: '近日，市图书馆' });
  });

  it('does not take prose opening with a news agency for a tag', () => {
    expect(parseSourceTag('据新华社报道，')).toBeNull();
    expect(parseSourceTag('本报记者 高山')).toBeNull();
  });
});
