/** How a file writes what an edit writes: its own conventions, kept by every edit. */
import type { AnnotationRecord, Dataset } from '../model';

/**
 * `iscrowd` as the annotation writes it (null: a new one), or else as the file's first
 * annotation with one does: a boolean or 0/1. The file is looked at once, on the first annotation without one.
 */
export function crowdConvention(
  dataset: Dataset,
): (record: AnnotationRecord | null, on: boolean) => boolean | 0 | 1 {
  let fileWritesBoolean: boolean | undefined;
  return (record, on) => {
    const own = (record?.file as { iscrowd?: unknown } | undefined)?.iscrowd;
    const writesBoolean =
      own !== undefined
        ? typeof own === 'boolean'
        : (fileWritesBoolean ??= typeof fileConvention(dataset) === 'boolean');
    return writesBoolean ? on : on ? 1 : 0;
  };
}

/** The `iscrowd` value of the file's first annotation that has one. */
function fileConvention(dataset: Dataset): unknown {
  for (const a of dataset.annotations) {
    const value = (a.file as { iscrowd?: unknown }).iscrowd;
    if (value !== undefined) return value;
  }
  return undefined;
}
