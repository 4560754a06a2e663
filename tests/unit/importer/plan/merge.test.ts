import { mergeField, sameValue } from '../../../../src/importer/plan/merge';

describe('sameValue', () => {
  it('ignores object key order, which JSON columns do not preserve', () => {
    expect(sameValue({ label: 'GDP', value: 1 }, { value: 1, label: 'GDP' })).toBe(true);
  });

  it('treats a missing value as null', () => {
    expect(sameValue(undefined, null)).toBe(true);
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
