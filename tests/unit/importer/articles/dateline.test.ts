import { findDateline, opensWithDateline, printsNoDate } from '../../../../src/importer/articles/dateline';

describe('findDateline', () => {
  it('finds the first date of the lead, not necessarily at the start, as printed without OCR spaces', () => {
    expect(findDateline('开局即决战、起步即冲刺。1月28日上午，春节后第一个工作日，2月1日')).toBe('1月28日');
    expect(findDateline('12 月 3 日，')).toBe('12月3日');
    expect(findDateline('2023年1月28日，')).toBe('2023年1月28日');
  });

  it('reads a day without its month, a day printed with 号, a range and a lunar date', () => {
    expect(findDateline('国家统计局18日发布数据，')).toBe('18日');
    expect(findDateline('22日，全区召开会议。')).toBe('22日');
    expect(findDateline('1月9号，片区筹委会签订协议。')).toBe('1月9号');
    expect(findDateline('7月11日至13日，考察团先后到访。')).toBe('7月11日至13日');
    expect(findDateline('正月初九，城区春意渐浓。')).toBe('正月初九');
  });

  it('does not read a count of days or part of a longer number as a day', () => {
    expect(findDateline('审批将在7日内办结。')).toBeNull();
    expect(findDateline('投资3.5亿元，设备15台。')).toBeNull();
  });

  it('finds a relative day word anywhere in the lead, also after the subject', () => {
    expect(findDateline('昨日，郑州市民公园春季花展开幕。')).toBe('昨日');
    expect(findDateline('记者昨日从郑州地铁集团获悉，')).toBe('昨日');
    expect(findDateline('大桥即将通车。记者昨天从水务局了解到，大桥今日通车。')).toBe('昨天');
  });

  it('reads a lead that opens with a vague word as undated, but only in its first sentence', () => {
    expect(findDateline('郑东新区管委会主任阎某日前主持召开专题会议。')).toBeNull();
    expect(findDateline('近日，管城回族区多家社区食堂推出新年套餐。')).toBeNull();
    expect(printsNoDate('近日，管城回族区多家社区食堂推出新年套餐。')).toBe(false);
    expect(findDateline('会议在郑州召开。会上通报了近期形势，3月4日起实施。')).toBe('3月4日');
  });

  it('prefers whichever comes first', () => {
    expect(findDateline('3月24日，游客游玩拍照。近日气温回升。')).toBe('3月24日');
    expect(findDateline('前日，记者走访发现，3月1日以来游客增多。')).toBe('前日');
  });

  it('returns null without a date', () => {
    expect(findDateline('市图书馆开放，读者增多。')).toBeNull();
    expect(printsNoDate('市图书馆开放，读者增多。')).toBe(true);
  });
});

describe('opensWithDateline', () => {
  it('accepts a lead that opens with a date or a day word', () => {
    expect(opensWithDateline(' 3月 24日，记者从')).toBe(true);
    expect(opensWithDateline('昨日上午，')).toBe(true);
    expect(opensWithDateline('7月20日起，市图书馆')).toBe(true);
  });

  it('rejects a lead that opens otherwise', () => {
    expect(opensWithDateline('据介绍，3月24日')).toBe(false);
    expect(opensWithDateline('今日头条平台发布')).toBe(false);
  });
});
