import { splitBlocks } from '../../../../src/importer/layout/blocks';
import { sliceLine, splitLines } from '../../../../src/importer/layout/lines';
import { matchingText } from '../../../../src/importer/layout/normalize';

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

  it('keeps the printed line and a matching copy of the same length', () => {
    const [line] = splitLines('　项目 １３８个，Ａ０４版（一期）“签约”');
    expect(line!.raw).toBe('　项目 １３８个，Ａ０４版（一期）“签约”');
    expect(line!.text).toBe(' 项目 138个，A04版（一期）“签约”');
    expect(line!.text).toHaveLength(line!.raw.length);
  });

  it('cuts printed line and matching copy at the same offsets', () => {
    const [line] = splitLines('本報訊(記者 陳明遠)３月');
    expect(sliceLine(line!, 4, 9)).toMatchObject({ raw: '記者 陳明', text: '记者 陈明' });
  });
});

describe('matchingText', () => {
  it('turns full-width digits and letters half-width but leaves full-width punctuation', () => {
    expect(matchingText('ｚ９，。（）！')).toBe('z9，。（）！');
  });

  it('reads traditional script as simplified, character for character', () => {
    expect(matchingText('本報記者陳明遠澳門十日電')).toBe('本报记者陈明远澳门十日电');
    expect(matchingText('后来的发展')).toBe('后来的发展');
  });

  it('reads half-width punctuation as the full-width mark papers print, except inside numbers', () => {
    expect(matchingText('本报讯(记者 甲),1,000元;10:30')).toBe('本报讯（记者 甲），1,000元；10:30');
    expect(matchingText('５，０００億元')).toBe('5,000亿元');
  });

  it('reads every layout space as one plain space', () => {
    expect(matchingText('陈\u3000某\u00a0乙')).toBe('陈 某 乙');
  });

  it('never changes the length, whatever the input', () => {
    const samples = ['𠀋𠀌記者', '\u{20000}ａ，', 'ＡＢ（）：；！？', '繁體中文與简体混排'];
    for (const sample of samples) expect(matchingText(sample)).toHaveLength(sample.length);
  });
});

describe('splitBlocks', () => {
  it('treats blank and whitespace-only lines as column breaks', () => {
    const blocks = splitBlocks(splitLines('甲\n乙\n\n丙\n \u3000\n\n丁\n'));
    expect(blocks.map((block) => block.lines.map((line) => line.number))).toEqual([[1, 2], [4], [7]]);
  });
});
