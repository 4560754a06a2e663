import { deletedLines, fileLine, keptLines, summaryTable, unassignedLines } from '../../../src/importer/report';
import type { FileReport, ImportReport, TypeCounts } from '../../../src/importer/service';

function counts(create: number, update = 0, unchanged = 0, keptForEditor = 0): TypeCounts {
  return { create, update, unchanged, keptForEditor };
}

function fileReport(overrides: Partial<FileReport>): FileReport {
  return {
    file: 'seeds/page.txt',
    status: 'imported',
    error: null,
    articles: 3,
    unassigned: [],
    changes: [],
    counts: { Official: counts(12, 1), Article: counts(3) },
    deleted: [],
    titles: {},
    ...overrides,
  };
}

/** Terminal columns of a line: CJK characters take two. */
function displayWidth(line: string): number {
  return [...line].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? 2 : 1), 0);
}

describe('deletedLines', () => {
  it('names each article left deleted and how to bring it back', () => {
    const lines = deletedLines(fileReport({ deleted: [{ key: 'k1', title: '新区举行项目签约仪式' }] }));
    expect(lines).toEqual(['  deleted by an editor, not re-created (--restore-deleted brings it back): 新区举行项目签约仪式 [k1]']);
  });
});

describe('keptLines', () => {
  it('names each document of the file whose fields an editor changed, and those fields', () => {
    const report = fileReport({
      changes: [
        { type: 'Article', key: 'k1', action: 'update', fields: ['body'], changed: [{ field: 'body', from: 'old', to: 'new' }], keptForEditor: ['title', 'subtitle'] },
        { type: 'Official', key: '周立新', action: 'unchanged', fields: [], changed: [], keptForEditor: [] },
      ],
    });
    expect(keptLines(report)).toEqual(['  Article k1: title, subtitle']);
  });
});

describe('fileLine', () => {
  it('shows what an import wrote per type', () => {
    expect(fileLine(fileReport({}))).toBe('✓ seeds/page.txt: imported 3 article(s) (Official +12 ~1, Article +3 ~0)');
  });

  it('says "would import" for a dry run', () => {
    expect(fileLine(fileReport({ status: 'planned' }))).toBe('✓ seeds/page.txt: would import 3 article(s) (Official +12 ~1, Article +3 ~0)');
  });

  it('says a skipped page is unchanged since its last import', () => {
    expect(fileLine(fileReport({ status: 'skipped', counts: { Official: counts(0, 0, 13), Article: counts(0, 0, 3) } }))).toBe(
      '✓ seeds/page.txt: unchanged since its last import, 3 article(s)',
    );
  });

  it('shows only the error of a failed file, which already names the file', () => {
    expect(fileLine(fileReport({ status: 'failed', error: 'seeds/page.txt:4: no article found', articles: 0 }))).toBe(
      '✗ seeds/page.txt:4: no article found',
    );
  });
});

describe('unassignedLines', () => {
  it('shows each piece of text no article took, with its lines, why, and the text as printed', () => {
    const report = fileReport({
      unassigned: [
        { lines: { first: 1, last: 1 }, text: 'A03 要闻 2023年1月29日', reason: 'come before the first byline' },
        { lines: { first: 6, last: 7 }, text: '本页为广告版，\n没有新闻稿件。', reason: 'follow the last article' },
      ],
    });
    expect(unassignedLines(report)).toEqual([
      '  lines 1-1 belong to no article (come before the first byline):',
      '    | A03 要闻 2023年1月29日',
      '  lines 6-7 belong to no article (follow the last article):',
      '    | 本页为广告版，',
      '    | 没有新闻稿件。',
    ]);
  });

  it('shows nothing for a page whose text all belongs to articles', () => {
    expect(unassignedLines(fileReport({}))).toEqual([]);
  });
});

describe('summaryTable', () => {
  const report: ImportReport = {
    fileCount: 0,
    skipped: 0,
    failed: 0,
    firstErrors: [],
    totals: { Official: counts(12, 3, 100, 2), 研究平台: counts(1) },
  };
  const lines = summaryTable(report).split('\n');

  it('has a header, a rule and one row per type', () => {
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('type      created  updated  unchanged  kept for editor');
    expect(lines[1]).toMatch(/^[- ]+$/);
  });

  it('lines columns up on screen when a type name is written in CJK', () => {
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[3].startsWith('研究平台  ')).toBe(true);
  });

  it('right-aligns the counts under their headings', () => {
    expect(lines[2]).toBe('Official       12        3        100                2');
    expect(lines[3]).toBe('研究平台        1        0          0                0');
  });
});
