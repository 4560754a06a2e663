import { printedSource } from '../../../src/desk/printed-source';

const article = {
  title: '新区科研平台通过验收',
  titleGenerated: true,
  source: { fileName: 'page.txt', firstLine: 12, rawText: '本报讯（记者 甲）市委常委、副市\n长孔庆\n伟出席。依托师范学院建设\n的重点实验室 3家。' },
  officials: [{ documentId: 'o1', name: '孔庆伟', confidence: 0.45 }],
  projects: [{ documentId: 'p1', name: '不在原文里的项目' }],
  researchPlatforms: [{ documentId: 'r1', name: '师范学院重点实验室', nameGenerated: true }],
  figures: [{ label: '重点实验室', value: '3.0', unit: '家' }],
};

describe('printedSource', () => {
  it('numbers the lines from where the article starts on the page', () => {
    const source = printedSource(article);
    expect(source.lines.map((line) => line.number)).toEqual([12, 13, 14, 15]);
    expect(source.title).toEqual({ text: '新区科研平台通过验收', generated: true });
  });

  it('finds a name broken across column lines, and says when the print does not show one', () => {
    const marks = printedSource(article).marks;
    const missing = { firstLine: null, lastLine: null, start: null, end: null, confidence: null, doubtful: false };
    expect(marks).toContainEqual({
      kind: 'official', text: '孔庆伟', documentId: 'o1', firstLine: 13, lastLine: 14, start: { line: 13, column: 1 }, end: { line: 14, column: 1 },
      generated: false, confidence: 0.45, doubtful: true,
    });
    expect(marks).toContainEqual({ kind: 'project', text: '不在原文里的项目', documentId: 'p1', ...missing, generated: false });
    expect(marks).toContainEqual({ kind: 'researchPlatform', text: '师范学院重点实验室', documentId: 'r1', ...missing, generated: true });
    expect(marks).toContainEqual({
      kind: 'figure', text: '重点实验室 3家', documentId: null, firstLine: 15, lastLine: 15, start: { line: 15, column: 7 }, end: { line: 15, column: 8 },
      generated: false, confidence: null, doubtful: false,
    });
  });

  it('has no lines when the article kept no printed text', () => {
    expect(printedSource({ ...article, source: null }).lines).toEqual([]);
  });
});
