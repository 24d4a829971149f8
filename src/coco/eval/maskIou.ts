/**
 * Mask IoU for the evaluator, equal to the mask API's `rleIou` value for value, without
 * its per-call work: each mask is made once (polygons only when some pair needs them),
 * pairs whose masks share no image column or row are 0 without touching their runs, and
 * the overlap of two masks is counted on their set runs only.
 *
 * Why that is `rleIou`: `rleIou` computes the box IoU of the masks' tight boxes and merges
 * the runs only where it is > 0; masks sharing no pixel give 0 both ways (i = 0 → 0), and
 * masks of the same size sharing a column are merged in both. Masks of different sizes
 * sharing a column go to `rleIou` itself, which answers -1 or 0 from their boxes.
 */
import { intersectionAndUnion, rleIou } from '../overlap';
import type { CountsAlloc, Rle } from '../rle';

/**
 * The counts of the masks made for one image, as views of one buffer: masks are made by
 * the ten thousand and dropped image by image, and each would otherwise be an allocation
 * (off V8's heap past 64 bytes) and a free. `reset` only once no view is in use.
 */
export type MaskArena = { readonly alloc: CountsAlloc; readonly reset: () => void };

export function maskArena(size = 1 << 16): MaskArena {
  let buffer = new Uint32Array(size);
  let used = 0;
  return {
    alloc: (n) => {
      // A huge mask gets an array of its own, so that the buffer stays small.
      if (n > size) return new Uint32Array(n);
      if (used + n > buffer.length) {
        // Views handed out keep the full buffer alive until they are dropped.
        buffer = new Uint32Array(size);
        used = 0;
      }
      const view = buffer.subarray(used, used + n);
      used += n;
      return view;
    },
    reset: () => {
      used = 0;
    },
  };
}

/** Masks of one side (gt or dt), made on demand, by annotation position. */
export type MaskSide = {
  readonly rles: (Rle | undefined)[];
  readonly area: Float64Array;
  /** Columns holding set pixels, exactly, once the mask is made (x1 < x0 when empty). */
  readonly x0: Int32Array;
  readonly x1: Int32Array;
  /** Rows that may hold set pixels (all rows when a run crosses a column's end). */
  readonly y0: Int32Array;
  readonly y1: Int32Array;
  /** 1 once the mask was made: its ranges above stay known after it is dropped. */
  readonly known: Uint8Array;
  /** The first set run's index and start, and the end of the last set pixel (positions). */
  readonly firstRun: Int32Array;
  readonly firstPos: Float64Array;
  readonly lastEnd: Float64Array;
  /**
   * 1 when the runs add up to height × width and none after the first is empty (what
   * pycocotools and the rasterizer write). Only then is the overlap walk exact: maskApi.c's
   * walk stops early where both masks reach an empty run at once, and that is kept.
   */
  readonly simple: Uint8Array;
  /** Columns that may hold set pixels, known before the mask is made (NaN: unknown). */
  readonly hint0: Float64Array;
  readonly hint1: Float64Array;
  /** Rows that may hold set pixels, known before the mask is made (NaN: unknown). */
  readonly hintY0: Float64Array;
  readonly hintY1: Float64Array;
  /** `[height, width]` each mask will have, known before it is made. */
  readonly height: Int32Array;
  readonly width: Int32Array;
  /** Makes the mask of position p. */
  readonly make: (p: number) => Rle;
};

/** A side of `height.length` masks, of the sizes given; `make(p)` makes mask p. */
export function maskSide(
  make: (p: number) => Rle,
  height: Int32Array,
  width: Int32Array,
): MaskSide {
  const count = height.length;
  return {
    height,
    width,
    rles: new Array<Rle | undefined>(count),
    area: new Float64Array(count),
    x0: new Int32Array(count),
    x1: new Int32Array(count),
    y0: new Int32Array(count),
    y1: new Int32Array(count),
    known: new Uint8Array(count),
    firstRun: new Int32Array(count),
    firstPos: new Float64Array(count),
    lastEnd: new Float64Array(count),
    simple: new Uint8Array(count),
    hint0: new Float64Array(count).fill(NaN),
    hint1: new Float64Array(count).fill(NaN),
    hintY0: new Float64Array(count).fill(NaN),
    hintY1: new Float64Array(count).fill(NaN),
    make,
  };
}

/** The mask of position p, with its area and column range. */
export function maskAt(side: MaskSide, p: number): Rle {
  const rle = side.rles[p];
  return rle !== undefined ? rle : setMask(side, p, side.make(p));
}

/** Stores the mask of position p (made elsewhere), with its area and column range. */
export function setMask(side: MaskSide, p: number, rle: Rle): Rle {
  side.rles[p] = rle;
  const c = rle.counts;
  const h = rle.size[0];
  let pos = 0;
  let area = 0;
  let first = -1;
  let firstRun = 0;
  let last = -1;
  let ys = h;
  let ye = -1;
  let empty = false;
  for (let j = 0; j < c.length; j++) {
    const run = c[j]!;
    if (run === 0 && j > 0) empty = true;
    if (j % 2 === 1 && run > 0) {
      if (first < 0) {
        first = pos;
        firstRun = j;
      }
      last = pos + run - 1;
      area += run;
      const a = pos % h;
      const b = last % h;
      if (last - pos >= h || b < a) {
        ys = 0;
        ye = h - 1;
      } else {
        if (a < ys) ys = a;
        if (b > ye) ye = b;
      }
    }
    pos += run;
  }
  side.y0[p] = ys;
  side.y1[p] = ye;
  side.area[p] = area;
  side.firstRun[p] = firstRun;
  side.firstPos[p] = first;
  side.lastEnd[p] = last + 1;
  side.simple[p] = pos === h * rle.size[1] && !empty ? 1 : 0;
  side.x0[p] = first < 0 || h === 0 ? 1 : Math.floor(first / h);
  side.x1[p] = first < 0 || h === 0 ? 0 : Math.floor(last / h);
  side.known[p] = 1;
  return rle;
}

