/**
 * pycocotools' `summarize`: the 12 detection (10 keypoint) numbers, each the numpy mean of
 * the precision (recall) values > -1 of a slice, taken in numpy's C order so the pairwise
 * sum adds them in the same order. Also the per-category AP and the PR curves, from the
 * same arrays.
 */
import type { Accumulated } from './accumulate';
import { numpyMean } from './numeric';
import type { AreaLabel, EvalParams, PrecisionRecallCurves, SummaryLine } from './types';

type Spec = { metric: 'AP' | 'AR'; iou: number | null; area: AreaLabel; maxDets: number };

function specs(params: EvalParams): Spec[] {
  const spec = (metric: 'AP' | 'AR', iou: number | null, area: AreaLabel, maxDets: number) => ({
    metric,
    iou,
    area,
    maxDets,
  });
  if (params.iouType === 'keypoints') {
    return [
      spec('AP', null, 'all', 20),
      spec('AP', 0.5, 'all', 20),
      spec('AP', 0.75, 'all', 20),
      spec('AP', null, 'medium', 20),
      spec('AP', null, 'large', 20),
      spec('AR', null, 'all', 20),
      spec('AR', 0.5, 'all', 20),
      spec('AR', 0.75, 'all', 20),
      spec('AR', null, 'medium', 20),
      spec('AR', null, 'large', 20),
    ];
  }
  const [m0 = 1, m1 = 10, m2 = 100] = params.maxDets;
  return [
    spec('AP', null, 'all', m2),
    spec('AP', 0.5, 'all', m2),
    spec('AP', 0.75, 'all', m2),
    spec('AP', null, 'small', m2),
    spec('AP', null, 'medium', m2),
    spec('AP', null, 'large', m2),
    spec('AR', null, 'all', m0),
    spec('AR', null, 'all', m1),
    spec('AR', null, 'all', m2),
    spec('AR', null, 'small', m2),
    spec('AR', null, 'medium', m2),
    spec('AR', null, 'large', m2),
  ];
}

/** Index lists as `_summarize` builds them (`np.where(iouThr == p.iouThrs)` is exact). */
function indices<T>(items: ArrayLike<T>, keep: (item: T) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (keep(items[i]!)) out.push(i);
  return out;
}

export function summarize(acc: Accumulated, params: EvalParams): SummaryLine[] {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  let buffer = new Float64Array(T * R * K);
  return specs(params).map((spec) => {
    const ts =
      spec.iou === null
        ? indices(params.iouThresholds, () => true)
        : indices(params.iouThresholds, (t) => t === spec.iou);
    const as = indices(params.areaRanges, (r) => r.label === spec.area);
    const ms = indices(params.maxDets, (m) => m === spec.maxDets);
    let n = 0;
    // s[:, :, :, aind, mind]: aind and mind broadcast together (one index each here).
    const pairs = Math.min(as.length, ms.length);
    const most = ts.length * (spec.metric === 'AP' ? R : 1) * K * pairs;
    if (buffer.length < most) buffer = new Float64Array(most);
    for (const t of ts) {
      if (pairs === 1) {
        // One (a, m): the (r, k) values of t (AP) or the k values (AR) lie A·M apart.
        n =
          spec.metric === 'AP'
            ? gather(acc.precision, (t * R * K * A + as[0]!) * M + ms[0]!, R * K, A * M, buffer, n)
            : gather(acc.recall, (t * K * A + as[0]!) * M + ms[0]!, K, A * M, buffer, n);
      } else n = gatherPairs(acc, spec.metric, t, [T, R, K, A, M], as, ms, pairs, buffer, n);
    }
    return { ...spec, value: n === 0 ? -1 : numpyMean(buffer, n) };
  });
}

/** The values > -1 of `values[start + i · stride]`, i < count, appended to `out` from n. */
function gather(
  values: Float64Array,
  start: number,
  count: number,
  stride: number,
  out: Float64Array,
  n: number,
): number {
  for (let i = 0, at = start; i < count; i++, at += stride) {
    const v = values[at]!;
    if (v > -1) out[n++] = v;
  }
  return n;
}

/** `gather` for several (a, m) pairs, in numpy's C order: pairs vary fastest. */
function gatherPairs(
  acc: Accumulated,
  metric: 'AP' | 'AR',
  t: number,
  [, R, K, A, M]: readonly [number, number, number, number, number],
  as: readonly number[],
  ms: readonly number[],
  pairs: number,
  out: Float64Array,
  n: number,
): number {
  const rows = metric === 'AP' ? R : 1;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < pairs; j++) {
        const v =
          metric === 'AP'
            ? acc.precision[(((t * R + r) * K + k) * A + as[j]!) * M + ms[j]!]!
            : acc.recall[((t * K + k) * A + as[j]!) * M + ms[j]!]!;
        if (v > -1) out[n++] = v;
      }
    }
  }
  return n;
}

/** AP@[.5:.95] of each category (area "all", last maxDets); -1 without ground truth. */
export function categoryAp(acc: Accumulated, params: EvalParams): Float64Array {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  const out = new Float64Array(K);
  const buffer = new Float64Array(T * R);
  for (let k = 0; k < K; k++) {
    let n = 0;
    for (let t = 0; t < T; t++) {
      // Precision [t][r][k][0][M - 1] over r: K·A·M apart.
      n = gather(acc.precision, ((t * R * K + k) * A + 0) * M + (M - 1), R, K * A * M, buffer, n);
    }
    out[k] = n === 0 ? -1 : numpyMean(buffer, n);
  }
  return out;
}

/**
 * Precision at each recall threshold for area "all" and the last maxDets: averaged over
 * the categories given (all when `category` is undefined) that have ground truth, per
 * IoU threshold and over all of them; -1 where no category has any.
 */
export function precisionRecallCurves(
  acc: Accumulated,
  params: EvalParams,
  category?: number,
): PrecisionRecallCurves {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  const k0 = category ?? 0;
  const k1 = category === undefined ? K : category + 1;
  const byIouThreshold = new Float64Array(T * R).fill(-1);
  const mean = new Float64Array(R).fill(-1);
  const buffer = new Float64Array(K);
  const all = new Float64Array(T * K);
  for (let r = 0; r < R; r++) {
    let nAll = 0;
    for (let t = 0; t < T; t++) {
      let n = 0;
      for (let k = k0; k < k1; k++) {
        const v = acc.precision[(((t * R + r) * K + k) * A + 0) * M + (M - 1)]!;
        if (v > -1) {
          buffer[n++] = v;
          all[nAll++] = v;
        }
      }
      if (n > 0) byIouThreshold[t * R + r] = numpyMean(buffer, n);
    }
    if (nAll > 0) mean[r] = numpyMean(all, nAll);
  }
  return { recall: params.recallThresholds, byIouThreshold, mean };
}
