/**
 * Integers past 2^53 (ids some tools make from hashes or timestamps) cannot be held by a
 * JS number: 9007199254740993 reads as 9007199254740992. Records the user did not change
 * are copied as bytes, so they keep them; for values written anew (a new annotation's
 * `image_id`), the file's own spelling is looked up by the number JS read.
 */
import { someAnnotation } from '../annotationTable';
import type { Dataset } from '../model';

/** Integer literals of 16 digits or more that stand as JSON numbers (not inside strings). */
const LONG_INTEGER = /(?<=[:[,]\s*)-?\d{16,}(?=\s*[,\]}])/g;

/**
 * The exact spelling of every unsafe integer in `text`, by the number JS reads it as. Two
 * spellings that read as one number are left out (writing either would be a guess).
 */
export function findExactIntegers(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const ambiguous = new Set<number>();
  for (const match of text.matchAll(LONG_INTEGER)) {
    const spelled = match[0];
    const value = Number(spelled);
    if (Number.isSafeInteger(value) || ambiguous.has(value)) continue;
    const known = out.get(value);
    if (known === undefined) out.set(value, spelled);
    else if (known !== spelled) {
      out.delete(value);
      ambiguous.add(value);
    }
  }
  return out;
}

/** Whether any id of the dataset is a number past 2^53. */
export function hasUnsafeIds(dataset: Dataset): boolean {
  const unsafe = (id: unknown) => typeof id === 'number' && !Number.isSafeInteger(id);
  return (
    dataset.images.some((r) => unsafe(r.id)) ||
    dataset.categories.some((r) => unsafe(r.id)) ||
    someAnnotation(
      dataset.annotations,
      (r) => unsafe(r.id) || unsafe(r.imageId) || unsafe(r.categoryId),
    )
  );
}
