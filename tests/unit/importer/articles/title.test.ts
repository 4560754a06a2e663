import { deriveTitle, firstSentence, splitClauses, stripTimeClause } from '../../../../src/importer/articles/title';

describe('firstSentence', () => {
  it('ends at the first 。！？', () => {
    expect(firstSentence('甲，乙。丙。')).toBe('甲，乙');
    expect(firstSentence('没有句号')).toBe('没有句号');
  });
});

describe('splitClauses', () => {
  it('splits at commas outside brackets and quotes', () => {
    expect(splitClauses('会上，各县（市，区）发言，以“人一之，我十之”拼劲')).toEqual([
      '会上',
      '各县（市，区）发言',
      '以“人一之，我十之”拼劲',
    ]);
  });
});

describe('stripTimeClause', () => {
  it('drops clauses that only say when', () => {
    expect(stripTimeClause('1月28日')).toBe('');
    expect(stripTimeClause('1月28日上午')).toBe('');
    expect(stripTimeClause('春节后上班第一天')).toBe('');
  });

  it('strips a leading date from a clause that goes on', () => {
    expect(stripTimeClause('4月2日上午市图书馆新馆开放')).toBe('市图书馆新馆开放');
    expect(stripTimeClause('今日头条平台发布年度数据报告')).toBe('今日头条平台发布年度数据报告');
  });
});

describe('deriveTitle', () => {
  it('drops the dateline and the attribution clause', () => {
    expect(deriveTitle('3月15日，记者从市交通运输局获悉，本市新开通3条公交线路。此后…')).toBe('本市新开通3条公交线路');
  });

  it('drops 据…了解 wherever it stands', () => {
    expect(deriveTitle('据市文旅局介绍，今年春节全市接待游客300万人次。')).toBe('今年春节全市接待游客300万人次');
  });

  it('adds following clauses while they fit and stops at a clause boundary', () => {
    const lead =
      '4月2日，春节后第一个工作日，市政府召开全体（扩大）会议，部署今年全市经济社会高质量发展的各项重点工作和改革任务，明确责任。';
    expect(deriveTitle(lead)).toBe('市政府召开全体（扩大）会议');
    expect(deriveTitle('4月2日，市图书馆新馆开放，首日接待读者5000人次。')).toBe('市图书馆新馆开放，首日接待读者5000人次');
  });

  it('cuts an over-long clause at an enumeration comma rather than mid-word', () => {
    const lead = '全市推进新能源汽车产业、电子信息产业、先进制造业、现代物流业、生物医药产业协同发展。';
    const title = deriveTitle(lead);
    expect(title).toBe('全市推进新能源汽车产业、电子信息产业、先进制造业、现代物流业');
    expect(title.length).toBeLessThanOrEqual(36);
  });

  it('falls back to the whole first sentence when every clause is dropped', () => {
    expect(deriveTitle('1月28日上午。')).toBe('1月28日上午');
  });
});
