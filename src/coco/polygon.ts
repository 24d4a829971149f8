/**
 * Polygon and box rasterization to RLE, equal bit for bit to pycocotools' `rleFrPoly`
 * and `rleFrBbox`. Coordinates are image pixels, `[x1, y1, x2, y2, …]`, with pixel (x, y)
 * covering [x, x+1) × [y, y+1); the mask is column-major (see rle.ts). The rounding
 * (`(int)(v + .5)`, truncation toward zero) and the clamping are part of the result:
 * exported `area` values, crowd masks and the evaluator's IoUs must equal pycocotools'.
 *
 * What pycocotools computes: it does not scan-fill. It upsamples the vertices by 5,
 * walks every edge with a DDA, one step per upsampled pixel (step t of a shallow edge is
 * `(xs + t, (int)(ys + s·t + .5))`, of a steep one `((int)(xs + s·t + .5), ys + t)`,
 * after flipping the edge to run rightward or downward), and keeps the pairs of
 * consecutive steps where the upsampled column goes between 5X + 2 and 5X + 3: the walk
 * crosses the centre of image column X. Each such pair, for X in [0, w - 1], is a run
 * boundary at column X, row Y = `ceil(clamp((lower v + .5) / 5 - .5, 0, h))`. The
 * boundaries `X·h + Y` and h·w, each wrapped to uint32, are sorted; their differences
 * are the runs, zero-length runs folded into their neighbour.
 *
 * How this computes the same runs, several times faster:
 * - The crossings are found edge by edge without the walk, with the walk's own float
 *   expressions (polygonCrossings.ts explains why these are exactly the walk's pairs).
 * - They are sorted by column (a counting sort), then by row within each column. When h
 *   is a whole number ≥ 0 and h·w < 2^32, that is the numeric order of `X·h + Y`, none
 *   of which wraps (X ≤ w - 1 and Y ≤ h, so all are at most h·w). For other sizes (the
 *   parser never makes them) the boundaries are wrapped and sorted as pycocotools' are.
 * - Scratch arrays are reused from call to call (one thread per module instance; results
 *   are copied out); any grown past 64k entries by a huge polygon is dropped after it.
 *
 * `testing/pycocotoolsOracle.ts` keeps the line-for-line transcription of `rleFrPoly`;
 * `polygon.test.ts` checks this against it on random polygons of every awkward kind.
 */
import {
  KEPT_SCRATCH,
  outlineCrossings,
  releaseCrossings,
  type Crossings,
} from './polygonCrossings';
import { mergeRles, type CountsAlloc, type Rle } from './rle';

export { MAX_OUTLINE_STEPS } from './polygonCrossings';

const UINT32 = 0x1_0000_0000;

function freshScratch() {
  return {
    /** Counting-sort buckets, one per column between the least and greatest crossed. */
    columns: new Int32Array(1024),
    boundaries: new Float64Array(1024),
    runs: new Uint32Array(1024),
  };
}

/** Reused by every call; results are copied out of it. */
const S = freshScratch();

/**
 * Rasterizes one polygon part [rleFrPoly]. `xy` is flat `[x1, y1, …]` in image pixels;
 * an odd trailing value is ignored, as pycocotools does (it reads `len // 2` points).
 * Throws a RangeError for an outline longer than `MAX_OUTLINE_STEPS` upsampled steps.
 * `alloc` places the counts (see `CountsAlloc`).
 */
export function polygonToRle(
  xy: ArrayLike<number>,
  height: number,
  width: number,
  alloc?: CountsAlloc,
): Rle {
  const k = Math.floor(xy.length / 2);
  if (k === 0) return { size: [height, width], counts: Uint32Array.of(height * width) };
  try {
    return runsOf(outlineCrossings(xy, k, height, width), height, width, alloc);
  } finally {
    releaseCrossings();
    if (Math.max(S.columns.length, S.boundaries.length) > KEPT_SCRATCH) {
      Object.assign(S, freshScratch());
    }
  }
}

