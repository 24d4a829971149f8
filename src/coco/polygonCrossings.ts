/**
 * Where a polygon's upsampled outline crosses the centres of image columns: the run
 * boundaries of pycocotools' `rleFrPoly` (polygon.ts says what its walk computes), found
 * without walking the outline step by step.
 *
 * Why these are the walk's crossings, no more and no fewer: the walk keeps the pairs of
 * consecutive steps whose upsampled column goes between 5X + 2 and 5X + 3. Within one
 * edge consecutive steps move by at most one upsampled column (by exactly one on a
 * shallow edge; on a steep one the slope is below 1). The last step of an edge and the
 * first of the next are the same vertex, in the same column except left of the image
 * (`(int)` of a negative value rounds toward zero), where crossings are dropped anyway.
 * So every crossing is a pair of steps (t, t + 1) of one edge, and each edge's pairs are
 * found directly: on a shallow edge step t is at column xs + t, so t = 5X + 2 - xs; on a
 * steep edge the column is monotone in t, so t is estimated from the slope and corrected
 * by evaluating the very float expression the walk uses. The pair is unordered (the walk
 * takes the lower column and the lower row of the two), so the flip of an edge to run
 * rightward or downward changes nothing. That is O(columns crossed) per edge instead of
 * O(5 × length), with no per-step arrays.
 */

/** pycocotools' upsampling factor. */
const SCALE = 5;

/** Steps of the upsampled outline walk beyond which a polygon is refused (2 × 128 MB). */
export const MAX_OUTLINE_STEPS = 2 ** 25;

/** Scratch longer than this (entries) is dropped after the polygon that needed it. */
export const KEPT_SCRATCH = 1 << 16;

/** C's `(int)` cast of a double: truncation toward zero, wrapped to int32. */
function cInt(v: number): number {
  return Math.trunc(v) | 0;
}

/** The crossings of one polygon: scratch shared by every call, read it before the next. */
export type Crossings = {
  /** Image column X and row Y of each crossing; the first `n` entries are set. */
  x: Int32Array;
  y: Int32Array;
  n: number;
  /** The least and greatest X among them (when n > 0). */
  minX: number;
  maxX: number;
};

function freshScratch() {
  return {
    /** Upsampled vertices, the first repeated at the end. */
    vx: new Int32Array(64),
    vy: new Int32Array(64),
    x: new Int32Array(1024),
    y: new Int32Array(1024),
    n: 0,
    minX: 0,
    maxX: 0,
  };
}

/** One object, so that the hot loops read fields, not bindings. */
const S = freshScratch();

/** Drops scratch grown past `KEPT_SCRATCH` by a huge polygon, so that it is not kept. */
export function releaseCrossings(): void {
  if (Math.max(S.vx.length, S.x.length) > KEPT_SCRATCH) Object.assign(S, freshScratch());
}

/** Room for `more` crossings after the first n (kept ones are copied). */
function reserve(n: number, more: number): void {
  if (n + more <= S.x.length) return;
  const size = Math.max(n + more, 2 * S.x.length);
  const gx = new Int32Array(size);
  const gy = new Int32Array(size);
  gx.set(S.x.subarray(0, n));
  gy.set(S.y.subarray(0, n));
  S.x = gx;
  S.y = gy;
}

/**
 * Row Y of a crossing whose pair of steps has lower row `vMin` (an int32): rleFrPoly's
 * `ceil(clamp((vMin + .5) / 5 - .5, 0, h))`. For a whole h ≥ 0 that is the integer
 * `clamp(ceil((vMin - 2) / 5), 0, h)`: the float expression is exact where (vMin - 2) / 5
 * is whole, and elsewhere within 1e-7 of a value at least 0.2 from any whole number.
 */
function rowOf(vMin: number, h: number): number {
  if (wholeHeight) {
    const y = ((vMin + 2) / SCALE) | 0;
    return y < 0 ? 0 : y > h ? h : y;
  }
  let yd = (vMin + 0.5) / SCALE - 0.5;
  if (yd < 0) yd = 0;
  else if (yd > h) yd = h;
  return Math.ceil(yd);
}

/** Whether the polygon being rasterized has a whole height ≥ 0 (see rowOf). */
let wholeHeight = true;

/** The upsampled column of step t of a steep edge. */
function steepU(xs: number, s: number, t: number): number {
  return cInt(xs + s * t + 0.5);
}

/**
 * Crossings of a shallow edge (dx ≥ dy, flipped so that xs ≤ xe): step t is at u = xs + t,
 * written from index n on; returns the new count. At most dx / 5 + 1 of them.
 */
