/**
 * Reading a dataset's annotations through `AnnotationTable` (model.ts), whatever stores
 * them: a plain array of records, or a columnar store that reads records back on demand.
 */
import { StoredAnnotations } from './columnar/storedAnnotations';
import type { CategoryId } from './ids';
import type { AnnotationRecord, AnnotationTable } from './model';

/** `fn(record, position)` for every annotation, in file order. */
export function forEachAnnotation(
  table: AnnotationTable,
  fn: (record: AnnotationRecord, at: number) => void,
): void {
  for (let at = 0; at < table.length; at++) fn(table.at(at)!, at);
}

/**
 * `fn(categoryId, iscrowd, position)` for every annotation, in file order: a stored table
 * reads them from its columns, without making 860k records.
 */
export function forEachLabel(
  table: AnnotationTable,
  fn: (categoryId: CategoryId | null, iscrowd: boolean, at: number) => void,
): void {
  if (table instanceof StoredAnnotations) {
    // Positions are rows until the first edit: the columns are read as they are.
    const crowd = table.crowdColumn();
    const categories = table.rows.categoryIds;
    if (crowd !== null)
      for (let at = 0; at < crowd.length; at++) fn(categories[at]!, crowd[at] === 1, at);
    else
      for (let at = 0; at < table.length; at++) fn(table.categoryIdAt(at), table.iscrowdAt(at), at);
    return;
  }
  for (let at = 0; at < table.length; at++) {
    const record = table.at(at)!;
    fn(record.categoryId, record.iscrowd, at);
  }
}

/**
 * 1 at each position whose annotation is a crowd, else 0: a stored table as it was read
 * gives its own column (not to be written to), without a call per annotation.
 */
export function crowdFlags(table: AnnotationTable): Uint8Array {
  const own = table instanceof StoredAnnotations ? table.crowdColumn() : null;
  if (own !== null) return own;
  const flags = new Uint8Array(table.length);
  for (let at = 0; at < table.length; at++) if (iscrowdAt(table, at)) flags[at] = 1;
  return flags;
}

/** Whether the annotation at `at` is a crowd (from a stored table's columns). */
export function iscrowdAt(table: AnnotationTable, at: number): boolean {
  return table instanceof StoredAnnotations ? table.iscrowdAt(at) : table.at(at)!.iscrowd;
}

/** Positions of the annotations `test` holds for, in file order. */
export function findAnnotations(
  table: AnnotationTable,
  test: (record: AnnotationRecord, at: number) => boolean,
): number[] {
  const out: number[] = [];
  for (let at = 0; at < table.length; at++) if (test(table.at(at)!, at)) out.push(at);
  return out;
}

/** Whether `test` holds for some annotation. */
export function someAnnotation(
  table: AnnotationTable,
  test: (record: AnnotationRecord) => boolean,
): boolean {
  for (let at = 0; at < table.length; at++) if (test(table.at(at)!)) return true;
  return false;
}

/** The records as a new array (a copy of the pointers when the table is an array). */
export function annotationArray(table: AnnotationTable): AnnotationRecord[] {
  return Array.isArray(table) ? (table as readonly AnnotationRecord[]).slice() : Array.from(table);
}

/**
 * The record at a position, for a pass that asks for positions in rising order: a stored
 * table's records are read back a run at a time (see StoredAnnotations.readFrom), each run
 * dropped when the pass is past it, so the pass never holds them all.
 */
export function recordsInOrder(table: AnnotationTable): (at: number) => AnnotationRecord {
  if (!(table instanceof StoredAnnotations)) return (at) => table.at(at)!;
  let start = 0;
  let run: AnnotationRecord[] = [];
  return (at) => {
    if (at < start || at >= start + run.length) {
      start = at;
      run = table.readFrom(at);
    }
    return run[at - start]!;
  };
}
