/**
 * What a faithful export does with each element of the file's arrays: the dataset as
 * opened (`original`) and as it is now (`current`, after edits and the export's own
 * transforms) → a SplicePlan. A record whose written value is the object it was read as
 * (or equal to it) is KEEP: its bytes are copied. A changed one is REPLACE, a deleted or
 * filtered one DROP, and a record with no place in the file is appended.
 */
import { jsonEqual, withFields } from '../edit/objects';
import type { ExportOptions } from '../export';
import { StoredAnnotations, storedPlace } from '../columnar';
import type { AnnotationRecord, Dataset, UnusableEntry } from '../model';
import {
  KEEP,
  REPLACE,
  type CollectionName,
  type CollectionPlan,
  type SplicePlan,
} from './splicePlan';
import { unreadRuns } from './unreadRuns';

/**
 * A record's claim on element `sourceIndex`: the value written there (null: none). `SAME`
 * is the element itself (a stored record the user did not change: nothing is read), and
 * `before` the element when the claimant already holds it (read back from the file).
 */
type Claim = { sourceIndex: number; value: unknown | null; before?: unknown };

const SAME = Symbol('the element as read');

/** A file's array by position: an array, or a stored table's elements read back. */
type Elements = { readonly length: number; at(k: number): unknown };

/** The plan that turns the file `original` was read from into `current`, written as `options` say. */
export function planSplice(
  original: Dataset,
  current: Dataset,
  options: ExportOptions = {},
  exactIntegers: ReadonlyMap<number, string> = new Map(),
): SplicePlan {
  const collections: Partial<Record<CollectionName, CollectionPlan>> = {};
  const unusable = (name: CollectionName) => current.unusable.filter((u) => u.collection === name);
  const annotations = collectionPlan(
    originalElements(original, 'annotations'),
    annotationClaims(current, options),
    unusable('annotations'),
  );
  // A stored table knows where its elements lie: the kept ones between edits go unread.
  const table = original.annotations;
  collections.annotations =
    table instanceof StoredAnnotations
      ? { ...annotations, unread: unreadRuns(annotations.codes, table.spans) }
      : annotations;
  if (current.file !== null) {
    const keep = options.keepImage;
    collections.images = collectionPlan(
      originalElements(original, 'images'),
      current.images
        .filter((image) => image.file !== null)
        .map((image) => ({
          sourceIndex: image.sourceIndex,
          value: keep === undefined || keep(image) ? image.file : null,
        })),
      unusable('images'),
    );
    const category = options.category;
    collections.categories = collectionPlan(
      originalElements(original, 'categories'),
      current.categories.map((c) => ({
        sourceIndex: c.sourceIndex,
        value: category === undefined ? c.file : category(c),
      })),
      unusable('categories'),
    );
  }
  return { root: current.file === null ? 'array' : 'object', collections, exactIntegers };
}

/** Whether a plan writes the file exactly as it is. */
export function changesNothing(plan: SplicePlan): boolean {
  return Object.values(plan.collections).every(
    (c) => c.appended.length === 0 && c.codes.every((code) => code === KEEP),
  );
}

/** The elements of a file's array, by position, as the parser read them. */
function originalElements(dataset: Dataset, name: CollectionName): Elements {
  const table = dataset.annotations;
  if (name === 'annotations' && table instanceof StoredAnnotations)
    return { length: table.elementCount, at: (k) => table.element(k) };
  const section = dataset.file?.[name];
  if (dataset.file !== null) return Array.isArray(section) ? section : [];
  // A results list: its records and unusable entries are its elements.
  const out: unknown[] = [];
  for (const a of dataset.annotations) if (a.sourceIndex >= 0) out[a.sourceIndex] = a.file;
  for (const u of dataset.unusable) if (u.collection === name) out[u.sourceIndex] = u.value;
  return out;
}

