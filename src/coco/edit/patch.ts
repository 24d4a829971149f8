/**
 * A patch: the low-level effect of an edit, as plain data with before and after values,
 * so it can be stored, persisted, inverted and replayed. `applyPatch` returns a new
 * dataset (arrays copied, not the records in them); `invertPatch` undoes a patch.
 *
 * Positions are indices into the dataset's `images`, `annotations`, `categories` arrays
 * at the moment the op applies; ops apply in order, and an inverse applies in reverse.
 */
import { annotationArray } from '../annotationTable';
import { StoredAnnotations } from '../columnar/storedAnnotations';
import type { AnnotationRecord, CategoryRecord, Dataset } from '../model';
import { ParseContext } from '../parse/context';
import { buildIndex, indexById } from '../parse/buildIndex';
import { parseAnnotations } from '../parse/parseAnnotations';
import { parseCategories } from '../parse/parseCategories';
import { ProblemLog } from '../problems';
import { jsonEqual } from './objects';
import type { CocoAnnotation, CocoCategory } from '../types';

export type Collection = 'annotations' | 'categories';

export type PatchOp =
  | { op: 'replace'; collection: Collection; at: number; before: object; after: object }
  | { op: 'insert'; collection: Collection; at: number; value: object }
  | { op: 'remove'; collection: Collection; at: number; value: object };

export type Patch = PatchOp[];

/** The patch that undoes `patch`. */
export function invertPatch(patch: Patch): Patch {
  return patch
    .map((op): PatchOp => {
      switch (op.op) {
        case 'replace':
          return { ...op, before: op.after, after: op.before };
        case 'insert':
          return { op: 'remove', collection: op.collection, at: op.at, value: op.value };
        case 'remove':
          return { op: 'insert', collection: op.collection, at: op.at, value: op.value };
      }
    })
    .reverse();
}

/**
 * The sequence that undoes `entries` (each carrying a patch, applied in order): the
 * entries in reverse order, each patch inverted, every other field kept as it is.
 */
export function invertPatchSequence<E extends { patch: Patch }>(entries: readonly E[]): E[] {
  return [...entries].reverse().map((entry) => ({ ...entry, patch: invertPatch(entry.patch) }));
}

export class PatchConflict extends Error {}

/**
 * The dataset after `patch`. Records touched by the patch are derived anew from their file
 * objects; the index is rebuilt only when an op could change it (an insert or remove, a
 * changed id, image or category).
 */
export function applyPatch(dataset: Dataset, patch: Patch): Dataset {
  const stored = dataset.annotations instanceof StoredAnnotations ? dataset.annotations : null;
  // A stored table's positions are edited as slot numbers (see StoredAnnotations.slots):
  // 860k records are never made to change one.
  let annotations: AnnotationRecord[] | number[] | Int32Array | null = null;
  let added: AnnotationRecord[] = [];
  let categories: CategoryRecord[] | null = null;
  let lookup: Lookup | null = null;
  let reindex = false;
  /** A stored table's positions given another slot, while the patch only replaces. */
  let replaced: Map<number, number> | null = null;
  for (let i = 0; i < patch.length;) {
    const op = patch[i]!;
    // Runs of removes (descending) or inserts (ascending) are applied in one pass: deleting
    // a category's 100k annotations must not splice a big array 100k times.
    const run = runOf(patch, i);
    if (op.collection === 'annotations') {
      lookup ??= lookupOf(dataset, categories ?? dataset.categories);
      const current = lookup;
      const derive = (file: object, at: number) =>
        annotationRecord(dataset.kind, current, file, at);
      if (stored !== null) {
        added = added.length > 0 ? added : [...stored.added];
        const entries = slotEntries(stored, added, derive);
        if (op.op === 'replace' && annotations === null) {
          // Replaces only, so far: kept apart from the table's slots (no copy of 860k).
          replaced ??= new Map();
          const slots = replacedSlots(stored, replaced);
          reindex = applyReplace(slots, op, entries) || reindex;
          i += run;
          continue;
        }
        let slots: number[] | Int32Array =
          (annotations as number[] | Int32Array | null) ?? stored.slotArray();
        replaced?.forEach((slot, at) => (slots[at] = slot));
        replaced = null;
        if (op.op === 'replace' && run === 1) {
          // Most edits replace records: the slots stay a typed array (a copy, no list of 860k).
          reindex = applyReplace(positionsOf(slots), op, entries) || reindex;
        } else {
          if (slots instanceof Int32Array) slots = Array.from(slots);
          if (run > 1) slots = applyRun(slots, patch.slice(i, i + run), entries);
          else reindex = applyOp(slots, op, entries) || reindex;
        }
        annotations = slots;
      } else {
        let records: AnnotationRecord[] =
          (annotations as AnnotationRecord[] | null) ?? annotationArray(dataset.annotations);
        const entries = recordEntries(derive);
        if (run > 1) records = applyRun(records, patch.slice(i, i + run), entries);
        else reindex = applyOp(records, op, entries) || reindex;
        annotations = records;
      }
    } else {
      categories ??= dataset.categories.slice();
      lookup = null; // categories changed: annotations are checked against the new ones
      const entries = recordEntries(categoryRecord);
      if (run > 1) categories = applyRun(categories, patch.slice(i, i + run), entries);
      else reindex = applyOp(categories, op, entries) || reindex;
    }
    if (run > 1) reindex = true;
    i += run;
  }
  const table =
    replaced !== null
      ? stored!.withReplaced(replaced, added)
      : annotations === null
        ? dataset.annotations
        : stored !== null
          ? stored.withSlots(
              annotations instanceof Int32Array
                ? annotations
                : Int32Array.from(annotations as number[]),
              added,
            )
          : (annotations as AnnotationRecord[]);
  const next: Dataset = {
    ...dataset,
    annotations: table,
    categories: categories ?? dataset.categories,
  };
  if (!reindex) return next;
  return {
    ...next,
    index: buildIndex(next.images, next.annotations, next.categories, next.kind !== 'panoptic'),
  };
}

