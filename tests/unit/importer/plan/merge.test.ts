import { mergeField, sameField, sameValue } from '../../../../src/importer/plan/merge';
import type { KeyedList, Post } from '../../../../src/importer/plan/records';

const POSTS: KeyedList = { keyedBy: 'title' };

function post(title: string, firstSeen: string | null = null, lastSeen: string | null = firstSeen): Post {
  return { title, firstSeen, lastSeen };
}

describe('sameValue', () => {
  it('ignores object key order, which JSON columns do not preserve', () => {
    expect(sameValue({ label: 'GDP', value: 1 }, { value: 1, label: 'GDP' })).toBe(true);
  });

  it('treats a missing value as null', () => {
    expect(sameValue(undefined, null)).toBe(true);
  });

  it('treats a key holding null as a key not there, as a component reads back after the model gained an attribute', () => {
    expect(sameValue([{ name: '陈某', confidence: null }], [{ name: '陈某' }])).toBe(true);
    expect(sameValue([{ name: '陈某', confidence: 0.9 }], [{ name: '陈某' }])).toBe(false);
  });

  it('respects array order', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('mergeField for value fields', () => {
  it('follows the extraction when nobody touched the field', () => {
    expect(mergeField('value', 'old title', 'old title', 'better title')).toEqual({ value: 'better title', keptForEditor: false });
  });

  it('keeps an edited value and reports it when the extraction says something else', () => {
    expect(mergeField('value', 'editor title', 'old title', 'better title')).toEqual({ value: 'editor title', keptForEditor: true });
  });

  it('keeps an edited value without reporting it when the extraction now agrees with the editor', () => {
    expect(mergeField('value', 'editor title', 'old title', 'editor title')).toEqual({ value: 'editor title', keptForEditor: false });
  });

  it('keeps a value the editor cleared', () => {
    expect(mergeField('value', null, 'old title', 'better title')).toEqual({ value: null, keptForEditor: true });
  });

  it('fills an empty field of a document the importer never wrote', () => {
    expect(mergeField('value', null, undefined, 'found')).toEqual({ value: 'found', keptForEditor: false });
    expect(mergeField('value', '', undefined, 'found')).toEqual({ value: 'found', keptForEditor: false });
  });

  it('keeps a filled field of a document the importer never wrote', () => {
    expect(mergeField('value', 'typed by editor', undefined, 'found')).toEqual({ value: 'typed by editor', keptForEditor: true });
  });
});

describe('mergeField for set fields', () => {
  it('keeps an item the editor removed removed, although the importer still finds it', () => {
    expect(mergeField('set', ['A'], ['A', 'B'], ['A', 'B'])).toEqual({ value: ['A'], keptForEditor: true });
  });

  it('keeps an item the editor added, although the importer never found it', () => {
    expect(mergeField('set', ['A', 'C'], ['A'], ['A'])).toEqual({ value: ['A', 'C'], keptForEditor: true });
  });

  it('adds an item the importer newly finds', () => {
    expect(mergeField('set', ['A'], ['A'], ['A', 'B'])).toEqual({ value: ['A', 'B'], keptForEditor: false });
  });

  it('drops an item the importer no longer finds', () => {
    expect(mergeField('set', ['A', 'B'], ['A', 'B'], ['A'])).toEqual({ value: ['A'], keptForEditor: false });
  });

  it('combines editor and importer changes item by item', () => {
    // Editor removed B and added X; the importer now also finds C and no longer finds A.
    expect(mergeField('set', ['A', 'X'], ['A', 'B'], ['B', 'C'])).toEqual({
      value: ['X', 'C'],
      keptForEditor: true,
    });
  });

  it('does not report an editor change that the extraction now agrees with', () => {
    expect(mergeField('set', ['A', 'B'], ['A'], ['B', 'A'])).toEqual({ value: ['A', 'B'], keptForEditor: false });
  });

  it('adds the found items to a document the importer never wrote, keeping the editor items', () => {
    expect(mergeField('set', ['editor'], undefined, ['found'])).toEqual({ value: ['editor', 'found'], keptForEditor: true });
    expect(mergeField('set', null, undefined, ['found'])).toEqual({ value: ['found'], keptForEditor: false });
  });
});

describe('sameField', () => {
  it('compares sets and keyed lists without regard to order', () => {
    expect(sameField('set', ['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameField(POSTS, [post('市长'), post('市委副书记')], [post('市委副书记'), post('市长')])).toBe(true);
    expect(sameField('value', ['A', 'B'], ['B', 'A'])).toBe(false);
  });

  it('tells a changed item of a keyed list apart', () => {
    expect(sameField(POSTS, [post('市长', '2023-01-28')], [post('市长', '2023-02-01')])).toBe(false);
  });
});

describe('mergeField for keyed lists', () => {
  const mayor = post('市长', '2023-01-28');
  const deputy = post('市委副书记', '2023-01-28');

  it('follows the extraction for items nobody touched, with their new dates', () => {
    const later = post('市长', '2023-01-28', '2023-02-01');
    expect(mergeField(POSTS, [mayor], [mayor], [later])).toEqual({ value: [later], keptForEditor: false });
  });

  it('adds an item the importer newly finds', () => {
    expect(mergeField(POSTS, [mayor], [mayor], [mayor, deputy])).toEqual({ value: [mayor, deputy], keptForEditor: false });
  });

  it('drops an item the importer no longer finds, unless the editor changed it', () => {
    expect(mergeField(POSTS, [mayor, deputy], [mayor, deputy], [mayor])).toEqual({ value: [mayor], keptForEditor: false });
    const editedDeputy = post('市委副书记', '2022-12-01', '2023-01-28');
    expect(mergeField(POSTS, [mayor, editedDeputy], [mayor, deputy], [mayor])).toEqual({
      value: [mayor, editedDeputy],
      keptForEditor: true,
    });
  });

  it('keeps an item the editor removed removed, although the importer still finds it', () => {
    expect(mergeField(POSTS, [mayor], [mayor, deputy], [mayor, deputy])).toEqual({ value: [mayor], keptForEditor: true });
  });

  it('keeps the editor’s dates of an item, even when the extraction moves them', () => {
    const edited = post('市长', '2022-06-01', '2023-01-28');
    const later = post('市长', '2023-01-28', '2023-02-01');
    expect(mergeField(POSTS, [edited], [mayor], [later])).toEqual({ value: [edited], keptForEditor: true });
  });

  it('treats a renamed item as the editor’s own and the old one as removed', () => {
    const renamed = post('郑州市市长', '2023-01-28');
    expect(mergeField(POSTS, [renamed, deputy], [mayor, deputy], [mayor, deputy])).toEqual({
      value: [renamed, deputy],
      keptForEditor: true,
    });
  });

  it('combines an editor’s addition with an item the importer newly finds', () => {
    const added = post('省委常委');
    expect(mergeField(POSTS, [mayor, added], [mayor], [mayor, deputy])).toEqual({ value: [mayor, added, deputy], keptForEditor: true });
  });

  it('does not report an edit the extraction now agrees with, nor a reordering', () => {
    expect(mergeField(POSTS, [deputy, mayor], [mayor], [mayor, deputy])).toEqual({ value: [deputy, mayor], keptForEditor: false });
    expect(mergeField(POSTS, [deputy, mayor], [mayor, deputy], [mayor, deputy])).toEqual({ value: [deputy, mayor], keptForEditor: false });
  });

  it('adds the found items to a document the importer never wrote, keeping the editor’s items', () => {
    const typed = post('市长');
    expect(mergeField(POSTS, [typed], undefined, [mayor, deputy])).toEqual({ value: [typed, deputy], keptForEditor: true });
    expect(mergeField(POSTS, null, undefined, [mayor])).toEqual({ value: [mayor], keptForEditor: false });
  });
});
