import { planRecord } from '../../../../src/importer/plan/plan';
import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  type Contribution,
  type CurrentRecord,
  type DesiredRecord,
  type Fields,
  type TypeSpec,
} from '../../../../src/importer/plan/records';

/** An article reduced to one value field and one relation, enough to exercise both merge kinds. */
const SMALL_ARTICLE_SPEC: TypeSpec = { ...ARTICLE_SPEC, fields: { title: 'value', officials: 'set' } };

function desired(spec: TypeSpec, fields: Fields, contributions?: Record<string, Contribution>): DesiredRecord {
  return { spec, key: 'k-1', fields, contributions, createOnly: { sourceKey: 'k-1' } };
}

function stored(fields: Fields, written: Fields | null, contributions?: Record<string, Contribution>): CurrentRecord {
  const snapshot = written === null ? null : contributions ? { version: 1 as const, written, contributions } : { version: 1 as const, written };
  return { documentId: 'doc-1', key: 'k-1', fields, snapshot, published: false };
}

describe('planRecord', () => {
  it('creates the document with its create-only fields when there is none', () => {
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'T', officials: ['安伟'] }), null);
    expect(plan).toMatchObject({
      action: 'create',
      documentId: null,
      data: { title: 'T', officials: ['安伟'], sourceKey: 'k-1' },
      keptForEditor: [],
      snapshot: { version: 1, written: { title: 'T', officials: ['安伟'] } },
      snapshotOnly: false,
    });
  });

  it('leaves the document unchanged when database, last write and extraction agree', () => {
    const fields = { title: 'T', officials: ['安伟'] };
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, fields), stored(fields, fields));
    expect(plan).toMatchObject({ action: 'unchanged', documentId: 'doc-1', data: {}, keptForEditor: [], snapshotOnly: false });
  });

  it('updates only the untouched field the extraction improved', () => {
    const written = { title: 'Old', officials: ['安伟'] };
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'Better', officials: ['安伟'] }), stored(written, written));
    expect(plan.action).toBe('update');
    expect(plan.data).toEqual({ title: 'Better' });
    expect(plan.keptForEditor).toEqual([]);
  });

  it('keeps a field the editor changed and reports it because the extraction differs', () => {
    const written = { title: 'Old', officials: ['安伟'] };
    const plan = planRecord(
      desired(SMALL_ARTICLE_SPEC, { title: 'Better', officials: ['安伟'] }),
      stored({ title: 'Editor', officials: ['安伟'] }, written),
    );
    expect(plan).toMatchObject({ action: 'unchanged', data: {}, keptForEditor: ['title'] });
  });

  it('does not report an editor change that equals the new extraction', () => {
    const plan = planRecord(
      desired(SMALL_ARTICLE_SPEC, { title: 'Editor', officials: ['安伟'] }),
      stored({ title: 'Editor', officials: ['安伟'] }, { title: 'Old', officials: ['安伟'] }),
    );
    expect(plan.action).toBe('unchanged');
    expect(plan.keptForEditor).toEqual([]);
  });

  it('remembers the extraction, not the kept editor value, so the edit is still recognised next time', () => {
    const plan = planRecord(
      desired(SMALL_ARTICLE_SPEC, { title: 'Better', officials: ['安伟'] }),
      stored({ title: 'Editor', officials: ['安伟'] }, { title: 'Old', officials: ['安伟'] }),
    );
    expect(plan.snapshot.written).toEqual({ title: 'Better', officials: ['安伟'] });
  });

  describe('relations merge item by item', () => {
    const written = { title: 'T', officials: ['安伟', '何雄'] };

    it('keeps an official the editor removed removed', () => {
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, written), stored({ title: 'T', officials: ['安伟'] }, written));
      expect(plan).toMatchObject({ action: 'unchanged', data: {}, keptForEditor: ['officials'] });
    });

    it('keeps an official the editor added', () => {
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, written), stored({ title: 'T', officials: ['安伟', '何雄', '虎强'] }, written));
      expect(plan).toMatchObject({ action: 'unchanged', data: {}, keptForEditor: ['officials'] });
    });

    it('adds an official the importer newly finds', () => {
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'T', officials: ['安伟', '何雄', '田海涛'] }), stored(written, written));
      expect(plan).toMatchObject({ action: 'update', data: { officials: ['安伟', '何雄', '田海涛'] }, keptForEditor: [] });
    });

    it('drops an official the importer no longer finds', () => {
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'T', officials: ['安伟'] }), stored(written, written));
      expect(plan).toMatchObject({ action: 'update', data: { officials: ['安伟'] }, keptForEditor: [] });
    });
  });

  describe('a document an editor created, without a snapshot', () => {
    it('gets its empty fields filled and keeps its filled ones', () => {
      const plan = planRecord(
        desired(SMALL_ARTICLE_SPEC, { title: 'Extracted', officials: ['安伟'] }),
        stored({ title: 'Typed by editor', officials: [] }, null),
      );
      expect(plan.action).toBe('update');
      expect(plan.data).toEqual({ officials: ['安伟'] });
      expect(plan.keptForEditor).toEqual(['title']);
      expect(plan.snapshot).toEqual({ version: 1, written: { title: 'Extracted', officials: ['安伟'] } });
    });

    it('gets a snapshot even when it already says what the extraction says', () => {
      const fields = { title: 'T', officials: ['安伟'] };
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, fields), stored(fields, null));
      expect(plan).toMatchObject({ action: 'unchanged', snapshotOnly: true });
    });
  });

  it('marks the plan snapshot-only when nothing but the contributions changed', () => {
    const fields = { name: '安伟', titles: ['市委书记'] };
    const plan = planRecord(
      desired(OFFICIAL_SPEC, fields, { 'a-1': { titles: ['市委书记'] }, 'a-2': { titles: ['市委书记'] } }),
      stored(fields, fields, { 'a-1': { titles: ['市委书记'] } }),
    );
    expect(plan).toMatchObject({ action: 'unchanged', data: {}, snapshotOnly: true });
    expect(plan.snapshot.contributions).toEqual({ 'a-1': { titles: ['市委书记'] }, 'a-2': { titles: ['市委书记'] } });
  });

  it('is not snapshot-only when the stored snapshot differs only in key order', () => {
    const fields = { name: '安伟', titles: ['市委书记'] };
    const plan = planRecord(
      desired(OFFICIAL_SPEC, fields, { 'a-1': { titles: ['市委书记'] } }),
      stored({ titles: ['市委书记'], name: '安伟' }, { titles: ['市委书记'], name: '安伟' }, { 'a-1': { titles: ['市委书记'] } }),
    );
    expect(plan).toMatchObject({ action: 'unchanged', snapshotOnly: false });
  });

  it('carries over whether the document was published', () => {
    const fields = { title: 'T', officials: [] };
    const published = { ...stored(fields, fields), published: true };
    expect(planRecord(desired(SMALL_ARTICLE_SPEC, fields), published).wasPublished).toBe(true);
  });
});
