import { planRecord } from '../../../../src/importer/plan/plan';
import {
  ARTICLE_SPEC,
  OFFICIAL_SPEC,
  RESEARCH_PLATFORM_SPEC,
  type CurrentRecord,
  type DesiredRecord,
  type Fields,
  type ImportSnapshot,
  type StoredVersion,
  type TypeSpec,
} from '../../../../src/importer/plan/records';
import type { EntitySummary } from '../../../../src/importer/plan/summary';

/** An article reduced to one value field and one relation, enough to exercise both merge kinds. */
const SMALL_ARTICLE_SPEC: TypeSpec = { ...ARTICLE_SPEC, fields: { title: 'value', officials: 'set' }, createOnly: [] };
const MAYOR = { title: '市长', firstSeen: '2023-01-28', lastSeen: '2023-01-28' };

function desired(spec: TypeSpec, fields: Fields, summary?: EntitySummary): DesiredRecord {
  return { spec, key: 'k-1', fields, summary, createOnly: { sourceKey: 'k-1' } };
}

function snapshot(written: Fields | null, summary?: EntitySummary): ImportSnapshot | null {
  if (written === null) return null;
  return summary ? { version: 3, written, summary } : { version: 3, written };
}

function stored(fields: Fields, written: Fields | null, summary?: EntitySummary): CurrentRecord {
  return { documentId: 'doc-1', key: 'k-1', fields, snapshot: snapshot(written, summary), published: null };
}

function withPublished(record: CurrentRecord, published: StoredVersion): CurrentRecord {
  return { ...record, published };
}

describe('planRecord', () => {
  it('creates the document with its create-only fields when there is none', () => {
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'T', officials: ['安伟'] }), null);
    expect(plan).toMatchObject({
      action: 'create',
      documentId: null,
      data: { title: 'T', officials: ['安伟'], sourceKey: 'k-1' },
      keptForEditor: [],
      snapshot: { version: 3, written: { title: 'T', officials: ['安伟'] } },
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
      expect(plan.snapshot).toEqual({ version: 3, written: { title: 'Extracted', officials: ['安伟'] } });
    });

    it('gets a snapshot even when it already says what the extraction says', () => {
      const fields = { title: 'T', officials: ['安伟'] };
      const plan = planRecord(desired(SMALL_ARTICLE_SPEC, fields), stored(fields, null));
      expect(plan).toMatchObject({ action: 'unchanged', snapshotOnly: true });
    });
  });

  it('marks the plan snapshot-only when nothing but the summary changed', () => {
    const fields = { name: '野外站', nameGenerated: false, kind: 'lab', hostInstitution: null };
    const before = { nameGenerated: false, kind: 'lab', kindFrom: 'a-1', host: null, hostFrom: null };
    const after = { ...before, kindFrom: 'a-2' };
    const plan = planRecord(desired(RESEARCH_PLATFORM_SPEC, fields, after), stored(fields, fields, before));
    expect(plan).toMatchObject({ action: 'unchanged', data: {}, snapshotOnly: true });
    expect(plan.snapshot.summary).toEqual(after);
  });

  it('is not snapshot-only when the stored snapshot differs only in key order', () => {
    const plan = planRecord(
      desired(OFFICIAL_SPEC, { name: '安伟', posts: [MAYOR] }, { posts: [MAYOR] }),
      stored({ posts: [MAYOR], name: '安伟' }, { posts: [MAYOR], name: '安伟' }, { posts: [MAYOR] }),
    );
    expect(plan).toMatchObject({ action: 'unchanged', snapshotOnly: false });
  });

  it('keeps an official’s post list as the editor left it, and adds a newly printed post', () => {
    const deputy = { title: '市委副书记', firstSeen: '2023-02-01', lastSeen: '2023-02-01' };
    const renamed = { ...MAYOR, title: '郑州市市长' };
    const plan = planRecord(
      desired(OFFICIAL_SPEC, { name: '何雄', posts: [MAYOR, deputy] }),
      stored({ name: '何雄', posts: [renamed] }, { name: '何雄', posts: [MAYOR] }),
    );
    expect(plan).toMatchObject({ action: 'update', data: { posts: [renamed, deputy] }, keptForEditor: ['posts'] });
  });
});

describe('planRecord: what publishing means', () => {
  const written = { title: 'Old', officials: ['安伟'] };

  it('publishes a new document as created', () => {
    expect(planRecord(desired(SMALL_ARTICLE_SPEC, written), null).publication).toEqual({ kind: 'draft' });
  });

  it('publishes a document that was never published as its draft', () => {
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, written), stored({ title: 'Editor', officials: ['安伟'] }, written));
    expect(plan.publication).toEqual({ kind: 'draft' });
  });

  it('publishes nothing when the published version already says what the importer says', () => {
    const record = withPublished(stored(written, written), { fields: written, snapshot: snapshot(written) });
    expect(planRecord(desired(SMALL_ARTICLE_SPEC, written), record).publication).toEqual({ kind: 'none' });
  });

  it('publishes the draft when it holds nothing an editor has not published', () => {
    const better = { title: 'Better', officials: ['安伟'] };
    const record = withPublished(stored(written, written), { fields: written, snapshot: snapshot(written) });
    expect(planRecord(desired(SMALL_ARTICLE_SPEC, better), record).publication).toEqual({ kind: 'draft' });
  });

  it('publishes the importer’s change on top of the published version, leaving an editor’s pending draft edit a draft', () => {
    const record = withPublished(stored({ title: 'Editor draft', officials: ['安伟'] }, written), {
      fields: written,
      snapshot: snapshot(written),
    });
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'Old', officials: ['安伟', '何雄'] }), record);
    expect(plan.publication).toEqual({
      kind: 'merged',
      published: { title: 'Old', officials: ['安伟', '何雄'] },
      draft: { title: 'Editor draft', officials: ['安伟', '何雄'] },
    });
  });

  it('keeps what an editor published, and the published version of their create-only fields', () => {
    const spec: TypeSpec = { ...SMALL_ARTICLE_SPEC, createOnly: ['reviewStatus'] };
    const record = withPublished(stored({ title: 'Published edit', officials: ['安伟'], reviewStatus: 'needs_review' }, written), {
      fields: { title: 'Published edit', officials: ['安伟'], reviewStatus: 'reviewed' },
      snapshot: snapshot(written),
    });
    const plan = planRecord(desired(spec, { title: 'Better', officials: [] }), record);
    expect(plan.publication).toEqual({
      kind: 'merged',
      published: { title: 'Published edit', officials: [], reviewStatus: 'reviewed' },
      draft: { title: 'Published edit', officials: [], reviewStatus: 'needs_review' },
    });
  });

  it('merges the published version against what the importer wrote into that version', () => {
    // The draft's snapshot moved on in an import without --publish; the published one did not.
    const record = withPublished(stored({ title: 'Newer', officials: ['安伟'] }, { title: 'Newer', officials: ['安伟'] }), {
      fields: written,
      snapshot: snapshot(written),
    });
    const plan = planRecord(desired(SMALL_ARTICLE_SPEC, { title: 'Newer', officials: ['安伟'] }), record);
    expect(plan.action).toBe('unchanged');
    expect(plan.publication).toEqual({ kind: 'draft' });
  });
});
