import { resolveEventDate } from '../../../../src/importer/articles/event-date';

describe('resolveEventDate', () => {
  it('gives a month and day the issue year', () => {
    expect(resolveEventDate('1月28日', '2023-01-28')).toBe('2023-01-28');
    expect(resolveEventDate('3月2日', '2023-03-05')).toBe('2023-03-02');
  });

  it('puts a December dateline in a January issue in the year before', () => {
    expect(resolveEventDate('12月30日', '2023-01-02')).toBe('2022-12-30');
  });

  it('counts relative day words back from the issue date, across month and year ends', () => {
    expect(resolveEventDate('昨日', '2023-03-01')).toBe('2023-02-28');
    expect(resolveEventDate('昨天', '2024-03-01')).toBe('2024-02-29');
    expect(resolveEventDate('前日', '2023-01-01')).toBe('2022-12-30');
    expect(resolveEventDate('今日', '2023-01-28')).toBe('2023-01-28');
  });

  it('leaves vague datelines, impossible dates and a missing issue date unresolved', () => {
    expect(resolveEventDate('日前', '2023-01-28')).toBeNull();
    expect(resolveEventDate('近日', '2023-01-28')).toBeNull();
    expect(resolveEventDate('2月30日', '2023-02-28')).toBeNull();
    expect(resolveEventDate('1月28日', null)).toBeNull();
    expect(resolveEventDate(null, '2023-01-28')).toBeNull();
  });
});