type Lookup = Parameters<typeof parseAnnotations>[3];

function lookupOf(dataset: Dataset, categories: readonly CategoryRecord[]): Lookup {
  return {
    images: dataset.images,
    imageById: dataset.index.imageById,
    categories,
    categoryById:
      categories === dataset.categories ? dataset.index.categoryById : indexById(categories),
  };
}

/** A list as `applyReplace` edits it. */
type Positions<E> = {
  readonly length: number;
  get(at: number): E | undefined;
  set(at: number, entry: E): void;
};

function positionsOf<E>(list: { [at: number]: E; readonly length: number }): Positions<E> {
  return {
    length: list.length,
    get: (at) => list[at],
    set: (at, entry) => (list[at] = entry),
  };
}

/** A stored table's slots whose writes go to `replaced` (reads see them first). */
function replacedSlots(table: StoredAnnotations, replaced: Map<number, number>): Positions<number> {
  return {
    length: table.length,
    get: (at) => (at < table.length ? (replaced.get(at) ?? table.slotAt(at)) : undefined),
    set: (at, slot) => void replaced.set(at, slot),
  };
}

/** How many ops from `i` form a run of removes with falling positions, or inserts with rising ones. */
function runOf(patch: Patch, i: number): number {
  const first = patch[i]!;
  if (first.op === 'replace') return 1;
  let n = 1;
  while (i + n < patch.length) {
    const prev = patch[i + n - 1]!;
    const next = patch[i + n]!;
    if (next.op !== first.op || next.collection !== first.collection) break;
    if (first.op === 'remove' ? next.at >= prev.at : next.at <= prev.at) break;
    n++;
  }
  return n;
}

/** How patch ops see the entries of a list: records, or a stored table's slot numbers. */
type Entries<E> = {
  /** The entry's record; undefined past the list's end. */
  record(entry: E | undefined): { file: object; id: unknown; sourceIndex?: number } | undefined;
  /** A new entry for a file object (`sourceIndex` -1 for an inserted one). */
  derive(file: object, sourceIndex: number): E;
};

function recordEntries<R extends { file: object; id: unknown }>(
  derive: (file: object, sourceIndex: number) => R,
): Entries<R> {
  return { record: (r) => r, derive };
}

/** Slots of a stored table: a row of its file, or an edited record kept in `added`. */
function slotEntries(
  table: StoredAnnotations,
  added: AnnotationRecord[],
  derive: (file: object, sourceIndex: number) => AnnotationRecord,
): Entries<number> {
  return {
    record: (slot) => (slot === undefined ? undefined : table.recordOfSlot(slot, added)),
    derive: (file, sourceIndex) => {
      added.push(derive(file, sourceIndex));
      return -added.length;
    },
  };
}

