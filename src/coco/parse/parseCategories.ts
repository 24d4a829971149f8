/** `categories` entries → category records, with COCO's keypoint names and skeleton. */
import { idKey, type CategoryId, type IdKey } from '../ids';
import type { CategoryRecord, UnusableEntry } from '../model';
import { pathOf } from '../problems';
import type { CocoCategory } from '../types';
import { describeType, isObject, own, type JsonObject, type ParseContext } from './context';

export function parseCategories(
  ctx: ParseContext,
  entries: readonly unknown[],
  unusable: UnusableEntry[],
): CategoryRecord[] {
  const records: CategoryRecord[] = [];
  const seenIds = new Map<IdKey, number>();
  const seenNames = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const path = `categories[${i}]`;
    if (!isObject(entry)) {
      ctx.report(
        'wrong-type',
        path,
        `a category should be an object, not ${describeType(entry)}`,
        'error',
      );
      unusable.push({ collection: 'categories', sourceIndex: i, value: entry });
      continue;
    }
    const id = ctx.requireId(entry, 'id', path, 'a category');
    if (id === undefined) {
      unusable.push({ collection: 'categories', sourceIndex: i, value: entry });
      continue;
    }
    const first = seenIds.get(idKey(id));
    if (first !== undefined) {
      ctx.report(
        'duplicate-id',
        pathOf(path, 'id'),
        `category id ${JSON.stringify(id)} is also used by categories[${first}]`,
        'error',
      );
    } else seenIds.set(idKey(id), i);
    if (idKey(id) === 0) {
      ctx.report(
        'category-id-zero',
        pathOf(path, 'id'),
        'category id 0: CVAT reads category_id 0 as "no label"; remap ids to 1..N on export',
        'warning',
      );
    }

    const name = nameOf(ctx, entry, path, id);
    const sameName = seenNames.get(name);
    if (sameName !== undefined) {
      ctx.report(
        'duplicate-category-name',
        pathOf(path, 'name'),
        `category name ${JSON.stringify(name)} is also used by categories[${sameName}]`,
        'warning',
      );
    } else seenNames.set(name, i);

    const supercategory = own(entry, 'supercategory');
    const keypoints = keypointNames(ctx, entry, path);
    records.push({
      id: id as CategoryId,
      name,
      supercategory: typeof supercategory === 'string' ? supercategory : null,
      keypoints,
      skeleton: skeletonOf(ctx, entry, path, keypoints),
      file: entry as CocoCategory,
      sourceIndex: i,
    });
  }
  return records;
}

function nameOf(ctx: ParseContext, entry: JsonObject, path: string, id: string | number): string {
  const name = own(entry, 'name');
  if (typeof name === 'string') return name;
  const at = pathOf(path, 'name');
  if (name === undefined)
    ctx.report('missing-field', at, `category ${JSON.stringify(id)} has no "name"`, 'error');
  else ctx.report('wrong-type', at, `"name" should be text, not ${describeType(name)}`, 'error');
  return `category ${String(id)}`;
}

function keypointNames(ctx: ParseContext, entry: JsonObject, path: string): string[] | null {
  const value = own(entry, 'keypoints');
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    ctx.report(
      'wrong-type',
      pathOf(path, 'keypoints'),
      '"keypoints" should be a list of keypoint names',
      'warning',
    );
    return null;
  }
  return value as string[];
}

/**
 * COCO's skeleton pairs are 1-based; Datumaro's test data (and some tools) write 0-based
 * pairs. A pair holding 0 means 0-based; otherwise 1-based. Returned 0-based.
 */
function skeletonOf(
  ctx: ParseContext,
  entry: JsonObject,
  path: string,
  keypoints: readonly string[] | null,
): [number, number][] | null {
  const value = own(entry, 'skeleton');
  if (value === undefined) return null;
  const at = pathOf(path, 'skeleton');
  const isPair = (p: unknown): p is [number, number] =>
    Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && (v as number) >= 0);
  if (!Array.isArray(value) || !value.every(isPair)) {
    ctx.report(
      'wrong-type',
      at,
      '"skeleton" should be a list of [a, b] keypoint number pairs',
      'warning',
    );
    return null;
  }
  const pairs = value as [number, number][];
  const zeroBased = pairs.some(([a, b]) => a === 0 || b === 0);
  if (zeroBased) {
    ctx.report(
      'skeleton-zero-based',
      at,
      'skeleton numbers keypoints from 0; COCO numbers them from 1 (drawn as 0-based)',
      'info',
    );
  }
  const shift = zeroBased ? 0 : 1;
  const out = pairs.map(([a, b]) => [a - shift, b - shift] as [number, number]);
  // A bone joining a point the category does not name is reported and left out: drawn,
  // it would join whatever the annotation holds there (or nothing).
  const count = keypoints?.length ?? 0;
  if (count === 0) return out;
  return out.filter(([a, b], j) => {
    if (a < count && b < count) return true;
    const [p, q] = pairs[j]!;
    ctx.report(
      'skeleton-out-of-range',
      pathOf(at, j),
      `skeleton bone [${p}, ${q}] (${zeroBased ? '0' : '1'}-based) joins a keypoint beyond the ${count} named ones; it is not drawn`,
      'warning',
    );
    return false;
  });
}
