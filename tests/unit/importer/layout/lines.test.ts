import { splitBlocks } from '../../../../src/importer/layout/blocks';
import { normalizeLine, splitLines } from '../../../../src/importer/layout/lines';

describe('splitLines', () => {
  it('splits CRLF, LF and CR and numbers lines from 1', () => {
    const lines = splitLines('甲\r\n乙\n丙\r丁');
    expect(lines.map((line) => [line.number, line.raw])).toEqual([
      [1, '甲'],
      [2, '乙'],
      [3, '丙'],
      [4, '丁'],
    ]);
  });

  it('does not count a final line break as another line', () => {
    expect(splitLines('甲\n\n乙\n')).toHaveLength(3);
  });

  it('keeps the raw line and normalizes a separate view', () => {
    const [line] = splitLines('　项目 １３８个，Ａ０４版（一期）“签约”');
    expect(line.raw).toBe('　项目 １３８个，Ａ０４版（一期）“签约”');
    expect(line.text).toBe(' 项目 138个，A04版（一期）“签约”');
  });
});

describe('normalizeLine', () => {
  it('turns full-width digits and letters half-width but leaves full-width punctuation', () => {
    expect(normalizeLine('ｚ９，。（）！')).toBe('z9，。（）！');
  });
});

describe('splitBlocks', () => {
  it('treats blank and whitespace-only lines as column breaks', () => {
    const blocks = splitBlocks(splitLines('甲\n乙\n\n丙\n \u3000\n\n丁\n'));
    expect(blocks.map((block) => block.lines.map((line) => line.number))).toEqual([[1, 2], [4], [7]]);
  });
});
