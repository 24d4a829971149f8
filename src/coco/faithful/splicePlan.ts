/** What a faithful export does with each element of a file's arrays (see splicer.ts, planSplice.ts). */

export type CollectionName = 'images' | 'annotations' | 'categories';

/** What to do with the elements of one array. */
export type CollectionPlan = {
  /** How many elements the file's array holds: a file that differs is refused. */
  readonly expected: number;
  /** Per element: DROP, KEEP, or REPLACE with `replacements.get(k)`. */
  readonly codes: Uint8Array;
  readonly replacements: ReadonlyMap<number, unknown>;
  /** Values written after the file's elements (records the user added). */
  readonly appended: readonly unknown[];
  /** Runs of kept elements copied without being read (see unreadRuns.ts); none: all are read. */
  readonly unread?: readonly UnreadRun[];
};

/**
 * Elements `first … last - 1`, all kept, copied as the file's bytes without being read: the
 * splicer, at the comma at byte `from` (the one before element `first`), goes on at the
 * comma at byte `to` (the one before element `last`), which it reads as usual.
 */
export type UnreadRun = {
  readonly first: number;
  readonly last: number;
  readonly from: number;
  readonly to: number;
};

export const DROP = 0;
export const KEEP = 1;
export const REPLACE = 2;

export type SplicePlan = {
  /** A dataset file is an object; a results list, one array (its plan is `annotations`). */
  readonly root: 'object' | 'array';
  readonly collections: Partial<Record<CollectionName, CollectionPlan>>;
  readonly exactIntegers: ReadonlyMap<number, string>;
};

/** The bytes are not the file the plan was made for (changed, or another shape). */
export class SpliceMismatch extends Error {}
