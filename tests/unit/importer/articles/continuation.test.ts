import { pageNumber, parseContinuation } from '../../../../src/importer/articles/continuation';

describe('parseContinuation', () => {
  it.each([
    ['更多报道请继续阅读A04版', 'A04'],
    ['（下转A04版）', 'A04'],
    ['转A4版', 'A4'],
    ['详见 B12 版', 'B12'],
    ['(下转第5版)', '5'],
  ])('reads %s as continued on %s', (line, page) => {
    expect(parseContinuation(line)).toEqual({ direction: 'continuedOn', page, remainder: '', following: '' });
  });

  it('reads 上接 as continued from', () => {
    expect(parseContinuation('（上接A01版）')).toEqual({ direction: 'continuedFrom', page: 'A01', remainder: '', following: '' });
  });

  it('reads a bracketed pointer at the end of a body line and keeps the body', () => {
    expect(parseContinuation('高质量发展。（下转A04版）')).toEqual({
      direction: 'continuedOn',
      page: 'A04',
      remainder: '高质量发展。',
      following: '',
    });
  });

  it('reads a pointer that opens a line, numbered for one of a page\'s several jumps, with the text after it', () => {
    expect(parseContinuation('（上接一版②）徐某表示，')).toEqual({
      direction: 'continuedFrom',
      page: '1',
      remainder: '',
      following: '徐某表示，',
    });
  });

  it('ignores prose', () => {
    expect(parseContinuation('转变工作作风，')).toBeNull();
    expect(parseContinuation('详见附件')).toBeNull();
    expect(parseContinuation('项目转入第4版块建设')).toBeNull();
  });
});

describe('pages numbered in words', () => {
  it('reads 第一版 and 第十二版 as page numbers', () => {
    expect(parseContinuation('（上接第一版）')).toEqual({ direction: 'continuedFrom', page: '1', remainder: '', following: '' });
    expect(parseContinuation('（下转第三版）')).toEqual({ direction: 'continuedOn', page: '3', remainder: '', following: '' });
    expect(['十', '十二', '二十', '二十三'].map(pageNumber)).toEqual(['10', '12', '20', '23']);
  });
});
