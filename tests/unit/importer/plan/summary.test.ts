import { seededRandom } from '../../../../bench/corpus';
import { PROJECT_STAGES } from '../../../../src/importer/extraction-schema';
import {
  OFFICIAL_SPEC,
  PROJECT_SPEC,
  RESEARCH_PLATFORM_SPEC,
  type Contribution,
  type OfficialContribution,
  type TypeSpec,
} from '../../../../src/importer/plan/records';
import { addToSummary, postsFrom, summarize } from '../../../../src/importer/plan/summary';

function said(titles: string[], issueDate: string | null = null): OfficialContribution {
  return { titles, issueDate };
}

/** Generated says about one entity: few titles, dates and hosts, so that ties and repeats are common. */
function generatedSay(spec: TypeSpec, random: () => number): Contribution {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  if (spec === OFFICIAL_SPEC) {
    const titles = ['市长', '市委书记', '省委常委', '副市长'].filter(() => random() < 0.4);
    return said(titles, pick([null, '2023-01-28', '2023-01-28', '2023-02-06', '2023-03-01']));
  }
  if (spec === PROJECT_SPEC) return { stage: pick([null, ...PROJECT_STAGES]) };
  return { kind: pick(['lab', 'field_station', 'centre']), host: pick([null, '郑州大学', '河南大学']), nameGenerated: random() < 0.5 };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('summaries', () => {
  it.each([OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC])(
    'of %s are the same whether built at once or page by page, in any order',
    (spec) => {
      const random = seededRandom(20261128);
      for (let round = 0; round < 200; round += 1) {
        const says = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i): [string, Contribution] => [
          `a-${Math.floor(random() * 1000)}-${i}`,
          generatedSay(spec, random),
        ]);
        const atOnce = summarize(spec, Object.fromEntries(says));
        const pageByPage = shuffled(says, random).reduce(
          (summary, [articleKey, contribution]) => addToSummary(spec, summary, articleKey, contribution),
          null as ReturnType<typeof summarize>,
        );
        expect(pageByPage).toEqual(atOnce);
      }
    },
  );

  it('has nothing to say of an entity no article describes', () => {
    expect(summarize(OFFICIAL_SPEC, {})).toBeNull();
  });

  it('puts posts first printed on the same day in the order of their titles', () => {
    expect(postsFrom([said(['市长', '副书记'], '2023-01-28')]).map((post) => post.title)).toEqual(['副书记', '市长']);
  });
});

describe('postsFrom', () => {
  it('dates each post by the first and last issue that printed it', () => {
    expect(
      postsFrom([said(['市委副书记', '市长'], '2023-01-28'), said(['市长'], '2023-03-01'), said(['市长'], '2023-02-06')]),
    ).toEqual([
      { title: '市委副书记', firstSeen: '2023-01-28', lastSeen: '2023-01-28' },
      { title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-03-01' },
    ]);
  });

  it('puts posts in the order they were first printed, and undated posts last', () => {
    expect(postsFrom([said(['省委常委']), said(['市长'], '2023-03-01'), said(['市委书记'], '2023-01-28')])).toEqual([
      { title: '市委书记', firstSeen: '2023-01-28', lastSeen: '2023-01-28' },
      { title: '市长', firstSeen: '2023-03-01', lastSeen: '2023-03-01' },
      { title: '省委常委', firstSeen: null, lastSeen: null },
    ]);
  });

  it('dates a post from the issues that are known and ignores the unknown ones', () => {
    expect(postsFrom([said(['市长']), said(['市长'], '2023-02-01')])).toEqual([
      { title: '市长', firstSeen: '2023-02-01', lastSeen: '2023-02-01' },
    ]);
  });
});
