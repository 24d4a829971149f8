/**
 * The page's index of a subset's category table: ids as strings, lower-case names for the
 * label search, and each id's position. A dataset may have a million categories, so it is
 * built once per table (cached by the table's array) and carried over when an edit changes
 * only annotation counts — never rebuilt per render or per selection.
 */
import type { CocoId } from '../coco';
import type { CategoryCount, CategoryInfo } from '../worker/protocol';

export type CategoryIndex = {
  /** `String(id)` of each category, in file order. */
  ids: readonly string[];
  /** Lower-case names, in file order. */
  lowerNames: readonly string[];
  /** Position in the table of each id (as a string). */
  positionOf: ReadonlyMap<string, number>;
};

const cache = new WeakMap<readonly CategoryInfo[], CategoryIndex>();

export function toCategoryIndex(
  categories: readonly { id: unknown; name: string }[],
): CategoryIndex {
  const n = categories.length;
  const ids = new Array<string>(n);
  const lowerNames = new Array<string>(n);
  const positionOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = categories[i]!;
    ids[i] = String(c.id);
    lowerNames[i] = c.name.toLowerCase();
    // The first of duplicate ids wins, as the engine's lookups do.
    if (!positionOf.has(ids[i]!)) positionOf.set(ids[i]!, i);
  }
  return { ids, lowerNames, positionOf };
}

/** The index of `categories` (built on first use, then cached). */
export function categoryIndex(categories: readonly CategoryInfo[]): CategoryIndex {
  let index = cache.get(categories);
  if (index === undefined) {
    index = toCategoryIndex(categories);
    cache.set(categories, index);
  }
  return index;
}

/** `to` has the ids and names of `from`, in the same order (only counts changed). */
export function carryCategoryIndex(
  from: readonly CategoryInfo[],
  to: readonly CategoryInfo[],
): void {
  const index = cache.get(from);
  if (index !== undefined) cache.set(to, index);
}

/** The category with id `id` in `categories`, without a scan. */
export function categoryById(
  categories: readonly CategoryInfo[],
  id: CocoId | string | null,
): CategoryInfo | undefined {
  if (id === null) return undefined;
  const at = categoryIndex(categories).positionOf.get(String(id));
  return at === undefined ? undefined : categories[at];
}

/** `categories` with the counts an edit changed (a new array only when one changed). */
export function withCategoryCounts(
  categories: readonly CategoryInfo[],
  changed: readonly CategoryCount[],
): CategoryInfo[] {
  if (changed.length === 0) return categories as CategoryInfo[];
  const next = categories.slice();
  const { positionOf } = categoryIndex(categories);
  for (const c of changed) {
    const at = positionOf.get(String(c.id));
    if (at !== undefined) next[at] = { ...next[at]!, ...c };
  }
  carryCategoryIndex(categories, next);
  return next;
}
