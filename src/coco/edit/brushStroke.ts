/**
 * The brush's one rule, shared by the canvas preview and the commit: which image pixels a
 * stroke covers. A stroke is a polyline of image-pixel points and a brush size (the
 * diameter, whole image pixels ≥ 1). Each point is first snapped to the pixel grid — to
 * the centre of the pixel under it for an odd size, to the nearest pixel corner for an
 * even one — so a dab covers the same pixels wherever in a pixel the pointer is, and a
 * size-1 dab is exactly the pixel under the pointer. Pixel (x, y) is then covered iff its
 * centre (x + 0.5, y + 0.5) lies within size / 2 of the polyline (a single point: a disc).
 * No pixel centre is ever exactly size / 2 from a snapped point, so a dab has no ties.
 */

/** `points` are x, y pairs in image pixels; `size` the brush diameter in image pixels. */
export type Stroke = { points: readonly number[]; size: number };

export const MIN_BRUSH_SIZE = 1;
export const MAX_BRUSH_SIZE = 500;

/** The point a dab is centred on: a pixel centre (odd size) or a pixel corner (even size). */
export function snapToBrush(x: number, y: number, size: number): [number, number] {
  if (size % 2 === 1) return [Math.floor(x) + 0.5, Math.floor(y) + 0.5];
  return [Math.round(x), Math.round(y)];
}

/** Visits a run of covered pixels: column x, rows y0..y1 (inclusive). */
export type SpanVisitor = (x: number, y0: number, y1: number) => void;

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < MIN_BRUSH_SIZE)
    throw new RangeError(`brush size must be a whole number of pixels ≥ 1, not ${size}`);
}

/** The squared distance from (px, py) to the segment a–b. */
function distance2(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/**
 * The rows (as centre y) of column centre `cx` near the capsule a–b of radius r: a bound,
 * a little wide; the exact test is `distance2`. Null when the column misses it.
 */
function columnBound(
  cx: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [px, py] of [
    [ax, ay],
    [bx, by],
  ] as const) {
    const d = cx - px;
    if (d * d <= r * r) {
      const h = Math.sqrt(r * r - d * d);
      lo = Math.min(lo, py - h);
      hi = Math.max(hi, py + h);
    }
  }
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const u = cx - ax;
  if (length2 > 0 && dx === 0) {
    if (Math.abs(u) <= r) {
      lo = Math.min(lo, ay, by);
      hi = Math.max(hi, ay, by);
    }
  } else if (length2 > 0) {
    // Within r of the line: |dx (y − ay) − dy u| ≤ r L.
    const rl = r * Math.sqrt(length2);
    let s0 = ay + (dy * u - rl) / dx;
    let s1 = ay + (dy * u + rl) / dx;
    if (s0 > s1) [s0, s1] = [s1, s0];
    // Projecting inside the segment: 0 ≤ dx u + dy (y − ay) ≤ L².
    let t0 = -Infinity;
    let t1 = Infinity;
    if (dy !== 0) {
      t0 = ay + -(dx * u) / dy;
      t1 = ay + (length2 - dx * u) / dy;
      if (t0 > t1) [t0, t1] = [t1, t0];
    } else if (dx * u < 0 || dx * u > length2) t1 = -Infinity;
    const a = Math.max(s0, t0);
    const b = Math.min(s1, t1);
    if (a <= b) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The covered pixels of one segment (a dab when a = b), clipped to width × height. */
function segmentSpans(
  a: [number, number],
  b: [number, number],
  size: number,
  width: number,
  height: number,
  visit: SpanVisitor,
): void {
  const r = size / 2;
  const r2 = r * r;
  const [ax, ay] = a;
  const [bx, by] = b;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + r));
  for (let x = x0; x <= x1; x++) {
    const cx = x + 0.5;
    const bound = columnBound(cx, ax, ay, bx, by, r);
    if (bound === null) continue;
    // The column's covered rows are one run (a capsule is convex): trim the bound's ends.
    let y0 = Math.max(0, Math.ceil(bound[0] - 0.5) - 1);
    let y1 = Math.min(height - 1, Math.floor(bound[1] - 0.5) + 1);
    while (y0 <= y1 && distance2(cx, y0 + 0.5, ax, ay, bx, by) > r2) y0++;
    while (y1 >= y0 && distance2(cx, y1 + 0.5, ax, ay, bx, by) > r2) y1--;
    if (y0 <= y1) visit(x, y0, y1);
  }
}

/**
 * Visits the covered pixels of the stroke's parts `from` on: part 0 is the dab at the
 * first point, part i the segment from point i − 1 to point i. Parts overlap, so a pixel
 * can be visited more than once. The preview paints part by part as the pointer moves;
 * the commit paints them all.
 */
export function forEachStrokeSpan(
  stroke: Stroke,
  width: number,
  height: number,
  visit: SpanVisitor,
  from = 0,
): void {
  checkSize(stroke.size);
  const { points, size } = stroke;
  const n = Math.floor(points.length / 2);
  for (let i = Math.max(0, from); i < n; i++) {
    const b = snapToBrush(points[2 * i]!, points[2 * i + 1]!, size);
    const a = i === 0 ? b : snapToBrush(points[2 * i - 2]!, points[2 * i - 1]!, size);
    segmentSpans(a, b, size, width, height, visit);
  }
}

/** The number of parts of a stroke (one per point). */
export function strokeParts(stroke: Stroke): number {
  return Math.floor(stroke.points.length / 2);
}

/**
 * Paints (value 1) or erases (value 0) the stroke into a column-major mask of
 * width × height (pixel (x, y) at x·height + y); returns whether any pixel changed.
 * Each covered run is one `fill` (parts overlap: a pixel is written once per part).
 */
export function paintStroke(
  pixels: Uint8Array,
  width: number,
  height: number,
  stroke: Stroke,
  value: 0 | 1,
): boolean {
  let changed = false;
  forEachStrokeSpan(stroke, width, height, (x, y0, y1) => {
    const start = x * height + y0;
    const end = x * height + y1 + 1;
    if (!changed)
      for (let i = start; i < end; i++)
        if (pixels[i] !== value) {
          changed = true;
          break;
        }
    pixels.fill(value, start, end);
  });
  return changed;
}
