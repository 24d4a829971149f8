/**
 * Polygon and box rasterization to RLE, reproducing pycocotools' `rleFrPoly` and
 * `rleFrBbox` bit for bit. Coordinates are image pixels, `[x1, y1, x2, y2, …]`, with
 * pixel (x, y) covering [x, x+1) × [y, y+1); the mask is column-major (see rle.ts).
 *
 * pycocotools does not scan-fill: it upsamples the outline by 5, walks every edge with a
 * DDA, keeps the points where the walk crosses a pixel column's centre, and turns those
 * crossings into run boundaries. The rounding (`(int)(v + .5)`, truncation toward zero)
 * and the clamping below are part of the result: exported `area` values and crowd masks
 * must equal what pycocotools computes, so this is a transcription, not a rewrite.
 */
import { mergeRles, type Rle } from './rle';

const SCALE = 5;
/** Steps of the upsampled outline walk beyond which a polygon is refused (2 × 128 MB). */
export const MAX_OUTLINE_STEPS = 2 ** 25;

/** C's `(int)` cast of a double: truncation toward zero, wrapped to int32. */
function cInt(v: number): number {
  return Math.trunc(v) | 0;
}

/**
 * Rasterizes one polygon part [rleFrPoly]. `xy` is flat `[x1, y1, …]`; an odd trailing
 * value is ignored, as pycocotools does (it reads `len // 2` points).
 */
export function polygonToRle(xy: ArrayLike<number>, height: number, width: number): Rle {
  const h = height;
  const w = width;
  const k = Math.floor(xy.length / 2);
  if (k === 0) return { size: [h, w], counts: Uint32Array.of(h * w) };

  // Upsample the vertices and walk every edge, one step per upsampled pixel.
  const x = new Int32Array(k + 1);
  const y = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) x[j] = cInt(SCALE * xy[j * 2]! + 0.5);
  x[k] = x[0]!;
  for (let j = 0; j < k; j++) y[j] = cInt(SCALE * xy[j * 2 + 1]! + 0.5);
  y[k] = y[0]!;
  let m = 0;
  for (let j = 0; j < k; j++) {
    m += Math.max(Math.abs(x[j]! - x[j + 1]!), Math.abs(y[j]! - y[j + 1]!)) + 1;
  }
  // The walk takes one step per fifth of a pixel of outline. pycocotools would allocate
  // it whatever its length; a polygon with coordinates in the billions must not take the
  // page down with it.
  if (m > MAX_OUTLINE_STEPS) {
    throw new RangeError(`polygon outline too long to rasterize (${Math.round(m / SCALE)} pixels)`);
  }
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  m = 0;
  for (let j = 0; j < k; j++) {
    let xs = x[j]!;
    let xe = x[j + 1]!;
    let ys = y[j]!;
    let ye = y[j + 1]!;
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) {
      let t = xs;
      xs = xe;
      xe = t;
      t = ys;
      ys = ye;
      ye = t;
    }
    const s = dx >= dy ? (ye - ys) / dx : (xe - xs) / dy;
    if (dx >= dy) {
      for (let d = 0; d <= dx; d++) {
        const t = flip ? dx - d : d;
        u[m] = t + xs;
        v[m] = cInt(ys + s * t + 0.5);
        m++;
      }
    } else {
      for (let d = 0; d <= dy; d++) {
        const t = flip ? dy - d : d;
        v[m] = t + ys;
        u[m] = cInt(xs + s * t + 0.5);
        m++;
      }
    }
  }

  // Keep the crossings of pixel-column centres, downsampled to image pixels.
  const total = m;
  const bx: number[] = [];
  const by: number[] = [];
  for (let j = 1; j < total; j++) {
    if (u[j] === u[j - 1]) continue;
    let xd = u[j]! < u[j - 1]! ? u[j]! : u[j]! - 1;
    xd = (xd + 0.5) / SCALE - 0.5;
    if (Math.floor(xd) !== xd || xd < 0 || xd > w - 1) continue;
    let yd = v[j]! < v[j - 1]! ? v[j]! : v[j - 1]!;
    yd = (yd + 0.5) / SCALE - 0.5;
    if (yd < 0) yd = 0;
    else if (yd > h) yd = h;
    yd = Math.ceil(yd);
    bx.push(xd);
    by.push(yd);
  }

  // Boundaries as column-major positions, sorted; differences are the run lengths.
  const n = bx.length;
  const a = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) a[j] = toUint32(bx[j]! * h + by[j]!);
  a[n] = toUint32(h * w);
  a.sort();
  let p = 0;
  for (let j = 0; j <= n; j++) {
    const t = a[j]!;
    a[j] = t - p;
    p = t;
  }
  // Zero-length runs are folded into their neighbour, so runs keep alternating.
  const b: number[] = [];
  let j = 0;
  b.push(a[j++]!);
  while (j <= n) {
    if (a[j]! > 0) b.push(a[j++]!);
    else {
      j++;
      if (j <= n) b[b.length - 1]! += a[j++]!;
    }
  }
  return { size: [h, w], counts: Uint32Array.from(b) };
}

function toUint32(v: number): number {
  return v >>> 0;
}

/** Rasterizes a box `[x, y, w, h]` [rleFrBbox]: the polygon of its four corners. */
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
 */
export function polygonsToRle(
  polygons: readonly (readonly number[])[],
  height: number,
  width: number,
): Rle {
  const first = polygons[0];
  if (first === undefined || first.length < 4) {
    return { size: [height, width], counts: Uint32Array.of(height * width) };
  }
  const parts =
    first.length === 4
      ? polygons.map((bb) => bboxToRle(bb, height, width))
      : polygons.map((p) => polygonToRle(p, height, width));
  return mergeRles(parts);
}
