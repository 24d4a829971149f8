/** Lookups from ids to positions, and each image's annotations. */
import { StoredAnnotations } from '../columnar/storedAnnotations';
import { idKey, type IdKey } from '../ids';
import type { AnnotationTable, DatasetIndex, ImageRecord } from '../model';

/** Position by id key; the first record with an id wins (duplicates are reported). */
export function indexById(records: {
  readonly length: number;
  at(index: number): { readonly id: string | number } | undefined;
}): Map<IdKey, number> {
  const map = new Map<IdKey, number>();
  const stored = records instanceof StoredAnnotations ? records : null;
  for (let i = 0; i < records.length; i++) {
    const key = idKey(stored !== null ? stored.idAt(i) : records.at(i)!.id);
    if (!map.has(key)) map.set(key, i);
  }
  return map;
}

/**
 * The position of the first annotation with a given id (the one `indexById` keeps), for a
 * pass over every annotation: when the ids are numbers, only ids found twice on a sorted
 * copy are mapped (a map of train2017's 860k ids took ~0.4 s of its checks). `at`: the
 * asking annotation's own position, the answer for an id no earlier annotation has.
 */
export function firstOfIdFinder(annotations: AnnotationTable): (key: IdKey, at: number) => number {
  const stored = annotations instanceof StoredAnnotations ? annotations : null;
  const ids = new Float64Array(annotations.length);
  for (let at = 0; at < ids.length; at++) {
    const key = idKey(stored !== null ? stored.idAt(at) : annotations.at(at)!.id);
    if (typeof key !== 'number') {
      const byId = indexById(annotations);
      return (k, at) => byId.get(k) ?? at;
    }
    ids[at] = key;
  }
  const sorted = ids.slice().sort();
  const twice = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i]!);
  const first = new Map<number, number>();
  for (let at = 0; at < ids.length; at++)
    if (twice.has(ids[at]!) && !first.has(ids[at]!)) first.set(ids[at]!, at);
  return (key, at) => (typeof key === 'number' ? (first.get(key) ?? at) : at);
}

/**
 * Groups annotations by image in one pass (counting sort): O(images + annotations), two
 * typed arrays, no per-image arrays (118k images × an array each would cost more).
 */
export function annotationsByImage(
  images: readonly ImageRecord[],
  imageById: ReadonlyMap<IdKey, number>,
  annotations: AnnotationTable,
): Pick<DatasetIndex, 'imageOffsets' | 'annotationOrder'> {
  const stored = annotations instanceof StoredAnnotations ? annotations : null;
  const imageIdAt = (a: number) =>
    stored !== null ? stored.imageIdAt(a) : annotations.at(a)!.imageId;
  const owner = new Int32Array(annotations.length);
  const counts = new Int32Array(images.length + 1);
  let placed = 0;
  // A file's annotations of one image mostly come together: the last lookup is kept.
  let lastId: unknown = undefined;
  let last: number | undefined = undefined;
  for (let a = 0; a < annotations.length; a++) {
    const id = imageIdAt(a);
    if (id !== lastId) last = imageById.get(idKey((lastId = id)));
    const i = last;
    owner[a] = i ?? -1;
    if (i !== undefined) {
      counts[i + 1]!++;
      placed++;
    }
  }
  const imageOffsets = new Int32Array(images.length + 1);
  for (let i = 0; i < images.length; i++) imageOffsets[i + 1] = imageOffsets[i]! + counts[i + 1]!;
  const next = imageOffsets.slice(0, images.length);
  const annotationOrder = new Int32Array(placed);
  for (let a = 0; a < annotations.length; a++) {
    const i = owner[a]!;
    if (i >= 0) annotationOrder[next[i]!++] = a;
  }
  return { imageOffsets, annotationOrder };
}

export function buildIndex(
  images: readonly ImageRecord[],
  annotations: AnnotationTable,
  categories: readonly { id: string | number }[],
  indexAnnotationIds: boolean,
  /** `indexById(images)`, when the caller has it already. */
  imageById: ReadonlyMap<IdKey, number> = indexById(images),
): DatasetIndex {
  // Made when first asked (a map of 860k ids costs ~0.1-0.3 s at open, and again after each
  // insert or delete, while only going to a problem by its annotation's id reads it).
  let annotationById: ReadonlyMap<IdKey, number> | null = null;
  return {
    imageById,
    categoryById: indexById(categories),
    get annotationById() {
      return (annotationById ??= !indexAnnotationIds
        ? new Map()
        : annotations instanceof StoredAnnotations && annotations.idIndex !== null
          ? annotations.idIndex
          : indexById(annotations));
    },
    ...annotationsByImage(images, imageById, annotations),
  };
}
