/**
 * A dataset → COCO JSON text. Every record is written as its `file` object (see
 * model.ts), so what the user did not touch is written exactly as it came in: same keys,
 * same order, same values. Entries the parser could not use go back where they were.
 * The text comes out in chunks so a train2017-scale dataset never becomes one string.
 */
import type {
  AnnotationRecord,
  CategoryRecord,
  Dataset,
  ImageRecord,
  UnusableEntry,
} from './model';

export type ExportOptions = {
  /** Spaces of indentation; 0 (the default) writes compact JSON. */
  indent?: number;
  /** Records per chunk yielded by `exportCocoChunks`. */
  chunkRecords?: number;
  /** What to write for an annotation (null: leave it out); default its file object. */
  annotation?: (record: AnnotationRecord) => object | null;
  /**
   * Whether `annotation` writes a record the user did not change as its file object, so a
   * faithful export copies such records' bytes without asking (a stored table need not
   * read them back).
   */
  keepsUnedited?: boolean;
  /** Whether to write an image; default all. */
  keepImage?: (record: ImageRecord) => boolean;
  /** What to write for a category; default its file object. */
  category?: (record: CategoryRecord) => object;
};

/** The whole file as one string (for small and medium datasets). */
export function exportCoco(dataset: Dataset, options: ExportOptions = {}): string {
  let out = '';
  for (const chunk of exportCocoChunks(dataset, options)) out += chunk;
  return out;
}

/** The file as a sequence of text chunks, in order; join them for the whole file. */
export function* exportCocoChunks(
  dataset: Dataset,
  options: ExportOptions = {},
): Generator<string> {
  const indent = options.indent ?? 0;
  const perChunk = options.chunkRecords ?? 2000;
  if (dataset.file === null) {
    yield* writeArray(
      withUnusable(dataset, 'annotations', annotationEntries(dataset, options.annotation)),
      0,
      indent,
      perChunk,
    );
    yield indent > 0 ? '\n' : '';
    return;
  }
  const keep = options.keepImage;
  const category = options.category;
  const sections = {
    images: () =>
      withUnusable(
        dataset,
        'images',
        recordFiles(keep ? dataset.images.filter(keep) : dataset.images),
      ),
    categories: () =>
      withUnusable(
        dataset,
        'categories',
        category
          ? dataset.categories.map((c) => ({ value: category(c), sourceIndex: c.sourceIndex }))
          : recordFiles(dataset.categories),
      ),
    annotations: () =>
      withUnusable(dataset, 'annotations', annotationEntries(dataset, options.annotation)),
  } as const;
  const keys = Object.keys(dataset.file);
  for (const key of ['images', 'annotations', 'categories'] as const) {
    const present =
      key === 'annotations' ? dataset.annotations.length > 0 : dataset[key].length > 0;
    if (!keys.includes(key) && present) keys.push(key);
  }
  const nl = indent > 0 ? '\n' : '';
  const pad = ' '.repeat(indent);
  yield '{';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    yield `${k > 0 ? ',' : ''}${nl}${pad}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}`;
    if (key === 'images' || key === 'annotations' || key === 'categories') {
      yield* writeArray(sections[key](), 1, indent, perChunk);
    } else {
      yield stringify(dataset.file[key], indent, 1);
    }
  }
  yield `${nl}}${nl}`;
}

function recordFiles(records: Iterable<{ file: unknown; sourceIndex: number }>): Positioned[] {
  return Array.from(records, (r) => ({ value: r.file, sourceIndex: r.sourceIndex }));
}

type Positioned = { value: unknown; sourceIndex: number };

/** panoptic files hold one entry per image with its segments inside; others, the records. */
function annotationEntries(dataset: Dataset, transform: ExportOptions['annotation']): Positioned[] {
  if (dataset.panoptic === null) {
    if (transform === undefined) return recordFiles(dataset.annotations);
    const out: Positioned[] = [];
    for (const a of dataset.annotations) {
      const value = transform(a);
      if (value !== null) out.push({ value, sourceIndex: a.sourceIndex });
    }
    return out;
  }
  const byEntry = new Map<number, AnnotationRecord[]>();
  for (const seg of dataset.annotations) {
    const list = byEntry.get(seg.sourceIndex);
    if (list === undefined) byEntry.set(seg.sourceIndex, [seg]);
    else list.push(seg);
  }
  return dataset.panoptic.map((entry) => ({
    value: {
      ...entry.file,
      segments_info: (byEntry.get(entry.sourceIndex) ?? []).map((s) => s.file),
    },
    sourceIndex: entry.sourceIndex,
  }));
}

/** Puts unusable entries back at their positions among the records. */
function withUnusable(
  dataset: Dataset,
  collection: UnusableEntry['collection'],
  records: Positioned[],
): unknown[] {
  const aside = dataset.unusable.filter((u) => u.collection === collection);
  if (aside.length === 0) return records.map((r) => r.value);
  aside.sort((a, b) => a.sourceIndex - b.sourceIndex);
  const out: unknown[] = [];
  let u = 0;
  for (const r of records) {
    while (u < aside.length && r.sourceIndex >= 0 && aside[u]!.sourceIndex < r.sourceIndex)
      out.push(aside[u++]!.value);
    out.push(r.value);
  }
  while (u < aside.length) out.push(aside[u++]!.value);
  return out;
}

function* writeArray(
  items: readonly unknown[],
  depth: number,
  indent: number,
  perChunk: number,
): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const nl = indent > 0 ? '\n' : '';
  const inner = ' '.repeat(indent * (depth + 1));
  let chunk = '[';
  for (let i = 0; i < items.length; i++) {
    chunk += `${i > 0 ? ',' : ''}${nl}${inner}${stringify(items[i], indent, depth + 1)}`;
    if ((i + 1) % perChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${nl}${' '.repeat(indent * depth)}]`;
}

/** JSON of a value nested `depth` levels deep; `undefined` is written as null. */
function stringify(value: unknown, indent: number, depth: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return indent > 0 && depth > 0 ? text.replace(/\n/g, `\n${' '.repeat(indent * depth)}`) : text;
}
