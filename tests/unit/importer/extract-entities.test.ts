import { extractEntities } from '../../../src/importer/entities';
import { extractPage } from '../../../src/importer/extract';
import { readFixture } from './pages';

jest.mock('../../../src/importer/entities', () => ({
  extractEntities: jest.fn(() => ({
    officials: [{ name: '某某', titles: ['市长'] }],
    projects: [],
    researchPlatforms: [],
    figures: [],
  })),
}));

describe('extractPage and entity extraction', () => {
  it('passes each article its paragraphs and every reporter on the page', () => {
    const result = extractPage({ file: 'headline-after-body.txt', bytes: readFixture('headline-after-body.txt') });
    const calls = jest.mocked(extractEntities).mock.calls;
    expect(calls).toHaveLength(2);
    expect(calls[0][0]).toEqual(result.extraction.articles[0].paragraphs);
    for (const [, context] of calls) expect(context).toEqual({ reporters: ['张明', '王小红', '刘洋'] });
    expect(result.extraction.articles[1].officials).toEqual([{ name: '某某', titles: ['市长'] }]);
  });
});