/** Forgets the mask of position p (it is made again if needed); its hint stays. */
export function dropMask(side: MaskSide, p: number): void {
  side.rles[p] = undefined;
}

/** Sets a conservative column range for position p (from its polygon's coordinates). */
export function hintColumns(side: MaskSide, p: number, lo: number, hi: number): void {
  side.hint0[p] = Math.floor(lo) - 1;
  side.hint1[p] = Math.ceil(hi) + 1;
}

/** Sets a conservative row range for position p (from its polygon's coordinates). */
export function hintRows(side: MaskSide, p: number, lo: number, hi: number): void {
  side.hintY0[p] = Math.floor(lo) - 1;
  side.hintY1[p] = Math.ceil(hi) + 1;
}

/**
 * Whether masks d and g share no pixel by what is known without making either: d's
 * ranges once it was made, g's once made or else its hints. Then `maskPairIou` is 0.
 */
export function masksApart(dt: MaskSide, d: number, gt: MaskSide, g: number): boolean {
  if (dt.known[d] === 0) return false;
  if (dt.height[d] !== gt.height[g] || dt.width[d] !== gt.width[g]) return false;
  const lo = dt.x0[d]!;
  const hi = dt.x1[d]!;
  if (hi < lo) return true;
  const top = dt.y0[d]!;
  const bottom = dt.y1[d]!;
  if (gt.known[g] === 1) {
    return gt.x1[g]! < lo || hi < gt.x0[g]! || gt.y1[g]! < top || bottom < gt.y0[g]!;
  }
  return gt.hint1[g]! < lo || hi < gt.hint0[g]! || gt.hintY1[g]! < top || bottom < gt.hintY0[g]!;
}

/**
 * IoU of detection mask `d` with ground-truth mask `g`, equal to
 * `rleIou([d], [g], [crowd])[0][0]`. Masks of one size: the runs' overlap decides (pairs
 * with no common column or row, or whose polygon cannot reach the other's columns or
 * rows, share no pixel: 0). Masks of different sizes go to `rleIou`, which answers from their boxes.
 */
export function maskPairIou(
  dt: MaskSide,
  d: number,
  gt: MaskSide,
  g: number,
  crowd: boolean,
): number {
  if (dt.height[d] !== gt.height[g] || dt.width[d] !== gt.width[g]) {
    return rleIou([maskAt(dt, d)], [maskAt(gt, g)], [crowd])[0]![0]!;
  }
  maskAt(dt, d);
  const lo = dt.x0[d]!;
  const hi = dt.x1[d]!;
  if (hi < lo) return 0;
  if (gt.rles[g] === undefined) {
    // A hint's NaN (unknown) compares false: the mask is made.
    if (gt.hint1[g]! < lo || hi < gt.hint0[g]!) return 0;
    if (gt.hintY1[g]! < dt.y0[d]! || dt.y1[d]! < gt.hintY0[g]!) return 0;
  }
  maskAt(gt, g);
  if (gt.x1[g]! < lo || hi < gt.x0[g]!) return 0;
  if (gt.y1[g]! < dt.y0[d]! || dt.y1[d]! < gt.y0[g]!) return 0;
  let i: number;
  let u: number;
  if (dt.simple[d] === 1 && gt.simple[g] === 1) {
    // Both cover the image: the union is |D| + |G| - i, and i needs only the overlap.
    i = overlap(dt, d, gt, g);
    u = dt.area[d]! + gt.area[g]! - i;
  } else {
    intersectionAndUnion(dt.rles[d]!.counts, gt.rles[g]!.counts, pair);
    i = pair[0]!;
    u = pair[1]!;
  }
  if (i === 0) return 0;
  return crowd ? i / dt.area[d]! : i / u;
}

/**
 * Pixels set in both masks (both simple: every run after the first is non-empty), from
 * their set runs only: two cursors, each on a set run `[s, e)`; the one ending first
 * moves to its next set run (two counts on), until either has none left or starts past
 * the earlier last set pixel.
 */
function overlap(dt: MaskSide, d: number, gt: MaskSide, g: number): number {
  const end = Math.min(dt.lastEnd[d]!, gt.lastEnd[g]!);
  if (Math.max(dt.firstPos[d]!, gt.firstPos[g]!) >= end) return 0;
  const A = dt.rles[d]!.counts;
  const B = gt.rles[g]!.counts;
  let a = dt.firstRun[d]!;
  let sa = dt.firstPos[d]!;
  let ea = sa + A[a]!;
  let b = gt.firstRun[g]!;
  let sb = gt.firstPos[g]!;
  let eb = sb + B[b]!;
  let i = 0;
  for (;;) {
    const lo = sa > sb ? sa : sb;
    const hi = ea < eb ? ea : eb;
    if (hi > lo) i += hi - lo;
    if (ea <= eb) {
      if (a + 2 >= A.length) break;
      sa = ea + A[a + 1]!;
      ea = sa + A[a + 2]!;
      a += 2;
      if (sa >= end) break;
    } else {
      if (b + 2 >= B.length) break;
      sb = eb + B[b + 1]!;
      eb = sb + B[b + 2]!;
      b += 2;
      if (sb >= end) break;
    }
  }
  return i;
}

/** Intersection and union of the pair being compared (see rle.ts's intersectionAndUnion). */
const pair = new Float64Array(2);
