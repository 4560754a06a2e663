import { findDateline, opensWithDateline } from '../../../../src/importer/articles/dateline';

describe('findDateline', () => {
  it('finds the first month-day date, not necessarily at the start', () => {
    expect(findDateline('开局即决战、起步即冲刺。1月28日上午，春节后第一个工作日，2月1日')).toBe('1月28日');
    expect(findDateline('12 月 3 日，')).toBe('12月3日');
    expect(findDateline('2023年1月28日，')).toBe('2023年1月28日');
  });

  it('finds a relative or vague day word in the first sentence, also after the subject', () => {
    expect(findDateline('昨日，郑州市民公园春季花展开幕。')).toBe('昨日');
    expect(findDateline('记者昨日从郑州地铁集团获悉，')).toBe('昨日');
    expect(findDateline('郑东新区管委会主任阎某日前主持召开专题会议。')).toBe('日前');
    expect(findDateline('近日，管城回族区多家社区食堂推出新年套餐。')).toBe('近日');
  });

  it('prefers whichever comes first', () => {
    expect(findDateline('3月24日，游客游玩拍照。近日气温回升。')).toBe('3月24日');
    expect(findDateline('前日，记者走访发现，3月1日以来游客增多。')).toBe('前日');
  });

  it('returns null without a date', () => {
    expect(findDateline('市图书馆开放。近日，读者增多。')).toBeNull();
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