/**
 * A run of removes (positions falling: each refers to the list before the run) or of
 * inserts (positions rising: each is its place in the list after the run), in one pass.
 */
function applyRun<E>(list: E[], run: PatchOp[], entries: Entries<E>): E[] {
  const derive = entries.derive;
  if (run[0]!.op === 'remove') {
    const gone = new Set<number>();
    for (const op of run) {
      if (op.op !== 'remove' || !jsonEqual(entries.record(list[op.at])?.file, op.value))
        throw new PatchConflict(`${op.collection}[${op.at}] is not what the edit expects`);
      gone.add(op.at);
    }
    return list.filter((_, i) => !gone.has(i));
  }
  const out: E[] = [];
  let from = 0;
  for (const op of run) {
    if (op.op !== 'insert') throw new PatchConflict('mixed run');
    const take = op.at - out.length;
    if (take < 0 || from + take > list.length)
      throw new PatchConflict(`cannot insert at ${op.collection}[${op.at}]`);
    for (let k = 0; k < take; k++) out.push(list[from++]!);
    out.push(derive(op.value, -1));
  }
  while (from < list.length) out.push(list[from++]!);
  return out;
}

/** A replace op on `list` (an array, or a stored table's typed slots); says whether the index needs rebuilding. */
function applyReplace<E>(
  list: Positions<E>,
  op: Extract<PatchOp, { op: 'replace' }>,
  entries: Entries<E>,
): boolean {
  const current = op.at < list.length ? entries.record(list.get(op.at)) : undefined;
  if (current === undefined || !jsonEqual(current.file, op.before))
    throw new PatchConflict(`${op.collection}[${op.at}] is not what the edit expects`);
  const entry = entries.derive(op.after, sourceIndexOf(current));
  list.set(op.at, entry);
  return !sameKeys(current, entries.record(entry)!);
}

/** Applies one op to `list`; says whether the index needs rebuilding. */
function applyOp<E>(list: E[], op: PatchOp, entries: Entries<E>): boolean {
  switch (op.op) {
    case 'replace':
      return applyReplace(positionsOf(list), op, entries);
    case 'insert':
      if (op.at > list.length)
        throw new PatchConflict(`cannot insert at ${op.collection}[${op.at}]`);
      list.splice(op.at, 0, entries.derive(op.value, -1));
      return true;
    case 'remove': {
      const current = entries.record(list[op.at]);
      if (current === undefined || !jsonEqual(current.file, op.value))
        throw new PatchConflict(`${op.collection}[${op.at}] is not what the edit expects`);
      list.splice(op.at, 1);
      return true;
    }
  }
}

function sourceIndexOf(record: object): number {
  return (record as { sourceIndex: number }).sourceIndex;
}

/** Whether two versions of a record index the same way (the index holds ids and images only). */
function sameKeys(a: object, b: object): boolean {
  const x = a as Partial<AnnotationRecord>;
  const y = b as Partial<AnnotationRecord>;
  return x.id === y.id && x.imageId === y.imageId;
}

/** The record of an annotation file object, as the parser would make it (problems dropped). */
export function annotationRecord(
  kind: Dataset['kind'],
  lookup: Lookup,
  file: object,
  sourceIndex: number,
): AnnotationRecord {
  const ctx = new ParseContext(new ProblemLog(0));
  const options = { isResults: kind === 'results', needsCategory: kind !== 'captions' };
  const [record] = parseAnnotations(ctx, [file], options, lookup, []);
  if (record === undefined) {
    throw new PatchConflict(
      `an annotation needs an id and an image_id: ${JSON.stringify(file).slice(0, 80)}`,
    );
  }
  return { ...record, file: file as CocoAnnotation, sourceIndex };
}

export function categoryRecord(file: object, sourceIndex: number): CategoryRecord {
  const [record] = parseCategories(new ParseContext(new ProblemLog(0)), [file], []);
  if (record === undefined)
    throw new PatchConflict(`a category needs an id: ${JSON.stringify(file).slice(0, 80)}`);
  return { ...record, file: file as CocoCategory, sourceIndex };
}
