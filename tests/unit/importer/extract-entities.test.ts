import { extractEntities } from '../../../src/importer/entities';
import { extractPage } from '../../../src/importer/extract';
import { matchingText } from '../../../src/importer/layout/normalize';
import { readFixture } from './pages';

jest.mock('../../../src/importer/entities', () => ({
  ...jest.requireActual('../../../src/importer/entities'),
  extractEntities: jest.fn(() => ({
    officials: [{ name: '某某', titles: ['市长'], confidence: 0.9, titleConfidences: [0.9] }],
    projects: [],
    researchPlatforms: [],
    figures: [],
  })),
}));

describe('extractPage and entity extraction', () => {
  it('passes each article its paragraphs as the rules read them and every reporter on the page', () => {
    const result = extractPage({ file: 'headline-after-body.txt', bytes: readFixture('headline-after-body.txt') });
    const calls = jest.mocked(extractEntities).mock.calls;
    expect(calls).toHaveLength(2);
    // The page prints full-width digits (３月): the rules read them half-width, the article keeps them.
    expect(result.extraction.articles[0]!.paragraphs[0]).toMatch(/^３月/u);
    expect(calls[0]![0]).toEqual(result.extraction.articles[0]!.paragraphs.map(matchingText));
    for (const [, context] of calls) expect(context).toEqual({ reporters: ['张明', '王小红', '刘洋'] });
    expect(result.extraction.articles[1]!.officials).toEqual([{ name: '某某', titles: ['市长'], confidence: 0.9, titleConfidences: [0.9] }]);
  });
});
