/**
 * Test-only: literal transcriptions of pycocotools' `maskApi.c`, kept as oracles for the
 * mask API's faster implementations (`../polygon.ts`, `../rle.ts`). Nothing outside tests
 * may import this file. These read line for line like the C (same variable names, same
 * order of operations, same casts), so that equality with them can be checked by eye
 * against pycocotools; they are slow on purpose and must not be "optimized".
 *
 * Conventions are the mask API's (see `../rle.ts`): column-major masks, counts starting
 * with the zero run, `size = [height, width]`, coordinates in image pixels.
 */
import { MAX_OUTLINE_STEPS } from '../polygon';
import { mergeRles, type Rle, type RleString } from '../rle';

const SCALE = 5;
const UINT32 = 0x1_0000_0000;

/** C's `(int)` cast of a double: truncation toward zero, wrapped to int32. */
function cInt(v: number): number {
  return Math.trunc(v) | 0;
}

/** C's `(uint)` cast of an int expression: truncated and wrapped to uint32. */
function cUint(v: number): number {
  return v >>> 0;
}

/** Wraps a (possibly negative) integer to uint32 as C's `(uint)` cast does. */
function toUint32(x: number): number {
  const r = x % UINT32;
  return r < 0 ? r + UINT32 : r;
}

/**
 * [rleFrPoly]: upsample the vertices by 5, walk every edge one step per upsampled pixel
 * (a DDA), keep the steps where the walk crosses a pixel column's centre, downsample
 * them to image pixels and turn them into run boundaries. An odd trailing value is
 * ignored (pycocotools reads `len // 2` points). Refuses, as the API does, an outline
 * longer than `MAX_OUTLINE_STEPS` steps.
 */
export function rleFrPoly(xy: ArrayLike<number>, height: number, width: number): Rle {
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
  for (let j = 0; j < n; j++) a[j] = cUint(bx[j]! * h + by[j]!);
  a[n] = cUint(h * w);
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

/** [rleFrBbox]: the polygon of the box's four corners; `bbox` is `[x, y, w, h]`. */
export function rleFrBbox(bbox: readonly number[], height: number, width: number): Rle {
  const [xs = 0, ys = 0, bw = 0, bh = 0] = bbox;
  const xe = xs + bw;
  const ye = ys + bh;
  return rleFrPoly([xs, ys, xs, ye, xe, ye, xe, ys], height, width);
}

/**
 * [annToRLE of a polygon segmentation]: `frPyObjects` then `merge`. A first part of
 * exactly 4 numbers makes `frPyObjects` read every part as a box; a first part with
 * fewer than 4 numbers (pycocotools raises) gives an empty mask, as the API does.
 */
export function annToRleOfPolygons(
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
      ? polygons.map((bb) => rleFrBbox(bb, height, width))
      : polygons.map((p) => rleFrPoly(p, height, width));
  return mergeRles(parts);
}

/**
 * [_mask rleFrString]: pycocotools' compressed counts string, decoded one value at a
 * time into a list (6 bits per char, chars 48..111, continuation bit 0x20, sign bit 0x10
 * on the last char, each count after the second a difference to the one two back).
 */
export function rleFrString(counts: RleString, height: number, width: number): Rle {
  const out: number[] = [];
  let p = 0;
  const n = counts.length;
  while (p < n) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      // A truncated string ends the value early; pycocotools reads the terminating NUL
      // (c = -48) at that point, which also stops the value.
      const c = p < n ? counts.charCodeAt(p) - 48 : -48;
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && (c & 0x10) !== 0) x -= 2 ** (5 * k); // sign-extend
    }
    const m = out.length;
    if (m > 2) x += out[m - 2]!;
    out.push(toUint32(x));
  }
  return { size: [height, width], counts: Uint32Array.from(out) };
}