function annotationClaims(current: Dataset, options: ExportOptions): Claim[] {
  const transform = options.annotation;
  const sameWhenStored = transform === undefined || options.keepsUnedited === true;
  const claimOf = (a: AnnotationRecord): Claim => {
    if (storedPlace(a) === null)
      return { sourceIndex: a.sourceIndex, value: transform === undefined ? a.file : transform(a) };
    if (sameWhenStored) return { sourceIndex: a.sourceIndex, value: SAME };
    return { sourceIndex: a.sourceIndex, value: transform(a), before: a.file };
  };
  const table = current.annotations;
  if (current.panoptic === null && table instanceof StoredAnnotations && sameWhenStored) {
    // The file's rows claim their elements as they are, without a record made for each.
    const sourceIndex = table.rows.sourceIndex;
    return Array.from({ length: table.length }, (_, i): Claim => {
      const slot = table.slotAt(i);
      return slot >= 0
        ? { sourceIndex: sourceIndex[slot]!, value: SAME }
        : claimOf(table.added[-slot - 1]!);
    });
  }
  if (current.panoptic === null) return Array.from(current.annotations, claimOf);
  // panoptic: an element is an image's entry; its segments are the records.
  const segments = new Map<number, object[]>();
  for (const s of current.annotations) {
    const list = segments.get(s.sourceIndex);
    if (list === undefined) segments.set(s.sourceIndex, [s.file]);
    else list.push(s.file);
  }
  return current.panoptic.map((entry) => {
    const files = segments.get(entry.sourceIndex) ?? [];
    const before = (entry.file as { segments_info?: unknown }).segments_info;
    const same =
      Array.isArray(before) &&
      before.length === files.length &&
      files.every((f, i) => f === before[i]);
    return {
      sourceIndex: entry.sourceIndex,
      value: same ? entry.file : withFields(entry.file, { segments_info: files }),
    };
  });
}

function collectionPlan(
  elements: Elements,
  claims: readonly Claim[],
  unusable: readonly UnusableEntry[],
): CollectionPlan {
  const expected = elements.length;
  const codes = new Uint8Array(expected); // DROP unless a record or an unusable entry claims it
  const claimed = new Uint8Array(expected);
  const replacements = new Map<number, unknown>();
  const appended: unknown[] = [];
  for (const u of unusable) {
    if (u.sourceIndex >= 0 && u.sourceIndex < expected) {
      codes[u.sourceIndex] = KEEP;
      claimed[u.sourceIndex] = 1;
    }
  }
  const unplaced: unknown[] = [];
  for (const claim of claims) {
    const { sourceIndex: k, value } = claim;
    if (k < 0 || k >= expected || claimed[k] === 1) {
      if (value !== null) unplaced.push(value === SAME ? elements.at(k) : value);
      continue;
    }
    claimed[k] = 1;
    if (value === null) continue;
    if (value === SAME) {
      codes[k] = KEEP;
      continue;
    }
    const before = 'before' in claim ? claim.before : elements.at(k);
    if (value === before || jsonEqual(value, before)) codes[k] = KEEP;
    else {
      codes[k] = REPLACE;
      replacements.set(k, value);
    }
  }
  // A record deleted and put back (undo) has no place of its own any more: it takes back
  // the free place of the element it equals, so its bytes are copied again.
  const byId = unplaced.length > 0 ? freeElementsById(elements, claimed) : null;
  for (const value of unplaced) {
    const k = byId?.get(value) ?? byId?.get(idOf(value));
    if (k !== undefined && claimed[k] === 0 && jsonEqual(value, elements.at(k))) {
      claimed[k] = 1;
      codes[k] = KEEP;
    } else appended.push(value);
  }
  return { expected, codes, replacements, appended };
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

/** Free places by their element, and by its id. */
function freeElementsById(elements: Elements, claimed: Uint8Array): Map<unknown, number> {
  const out = new Map<unknown, number>();
  for (let k = 0; k < elements.length; k++) {
    if (claimed[k] !== 0) continue;
    const element = elements.at(k);
    // By the object itself (an undo in this session), or by id (a restored session).
    if (typeof element === 'object' && element !== null) out.set(element, k);
    const id = idOf(element);
    if (id !== undefined && !out.has(id)) out.set(id, k);
  }
  return out;
}
