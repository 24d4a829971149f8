/**
 * `polygonsToRle` (pycocotools' `frPyObjects` + `merge`) with the same output bit for
 * bit, several times faster: the evaluator rasterizes every polygon of a dataset.
 *
 * `polygonToRle` walks each upsampled edge one step per fifth of a pixel and then keeps
 * only the steps where the walk crosses an image column's centre: between upsampled
 * columns 5X + 2 and 5X + 3, at row min(v) of the two steps. Within one edge consecutive
 * steps move by at most one upsampled column, and consecutive steps of two edges share a
 * vertex (their columns differ only left of the image, where crossings are dropped), so
 * every crossing is a pair of steps (t, t + 1) of one edge. This computes those pairs
 * directly, with the same float expressions for the steps: O(columns) per edge instead
 * of O(5 × length), and no per-step arrays.
 */
import { MAX_OUTLINE_STEPS } from '../polygon';
import { mergeRles, type Rle } from '../rle';

const SCALE = 5;

/** C's `(int)` cast of a double, as polygon.ts. */
function cInt(v: number): number {
  return Math.trunc(v) | 0;
}

/** Scratch shared by all calls (one object, so the hot loops read fields, not bindings). */
const S = {
  vx: new Int32Array(64),
  vy: new Int32Array(64),
  /** The crossings found so far: image column X and row Y of each. */
  crossX: new Int32Array(1024),
  crossY: new Int32Array(1024),
  n: 0,
  minX: 0,
  maxX: 0,
  counts: new Int32Array(1024),
  boundaries: new Float64Array(1024),
  runs: new Uint32Array(1024),
};

function addCrossing(X: number, vMin: number, h: number): void {
  let yd = (vMin + 0.5) / SCALE - 0.5;
  if (yd < 0) yd = 0;
  else if (yd > h) yd = h;
  const n = S.n;
  if (n === S.crossX.length) {
    const gx = new Int32Array(n * 2);
    const gy = new Int32Array(n * 2);
    gx.set(S.crossX);
    gy.set(S.crossY);
    S.crossX = gx;
    S.crossY = gy;
  }
  S.crossX[n] = X;
  S.crossY[n] = Math.ceil(yd);
  S.n = n + 1;
  if (X < S.minX) S.minX = X;
  if (X > S.maxX) S.maxX = X;
}

/** The upsampled column of step t of a steep edge. */
function steepU(xs: number, s: number, t: number): number {
  return cInt(xs + s * t + 0.5);
}

/** Crossings of a shallow edge (dx ≥ dy > … , after the flip xs ≤ xe): u = xs + t. */
function shallowEdge(xs: number, ys: number, ye: number, dx: number, w: number, h: number): void {
  if (dx === 0) return;
  const s = (ye - ys) / dx;
  let u = Math.max(xs, 2);
  const r = (((u - 2) % 5) + 5) % 5;
  if (r !== 0) u += 5 - r;
  for (; u - xs <= dx - 1; u += 5) {
    const X = (u - 2) / 5;
    if (X > w - 1) break;
    const t = u - xs;
    const v1 = cInt(ys + s * t + 0.5);
    const v2 = cInt(ys + s * (t + 1) + 0.5);
    addCrossing(X, v1 < v2 ? v1 : v2, h);
  }
}

/** Crossings of a steep edge (dy > dx, after the flip ys ≤ ye): v = ys + t. */
function steepEdge(xs: number, xe: number, ys: number, dy: number, w: number, h: number): void {
  const s = (xe - xs) / dy;
  if (s === 0) return;
  const u0 = steepU(xs, s, 0);
  const u1 = steepU(xs, s, dy);
  if (s > 0) {
    // u rises: the pair where u goes from 5X + 2 to 5X + 3.
    const first = Math.max(0, Math.ceil((u0 - 2) / 5));
    const last = Math.min(w - 1, Math.floor((u1 - 3) / 5));
    for (let X = first; X <= last; X++) {
      const target = 5 * X + 2;
      let t = Math.min(dy - 1, Math.max(0, Math.ceil((target + 0.5 - xs) / s) - 1));
      while (t > 0 && steepU(xs, s, t) > target) t--;
      while (t < dy - 1 && steepU(xs, s, t + 1) <= target) t++;
      addCrossing(X, ys + t, h);
    }
  } else {
    // u falls: the pair where u goes from 5X + 3 to 5X + 2.
    const first = Math.max(0, Math.ceil((u1 - 2) / 5));
    const last = Math.min(w - 1, Math.floor((u0 - 3) / 5));
    for (let X = first; X <= last; X++) {
      const target = 5 * X + 3;
      let t = Math.min(dy - 1, Math.max(0, Math.floor((target - 0.5 - xs) / s)));
      while (t > 0 && steepU(xs, s, t) < target) t--;
      while (t < dy - 1 && steepU(xs, s, t + 1) >= target) t++;
      addCrossing(X, ys + t, h);
    }
  }
}

