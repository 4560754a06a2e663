import { findDateline } from '../../../../src/importer/articles/dateline';

describe('findDateline', () => {
  it('finds the first month-day date, not necessarily at the start', () => {
    expect(findDateline('开局即决战、起步即冲刺。1月28日上午，春节后第一个工作日，2月1日')).toBe('1月28日');
    expect(findDateline('12 月 3 日，')).toBe('12月3日');
  });

  it('returns null without a date', () => {
    expect(findDateline('近日，市图书馆开放。')).toBeNull();
  });
});