/** The runs between the sorted boundaries of the crossings, then h·w. */
function runsOf(crossings: Crossings, h: number, w: number, alloc?: CountsAlloc): Rle {
  const n = crossings.n;
  if (S.boundaries.length < n + 1) {
    S.boundaries = new Float64Array(2 * (n + 1));
    S.runs = new Uint32Array(2 * (n + 1));
  }
  const a = S.boundaries;
  if (Number.isInteger(h) && h >= 0 && h * w < UINT32) {
    sortByColumn(crossings, h);
    a[n] = (h * w) >>> 0;
  } else {
    // X·h + Y may wrap, or leave column order: sort as pycocotools' uint values.
    for (let j = 0; j < n; j++) a[j] = (crossings.x[j]! * h + crossings.y[j]!) >>> 0;
    a[n] = (h * w) >>> 0;
    a.subarray(0, n + 1).sort();
  }
  // The runs are the differences of consecutive boundaries (from 0); zero-length runs are
  // folded into their neighbour, so runs keep alternating.
  const out = S.runs;
  let len = 0;
  out[len++] = a[0]!;
  for (let j = 1; j <= n; j++) {
    const run = a[j]! - a[j - 1]!;
    if (run > 0) out[len++] = run;
    else if (++j <= n) out[len - 1]! += a[j]! - a[j - 1]!;
  }
  if (alloc === undefined) return { size: [h, w], counts: out.slice(0, len) };
  const counts = alloc(len);
  for (let j = 0; j < len; j++) counts[j] = out[j]!;
  return { size: [h, w], counts };
}

/**
 * Writes the crossings to `S.boundaries` as `X·h + Y`, sorted: by column with a counting
 * sort, then by row within each column (insertion; a column holds few crossings).
 */
function sortByColumn(crossings: Crossings, h: number): void {
  const { n, minX, x, y } = crossings;
  if (n === 0) return;
  const columns = crossings.maxX - minX + 1;
  if (S.columns.length < columns + 1) S.columns = new Int32Array(2 * (columns + 1));
  const ends = S.columns;
  const a = S.boundaries;
  ends.fill(0, 0, columns + 1);
  for (let j = 0; j < n; j++) ends[x[j]! - minX + 1]!++;
  for (let c = 0; c < columns; c++) ends[c + 1]! += ends[c]!;
  for (let j = 0; j < n; j++) a[ends[x[j]! - minX]!++] = y[j]!;
  // ends[c] is now the end of column c.
  let begin = 0;
  for (let c = 0; c < columns; c++) {
    const end = ends[c]!;
    for (let i = begin + 1; i < end; i++) {
      const row = a[i]!;
      let j = i - 1;
      while (j >= begin && a[j]! > row) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = row;
    }
    const base = (minX + c) * h;
    for (let i = begin; i < end; i++) a[i] = base + a[i]!;
    begin = end;
  }
}

/** Rasterizes a box `[x, y, w, h]` in image pixels [rleFrBbox]: the polygon of its corners. */
export function bboxToRle(bbox: readonly number[], height: number, width: number): Rle {
  const [xs = 0, ys = 0, bw = 0, bh = 0] = bbox;
  const xe = xs + bw;
  const ye = ys + bh;
  return polygonToRle([xs, ys, xs, ye, xe, ye, xe, ys], height, width);
}

/**
 * All parts of a polygon segmentation rasterized and merged, exactly as pycocotools'
 * `annToRLE` does (`frPyObjects` + `merge`). Note pycocotools' quirk, reproduced here:
 * when the first part has exactly 4 numbers, `frPyObjects` reads every part as a box
 * `[x, y, w, h]`, not as a two-point polygon. A first part with fewer than 4 numbers
 * makes pycocotools raise; here it gives an empty mask (the parser reports it).
 * `alloc` places a one-part polygon's counts (see `CountsAlloc`); merged parts are fresh.
 */
export function polygonsToRle(
  polygons: readonly (readonly number[])[],
  height: number,
  width: number,
  alloc?: CountsAlloc,
): Rle {
  const first = polygons[0];
  if (first === undefined || first.length < 4) {
    return { size: [height, width], counts: Uint32Array.of(height * width) };
  }
  const boxes = first.length === 4;
  // One part: its counts are already a fresh array, as merge of one mask returns.
  if (polygons.length === 1 && !boxes) return polygonToRle(first, height, width, alloc);
  const parts = boxes
    ? polygons.map((bb) => bboxToRle(bb, height, width))
    : polygons.map((p) => polygonToRle(p, height, width));
  return mergeRles(parts);
}
