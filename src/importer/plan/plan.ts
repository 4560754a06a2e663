import { mergeField, sameValue } from './merge';
import type { Contribution, CurrentRecord, DesiredRecord, Fields, ImportSnapshot, TypeSpec } from './records';

export type PlanAction = 'create' | 'update' | 'unchanged';

export interface PlanEntry {
  spec: TypeSpec;
  key: string;
  action: PlanAction;
  documentId: string | null;
  /** Full field values to create with, or only the changed fields to update. */
  data: Fields;
  /** Fields whose editor-made value was kept although the extraction differs. */
  keptForEditor: string[];
  snapshot: ImportSnapshot;
  /** Only the bookkeeping changed (what a page said), nothing an editor would see. */
  snapshotOnly: boolean;
  wasPublished: boolean;
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
      keptForEditor: [],
      snapshot: snapshotOf(desired.fields, desired.contributions),
      snapshotOnly: false,
      wasPublished: false,
    };
  }

  const written = current.snapshot?.written;
  const data: Fields = {};
  const nextWritten: Fields = {};
  const keptForEditor: string[] = [];

  for (const [field, kind] of Object.entries(desired.spec.fields)) {
    const merge = mergeField(kind, current.fields[field], written?.[field], desired.fields[field]);
    if (merge.keptForEditor) keptForEditor.push(field);
    if (!sameValue(merge.value, current.fields[field])) data[field] = merge.value;
    // Remember the extraction, not the merged value: next time, an unchanged extraction must
    // still recognise the editor's version as the editor's.
    nextWritten[field] = desired.fields[field];
  }

  const snapshot = snapshotOf(nextWritten, desired.contributions);
  const snapshotChanged = !sameValue(snapshot as never, (current.snapshot ?? null) as never);
  const hasFieldChanges = Object.keys(data).length > 0;

  return {
    spec: desired.spec,
    key: desired.key,
    action: hasFieldChanges ? 'update' : 'unchanged',
    documentId: current.documentId,
    data,
    keptForEditor,
    snapshot,
    snapshotOnly: !hasFieldChanges && snapshotChanged,
    wasPublished: current.published,
  };
}

function snapshotOf(written: Fields, contributions: Record<string, Contribution> | undefined): ImportSnapshot {
  return contributions ? { version: 1, written, contributions } : { version: 1, written };
}
