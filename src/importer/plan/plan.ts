import { mergeField, sameField, sameValue } from './merge';
import {
  SNAPSHOT_VERSION,
  type CurrentRecord,
  type DesiredRecord,
  type FieldKind,
  type Fields,
  type ImportSnapshot,
  type StoredVersion,
  type TypeSpec,
} from './records';
import type { EntitySummary } from './summary';

export type PlanAction = 'create' | 'update' | 'unchanged';

/**
 * What publishing the document means (used with --publish). The published version must become
 * the last published version plus the importer's own changes, never an editor's pending draft.
 */
export type Publication =
  /** The published version already holds everything the importer has to say. */
  | { kind: 'none' }
  /** The draft, once written, is exactly what should be published. */
  | { kind: 'draft' }
  /**
   * The draft holds editor changes that were never published: publish `published`, then give
   * the draft back its own merge, `draft`. Both are complete field values.
   */
  | { kind: 'merged'; published: Fields; draft: Fields };

export interface PlanEntry {
  spec: TypeSpec;
  key: string;
  action: PlanAction;
  documentId: string | null;
  /** Full field values to create with, or only the changed fields to update. */
  data: Fields;
  /** What the stored draft holds in each field of an update's `data`, so a preview shows old → new. */
  previous: Fields;
  /** Fields whose editor-made value was kept although the extraction differs. */
  keptForEditor: string[];
  snapshot: ImportSnapshot;
  /** Only the bookkeeping changed (what a page said), nothing an editor would see. */
  snapshotOnly: boolean;
  publication: Publication;
}

interface VersionMerge {
  /** Every managed field after the merge, and the version's own create-only fields. */
  result: Fields;
  /** Only the fields that differ from the version as stored. */
  changes: Fields;
  /** The stored values of those fields. */
  previous: Fields;
  keptForEditor: string[];
}

/** The three-way merge of one stored version with the extraction. */
function mergeVersion(spec: TypeSpec, version: StoredVersion, desired: DesiredRecord): VersionMerge {
  const written = version.snapshot?.written;
  const result: Fields = {};
  const changes: Fields = {};
  const previous: Fields = {};
  const keptForEditor: string[] = [];
  for (const [field, kind] of Object.entries(spec.fields)) {
    const merge = mergeField(kind, version.fields[field], written?.[field], desired.fields[field]);
    if (merge.keptForEditor) keptForEditor.push(field);
    result[field] = merge.value;
    if (!sameField(kind, merge.value, version.fields[field])) {
      changes[field] = merge.value;
      previous[field] = version.fields[field] ?? null;
    }
  }
  for (const field of spec.createOnly) result[field] = version.fields[field] ?? null;
  return { result, changes, previous, keptForEditor };
}

function sameVersion(spec: TypeSpec, a: Fields, b: Fields): boolean {
  const kinds: Array<[string, FieldKind]> = [...Object.entries(spec.fields), ...spec.createOnly.map((field): [string, FieldKind] => [field, 'value'])];
  return kinds.every(([field, kind]) => sameField(kind, a[field], b[field]));
}

/**
 * Decides what to do with one document. Pure: the same current state and extraction always give
 * the same plan, which is what makes `--dry-run` truthful and re-imports idempotent.
 */
export function planRecord(desired: DesiredRecord, current: CurrentRecord | null): PlanEntry {
  if (!current) {
    return {
      spec: desired.spec,
      key: desired.key,
      action: 'create',
      documentId: null,
      data: { ...desired.fields, ...desired.createOnly },
      previous: {},
      keptForEditor: [],
      snapshot: snapshotOf(desired.fields, desired.summary),
      snapshotOnly: false,
      publication: { kind: 'draft' },
    };
  }

  const draft = mergeVersion(desired.spec, current, desired);
  // Remember the extraction, not the merged value: next time, an unchanged extraction must
  // still recognise the editor's version as the editor's.
  const snapshot = snapshotOf(desired.fields, desired.summary);
  const snapshotChanged = !sameValue(snapshot as never, (current.snapshot ?? null) as never);
  const hasFieldChanges = Object.keys(draft.changes).length > 0;

  return {
    spec: desired.spec,
    key: desired.key,
    action: hasFieldChanges ? 'update' : 'unchanged',
    documentId: current.documentId,
    data: draft.changes,
    previous: draft.previous,
    keptForEditor: draft.keptForEditor,
    snapshot,
    snapshotOnly: !hasFieldChanges && snapshotChanged,
    publication: planPublication(desired, current, draft.result),
  };
}

/**
 * The published version gets the same three-way merge as the draft, against what the importer
 * had written into that version, so editor changes made since it was published stay out of it.
 * A document never published has no version to protect and is published as its draft.
 */
function planPublication(desired: DesiredRecord, current: CurrentRecord, draft: Fields): Publication {
  if (!current.published) return { kind: 'draft' };
  const published = mergeVersion(desired.spec, current.published, desired).result;
  if (sameVersion(desired.spec, published, current.published.fields)) return { kind: 'none' };
  if (sameVersion(desired.spec, published, draft)) return { kind: 'draft' };
  return { kind: 'merged', published, draft };
}

function snapshotOf(written: Fields, summary: EntitySummary | undefined): ImportSnapshot {
  return summary ? { version: SNAPSHOT_VERSION, written, summary } : { version: SNAPSHOT_VERSION, written };
}
