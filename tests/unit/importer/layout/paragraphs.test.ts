import {
  buildParagraphs as buildPrinted,
  compactPrinted,
  endsSentence,
  removeLayoutWhitespace,
} from '../../../../src/importer/layout/paragraphs';
import type { Block } from '../../../../src/importer/layout/blocks';
import { blocksOf } from '../pages';

/** The paragraphs as the rules read them. */
const buildParagraphs = (blocks: Block[]): string[] => buildPrinted(blocks).map((paragraph) => paragraph.text);

describe('removeLayoutWhitespace', () => {
  it('removes OCR spacing between characters', () => {
    expect(removeLayoutWhitespace('1月 28日')).toBe('1月28日');
    expect(removeLayoutWhitespace('项目 138个')).toBe('项目138个');
    expect(removeLayoutWhitespace(' 开头 ')).toBe('开头');
  });

  it('keeps one space between two ASCII words or numbers', () => {
    expect(removeLayoutWhitespace('5G  network 2 台')).toBe('5G network 2台');
  });

  it('decides on the matching copy and cuts the printed one at the same places', () => {
    expect(compactPrinted({ text: '5 000 亿 元', printed: '５ ０００ 億 元' })).toEqual({ text: '5 000亿元', printed: '５ ０００億元' });
  });
});

describe('joining lines', () => {
  it('adds nothing at a line break, even inside a word or a number', () => {
    expect(buildParagraphs(blocksOf('观摩了投产项目安图生物体\n外诊断产业园（一期）生产线。'))).toEqual(['观摩了投产项目安图生物体外诊断产业园（一期）生产线。']);
    expect(buildParagraphs(blocksOf('分会场“投产一批”项目 138\n个，“开工一批”'))).toEqual(['分会场“投产一批”项目138个，“开工一批”']);
  });
});

describe('endsSentence', () => {
  it('accepts 。！？ and an ellipsis, optionally followed by closing quotes or brackets', () => {
    expect(endsSentence('会议结束。')).toBe(true);
    expect(endsSentence('领跑新质生产力……')).toBe(true);
    expect(endsSentence('他说：“好！”')).toBe(true);
    expect(endsSentence('（完。）  ')).toBe(true);
    expect(endsSentence('认清责任，')).toBe(false);
    expect(endsSentence('“开门红”')).toBe(false);
  });
});

describe('buildParagraphs', () => {
  it('continues a sentence across a column break', () => {
    expect(buildParagraphs(blocksOf('志愿者栽种银杏和红\n\n叶石楠。'))).toEqual(['志愿者栽种银杏和红叶石楠。']);
  });

  it('starts a new paragraph after a column break that follows a finished sentence', () => {
    expect(buildParagraphs(blocksOf('市长主持\n会议。\n\n会议指出，要\n抓落实。'))).toEqual(['市长主持会议。', '会议指出，要抓落实。']);
  });

  it('never breaks a paragraph without a blank line', () => {
    expect(buildParagraphs(blocksOf('第一句。\n第二句。'))).toEqual(['第一句。第二句。']);
  });

  it('keeps unfinished trailing text as a last paragraph', () => {
    expect(buildParagraphs(blocksOf('完整的一句。\n\n没有句号'))).toEqual(['完整的一句。', '没有句号']);
  });

  it('prints each paragraph as printed beside the copy the rules read', () => {
    expect(buildPrinted(blocksOf('本報記者從市交通局\n獲悉，１月 ２８日起。'))).toEqual([
      { text: '本报记者从市交通局获悉，1月28日起。', printed: '本報記者從市交通局獲悉，１月２８日起。' },
    ]);
  });
});