function shallowEdge(
  xs: number,
  ys: number,
  ye: number,
  dx: number,
  w: number,
  h: number,
  n: number,
): number {
  if (dx === 0) return n;
  const s = (ye - ys) / dx;
  // The first u ≥ max(xs, 2) of the form 5X + 2.
  let u = Math.max(xs, 2);
  const r = (((u - 2) % 5) + 5) % 5;
  if (r !== 0) u += 5 - r;
  const X = S.x;
  const Y = S.y;
  for (let column = (u - 2) / 5; u - xs <= dx - 1; u += 5, column++) {
    if (column > w - 1) break;
    const t = u - xs;
    const v1 = cInt(ys + s * t + 0.5);
    const v2 = cInt(ys + s * (t + 1) + 0.5);
    X[n] = column;
    Y[n++] = rowOf(v1 < v2 ? v1 : v2, h);
  }
  return n;
}

/**
 * Crossings of a steep edge (dy > dx, flipped so that ys ≤ ye): step t is at v = ys + t,
 * written from index n on; returns the new count. At most |xe - xs| / 5 + 1 of them.
 */
function steepEdge(
  xs: number,
  xe: number,
  ys: number,
  dy: number,
  w: number,
  h: number,
  n: number,
): number {
  const s = (xe - xs) / dy;
  if (s === 0) return n;
  const u0 = steepU(xs, s, 0);
  const u1 = steepU(xs, s, dy);
  const X = S.x;
  const Y = S.y;
  if (s > 0) {
    // u rises: the pair where u goes from 5X + 2 to 5X + 3.
    const first = Math.max(0, Math.ceil((u0 - 2) / 5));
    const last = Math.min(w - 1, Math.floor((u1 - 3) / 5));
    for (let column = first; column <= last; column++) {
      const target = 5 * column + 2;
      let t = Math.min(dy - 1, Math.max(0, Math.ceil((target + 0.5 - xs) / s) - 1));
      while (t > 0 && steepU(xs, s, t) > target) t--;
      while (t < dy - 1 && steepU(xs, s, t + 1) <= target) t++;
      X[n] = column;
      Y[n++] = rowOf(ys + t, h);
    }
  } else {
    // u falls: the pair where u goes from 5X + 3 to 5X + 2.
    const first = Math.max(0, Math.ceil((u1 - 2) / 5));
    const last = Math.min(w - 1, Math.floor((u0 - 3) / 5));
    for (let column = first; column <= last; column++) {
      const target = 5 * column + 3;
      let t = Math.min(dy - 1, Math.max(0, Math.floor((target - 0.5 - xs) / s)));
      while (t > 0 && steepU(xs, s, t) < target) t--;
      while (t < dy - 1 && steepU(xs, s, t + 1) >= target) t++;
      X[n] = column;
      Y[n++] = rowOf(ys + t, h);
    }
  }
  return n;
}

/**
 * The crossings of the outline of `k ≥ 1` points `xy` (flat, image pixels) on an image of
 * `height × width`. Throws a RangeError when the walk pycocotools would take is longer
 * than `MAX_OUTLINE_STEPS`.
 */
export function outlineCrossings(
  xy: ArrayLike<number>,
  k: number,
  height: number,
  width: number,
): Crossings {
  const h = height;
  const w = width;
  if (S.vx.length < k + 1) {
    S.vx = new Int32Array(2 * (k + 1));
    S.vy = new Int32Array(2 * (k + 1));
  }
  const vx = S.vx;
  const vy = S.vy;
  // The walk's length m (edge by edge, the closing edge last) as the vertices are read.
  let m = 0;
  for (let j = 0; j < k; j++) {
    const x = cInt(SCALE * xy[j * 2]! + 0.5);
    const y = cInt(SCALE * xy[j * 2 + 1]! + 0.5);
    vx[j] = x;
    vy[j] = y;
    if (j > 0) m += Math.max(Math.abs(vx[j - 1]! - x), Math.abs(vy[j - 1]! - y)) + 1;
  }
  vx[k] = vx[0]!;
  vy[k] = vy[0]!;
  m += Math.max(Math.abs(vx[k - 1]! - vx[k]!), Math.abs(vy[k - 1]! - vy[k]!)) + 1;
  // pycocotools allocates its walk whatever the length; this allocates none, but keeps
  // the limit, so that a polygon with coordinates in the billions is refused everywhere.
  if (m > MAX_OUTLINE_STEPS) {
    throw new RangeError(`polygon outline too long to rasterize (${Math.round(m / SCALE)} pixels)`);
  }
  wholeHeight = Number.isInteger(h) && h >= 0;
  let n = 0;
  let minX = w;
  let maxX = -1;
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
    // An edge crosses at most one column centre per 5 upsampled columns, plus one.
    const most = Math.floor(dx / SCALE) + 2;
    reserve(n, Math.ceil(w) < most ? Math.max(0, Math.ceil(w)) : most);
    const from = n;
    n = dx >= dy ? shallowEdge(xs, ys, ye, dx, w, h, n) : steepEdge(xs, xe, ys, dy, w, h, n);
    // An edge writes its columns in ascending order: its first and last are its extremes.
    if (n > from) {
      if (S.x[from]! < minX) minX = S.x[from]!;
      if (S.x[n - 1]! > maxX) maxX = S.x[n - 1]!;
    }
  }
  S.n = n;
  S.minX = minX;
  S.maxX = maxX;
  return S;
}
