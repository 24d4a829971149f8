/**
 * The few numpy operations COCOeval's numbers depend on, reproduced bit for bit so that
 * the summary equals pycocotools' to the last digit: `linspace`, `sum`/`mean` (numpy's
 * pairwise summation) and `argsort(kind='mergesort')` (a stable sort).
 */

/** numpy's `np.spacing(1)`: 2⁻⁵², added to denominators by pycocotools. */
export const EPS = 2 ** -52;

/**
 * `np.linspace(start, stop, num)`: `i * step + start` with `step = (stop - start) / (num - 1)`,
 * the last value set to `stop` exactly. `linspace(.5, .95, 10)[8]` is 0.8999999999999999,
 * not 0.9, and the `iou < t` comparisons depend on such digits.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * numpy's pairwise summation of `a[start .. start + n)` (`DOUBLE_pairwise_sum`): plain
 * below 8 values, 8 running sums up to 128, halves (cut at a multiple of 8) above.
 * `np.sum` of a contiguous float64 array is `0 + pairwiseSum(a, 0, n)`.
 */
export function pairwiseSum(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[start]!;
    let r1 = a[start + 1]!;
    let r2 = a[start + 2]!;
    let r3 = a[start + 3]!;
    let r4 = a[start + 4]!;
    let r5 = a[start + 5]!;
    let r6 = a[start + 6]!;
    let r7 = a[start + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = start + i;
      r0 += a[p]!;
      r1 += a[p + 1]!;
      r2 += a[p + 2]!;
      r3 += a[p + 3]!;
      r4 += a[p + 4]!;
      r5 += a[p + 5]!;
      r6 += a[p + 6]!;
      r7 += a[p + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** numpy's reduction buffer: a long sum is reduced in blocks of this many values. */
const BUFSIZE = 8192;

/**
 * `np.mean` of the first `n` values of `a`. numpy before 2.3 (what pycocotools' reference
 * figures were computed with) reduces a long array in buffer-sized blocks: pairwise
 * within each block of 8192 values, the blocks added one after another. numpy 2.3+ sums
 * the whole array pairwise and can differ in the last bit.
 */
export function numpyMean(a: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let start = 0; start < n; start += BUFSIZE) {
    sum += pairwiseSum(a, start, Math.min(BUFSIZE, n - start));
  }
  return sum / n;
}

/**
 * Sorts `items[start .. end)` (indices into `score`) by score, highest first; equal
 * scores keep their order, as `np.argsort(-score, kind='mergesort')` does. The items
 * must be in ascending order on entry, so that the tie-break on the index is stability.
 */
export function sortByScoreDesc(
  items: Int32Array,
  start: number,
  end: number,
  score: Float64Array,
): void {
  const n = end - start;
  if (n < 2) return;
  if (n <= 24) {
    for (let i = start + 1; i < end; i++) {
      const item = items[i]!;
      const s = score[item]!;
      let j = i - 1;
      while (j >= start && score[items[j]!]! < s) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = item;
    }
    return;
  }
  const view = items.subarray(start, end);
  view.sort((a, b) => score[b]! - score[a]! || a - b);
}

/**
 * Sorts `items[start .. end)` (indices into `score`, in any order) by score, highest
 * first, equal scores by index: the order `sortByScoreDesc` gives items sorted first.
 */
export function sortByScoreThenIndex(
  items: Int32Array,
  start: number,
  end: number,
  score: Float64Array,
): void {
  if (end - start <= 24) {
    for (let i = start + 1; i < end; i++) {
      const item = items[i]!;
      const s = score[item]!;
      let j = i - 1;
      while (
        j >= start &&
        (score[items[j]!]! < s || (score[items[j]!] === s && items[j]! > item))
      ) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = item;
    }
    return;
  }
  items.subarray(start, end).sort((a, b) => score[b]! - score[a]! || a - b);
}
