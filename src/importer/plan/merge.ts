import type { FieldKind, FieldValue, KeyedList } from './records';

/**
 * Structural equality of stored JSON values; object key order is irrelevant, and so is a key that
 * holds null: a component read back after the content model gained an attribute has it as null,
 * where the snapshot written before has no such key, and that is no editor's change.
 */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: FieldValue | undefined): string {
  return JSON.stringify(value ?? null, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner)
            .filter(([, held]) => held !== null && held !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

/**
 * Equality as the merge sees it: sets and keyed lists are unordered (the database does not keep
 * the order of relations, and an editor reordering posts changes nothing the importer owns).
 */
export function sameField(kind: FieldKind, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (kind === 'value') return sameValue(a, b);
  return sameItems(asList(a), asList(b));
}

function sameItems(a: FieldValue[], b: FieldValue[]): boolean {
  const sorted = (items: FieldValue[]) => items.map((item) => canonical(item)).sort();
  return sameValue(sorted(a), sorted(b));
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
  if (kind !== 'value') return mergeKeyed(kind, asItems(current), written === undefined ? undefined : asItems(written), asItems(desired));

  const untouched = written === undefined ? isEmpty(current) : sameValue(current, written);
  if (untouched) return { value: desired, keptForEditor: false };
  return { value: current ?? null, keptForEditor: !sameValue(current, desired) };
}

function asList(value: FieldValue | undefined): FieldValue[] {
  return Array.isArray(value) ? value : [];
}

function asStrings(value: FieldValue | undefined): string[] {
  return asList(value).filter((item): item is string => typeof item === 'string');
}

type Item = { [key: string]: FieldValue };

function asItems(value: FieldValue | undefined): Item[] {
  return asList(value).filter((item): item is Item => item !== null && typeof item === 'object' && !Array.isArray(item));
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
  const editorTouched = written !== undefined ? !sameItems(current, written) : current.length > 0;
  return { value: merged, keptForEditor: editorTouched && !sameItems(merged, desired) };
}

/**
 * The set merge for lists of objects, item by item under their key: an item exactly as the
 * importer wrote it follows the extraction (or goes when no longer found); an item the editor
 * added or changed stays as the editor left it; an item the editor removed stays removed.
 * Renaming an item's key counts as removing the old item and adding the editor's own.
 */
function mergeKeyed({ keyedBy }: KeyedList, current: Item[], written: Item[] | undefined, desired: Item[]): FieldMerge {
  const keyOf = (item: Item) => canonical(item[keyedBy]);
  const previous = new Map((written ?? []).map((item) => [keyOf(item), item]));
  const found = new Map(desired.map((item) => [keyOf(item), item]));

  const merged: Item[] = [];
  for (const item of current) {
    const asWritten = previous.get(keyOf(item));
    const untouched = asWritten !== undefined && sameValue(item, asWritten);
    if (!untouched) merged.push(item);
    else if (found.has(keyOf(item))) merged.push(found.get(keyOf(item)) as Item);
  }
  const present = new Set(current.map(keyOf));
  for (const item of desired) {
    if (!previous.has(keyOf(item)) && !present.has(keyOf(item))) merged.push(item);
  }

  const editorTouched = written !== undefined ? !sameItems(current, written) : current.length > 0;
  return { value: merged, keptForEditor: editorTouched && !sameItems(merged, desired) };
}