/** One polygon part [rleFrPoly], equal to `polygonToRle(xy, height, width)`. */
export function rasterizePolygon(xy: ArrayLike<number>, height: number, width: number): Rle {
  const h = height;
  const w = width;
  const k = Math.floor(xy.length / 2);
  if (k === 0) return { size: [h, w], counts: Uint32Array.of(h * w) };
  if (S.vx.length < k + 1) {
    S.vx = new Int32Array(2 * (k + 1));
    S.vy = new Int32Array(2 * (k + 1));
  }
  const vx = S.vx;
  const vy = S.vy;
  for (let j = 0; j < k; j++) {
    vx[j] = cInt(SCALE * xy[j * 2]! + 0.5);
    vy[j] = cInt(SCALE * xy[j * 2 + 1]! + 0.5);
  }
  vx[k] = vx[0]!;
  vy[k] = vy[0]!;
  let m = 0;
  for (let j = 0; j < k; j++) {
    m += Math.max(Math.abs(vx[j]! - vx[j + 1]!), Math.abs(vy[j]! - vy[j + 1]!)) + 1;
  }
  if (m > MAX_OUTLINE_STEPS) {
    throw new RangeError(`polygon outline too long to rasterize (${Math.round(m / SCALE)} pixels)`);
  }
  S.n = 0;
  S.minX = w;
  S.maxX = -1;
  for (let j = 0; j < k; j++) {
    let xs = vx[j]!;
    let xe = vx[j + 1]!;
    let ys = vy[j]!;
    let ye = vy[j + 1]!;
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    if ((dx >= dy && xs > xe) || (dx < dy && ys > ye)) {
      let t = xs;
      xs = xe;
      xe = t;
      t = ys;
      ys = ye;
      ye = t;
    }
    if (dx >= dy) shallowEdge(xs, ys, ye, dx, w, h);
    else steepEdge(xs, xe, ys, dy, w, h);
  }
  return runsOf(h, w);
}

/**
 * Boundaries `X * h + Y` sorted (by column with a counting sort, then by row), turned
 * into run lengths, zero-length runs folded, as polygon.ts does with a full sort.
 */
function runsOf(h: number, w: number): Rle {
  const n = S.n;
  const minX = S.minX;
  const columns = S.maxX - minX + 1;
  if (S.counts.length < columns + 1) S.counts = new Int32Array(2 * (columns + 1));
  if (S.boundaries.length < n + 1) {
    S.boundaries = new Float64Array(2 * (n + 1));
    S.runs = new Uint32Array(2 * (n + 1));
  }
  const { counts, crossX, crossY } = S;
  const a = S.boundaries;
  if (n > 0) {
    counts.fill(0, 0, columns + 1);
    for (let j = 0; j < n; j++) counts[crossX[j]! - minX + 1]!++;
    for (let c = 0; c < columns; c++) counts[c + 1]! += counts[c]!;
    for (let j = 0; j < n; j++) a[counts[crossX[j]! - minX]!++] = crossY[j]!;
    // counts[c] is now the end of column c; rows sorted within each column.
    let begin = 0;
    for (let c = 0; c < columns; c++) {
      const end = counts[c]!;
      for (let i = begin + 1; i < end; i++) {
        const y = a[i]!;
        let j = i - 1;
        while (j >= begin && a[j]! > y) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = y;
      }
      const base = (minX + c) * h;
      for (let i = begin; i < end; i++) a[i] = (base + a[i]!) >>> 0;
      begin = end;
    }
  }
  a[n] = (h * w) >>> 0;
  let p = 0;
  for (let j = 0; j <= n; j++) {
    const t = a[j]!;
    a[j] = t - p;
    p = t;
  }
  const out = S.runs;
  let len = 0;
  let j = 0;
  out[len++] = a[j++]!;
  while (j <= n) {
    if (a[j]! > 0) out[len++] = a[j++]!;
    else {
      j++;
      if (j <= n) out[len - 1]! += a[j++]!;
    }
  }
  return { size: [h, w], counts: out.slice(0, len) };
}

/**
 * All parts rasterized and merged, equal to `polygonsToRle` (including its quirk: a first
 * part of exactly 4 numbers makes every part a box `[x, y, w, h]`).
 */
export function rasterizePolygons(
  polygons: readonly (readonly number[])[],
  height: number,
  width: number,
): Rle {
  const first = polygons[0];
  if (first === undefined || first.length < 4) {
    return { size: [height, width], counts: Uint32Array.of(height * width) };
  }
  const boxes = first.length === 4;
  if (polygons.length === 1 && !boxes) return rasterizePolygon(first, height, width);
  const parts = polygons.map((p) => {
    if (!boxes) return rasterizePolygon(p, height, width);
    const [xs = 0, ys = 0, bw = 0, bh = 0] = p;
    return rasterizePolygon([xs, ys, xs, ys + bh, xs + bw, ys + bh, xs + bw, ys], height, width);
  });
  return mergeRles(parts);
}
