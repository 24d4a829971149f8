/**
 * How much masks and boxes overlap, as pycocotools computes it: `bbIou` and `iou`
 * (COCOeval's and the duplicate check's IoU). Masks follow rle.ts' conventions.
 */
import { rleArea, rleToBbox, type Rle } from './rle';

/** Box IoU as pycocotools' bbIou; boxes are `[x, y, w, h]`. Result `[d][g]`. */
export function bboxIou(
  dt: readonly (readonly number[])[],
  gt: readonly (readonly number[])[],
  iscrowd: readonly boolean[],
): number[][] {
  return dt.map((D) =>
    gt.map((G, g) => {
      const [dx = 0, dy = 0, dw = 0, dh = 0] = D;
      const [gx = 0, gy = 0, gw = 0, gh = 0] = G;
      const w = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
      if (w <= 0) return 0;
      const hh = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
      if (hh <= 0) return 0;
      const i = w * hh;
      const u = iscrowd[g] ? dw * dh : dw * dh + gw * gh - i;
      return i / u;
    }),
  );
}

/**
 * Mask IoU [iou]: `result[d][g]` for detection d and ground truth g. For a crowd ground
 * truth the union is the detection's area (COCO's "ignore region" rule). Pairs whose
 * sizes differ get -1, as pycocotools gives.
 */
/** Scratch of `rleIou`: intersection and union of the pair being compared. */
const overlap = new Float64Array(2);

export function rleIou(
  dt: readonly Rle[],
  gt: readonly Rle[],
  iscrowd: readonly boolean[],
): number[][] {
  const o = bboxIou(dt.map(rleToBbox), gt.map(rleToBbox), iscrowd);
  for (let d = 0; d < dt.length; d++) {
    const D = dt[d]!;
    const row = o[d]!;
    for (let g = 0; g < gt.length; g++) {
      if (!(row[g]! > 0)) continue;
      const G = gt[g]!;
      if (D.size[0] !== G.size[0] || D.size[1] !== G.size[1]) {
        row[g] = -1;
        continue;
      }
      intersectionAndUnion(D.counts, G.counts, overlap);
      const i = overlap[0]!;
      let u = overlap[1]!;
      if (i === 0) u = 1;
      else if (iscrowd[g]) u = rleArea(D);
      row[g] = i / u;
    }
  }
  return o;
}

/**
 * Pixels set in both masks (`out[0]`) and in either (`out[1]`), walking both run lists as
 * maskApi.c's `rleIou` does (masks of one size). Writes into `out` so hot loops allocate
 * nothing.
 */
export function intersectionAndUnion(A: Uint32Array, B: Uint32Array, out: Float64Array): void {
  let ca = A[0] ?? 0;
  let cb = B[0] ?? 0;
  let va = false;
  let vb = false;
  let a = 1;
  let b = 1;
  let i = 0;
  let u = 0;
  let ct = 1;
  while (ct > 0) {
    // Runs that do not sum to the same total (a malformed mask) would loop forever here,
    // as in pycocotools' C: stop when one side has nothing left.
    if ((ca === 0 && a >= A.length) || (cb === 0 && b >= B.length)) break;
    const c = Math.min(ca, cb);
    if (va || vb) {
      u += c;
      if (va && vb) i += c;
    }
    ct = 0;
    ca -= c;
    if (!ca && a < A.length) {
      ca = A[a++]!;
      va = !va;
    }
    ct += ca;
    cb -= c;
    if (!cb && b < B.length) {
      cb = B[b++]!;
      vb = !vb;
    }
    ct += cb;
  }
  out[0] = i;
  out[1] = u;
}
