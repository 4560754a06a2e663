import type { FieldKind, FieldValue } from './records';

/** Structural equality of stored JSON values; object key order is irrelevant. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: FieldValue | undefined): string {
  return JSON.stringify(value ?? null, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export interface FieldMerge {
  value: FieldValue;
  /** The editor's version was kept although the importer now extracts something else. */
  keptForEditor: boolean;
}

/**
 * Three-way merge of one field: `written` is what the importer stored last time (undefined when
 * the document was never written by the importer), `current` is what is there now, `desired`
 * is the new extraction. A field nobody touched follows the extraction; an edited one stays.
 */
export function mergeField(
  kind: FieldKind,
  current: FieldValue | undefined,
  written: FieldValue | undefined,
  desired: FieldValue,
): FieldMerge {
  if (kind === 'set') return mergeSet(asStrings(current), written === undefined ? undefined : asStrings(written), asStrings(desired));

  const untouched = written === undefined ? isEmpty(current) : sameValue(current, written);
  if (untouched) return { value: desired, keptForEditor: false };
  return { value: current ?? null, keptForEditor: !sameValue(current, desired) };
}

function asStrings(value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Item-wise merge: the importer adds what it newly finds and drops what it no longer finds,
 * while whatever the editor added stays and whatever the editor removed stays removed.
 */
function mergeSet(current: string[], written: string[] | undefined, desired: string[]): FieldMerge {
  const previous = written ?? [];
  const added = desired.filter((item) => !previous.includes(item));
  const dropped = new Set(previous.filter((item) => !desired.includes(item)));
  const merged = [...current.filter((item) => !dropped.has(item)), ...added.filter((item) => !current.includes(item))];
  const editorTouched = written !== undefined ? !sameSet(current, written) : current.length > 0;
  return { value: merged, keptForEditor: editorTouched && !sameSet(merged, desired) };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
