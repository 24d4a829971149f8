/**
 * Mask → polygons, for exporting masks as polygons (Datumaro's "polygons" segmentation
 * mode). Each 4-connected region's outer boundary is traced along pixel edges, so the
 * polygon encloses exactly the region's pixels (holes are filled, as with OpenCV's
 * RETR_EXTERNAL that Datumaro uses); collinear points are dropped. Coordinates are pixel
 * corners in image pixels: pixel (x, y) spans [x, x+1) × [y, y+1).
 */
import { columnRunsOf, partsOf, runLookup } from './columnRuns';
import type { Rle } from './rle';

/**
 * The outer boundary of every region of the mask, largest first (ties in column-major
 * order of their first pixel). Regions are the 4-connected parts of the mask's column
 * runs; each outline is walked from its region's first pixel, looking pixels up in the
 * runs: a 4000 × 3000 crowd of 100 parts costs its runs and outlines, not its pixels.
 */
export function maskToPolygons(rle: Rle): number[][] {
  const [h, w] = rle.size;
  if (!(h > 0 && w > 0)) return [];
  const runs = columnRunsOf(rle);
  const parts = partsOf(runs, false);
  const at = runLookup(runs, h, w);
  const area = new Float64Array(runs.n);
  for (let i = 0; i < runs.n; i++) area[parts[i]!]! += runs.y1[i]! - runs.y0[i]!;
  // An outline is at most 4 steps per pixel of the mask (a walk may pass into a part that
  // touches its own at a corner, so the mask's area bounds it, not the part's).
  let total = 0;
  for (let i = 0; i < runs.n; i++) total += runs.y1[i]! - runs.y0[i]!;
  const started = new Uint8Array(runs.n);
  const polygons: { points: number[]; area: number }[] = [];
  for (let i = 0; i < runs.n; i++) {
    const part = parts[i]!;
    if (started[part] === 1) continue;
    started[part] = 1;
    // (x, y) is the region's first pixel in column-major order: its left edge is on the outline.
    polygons.push({
      points: trace(runs.x[i]!, runs.y0[i]!, 4 * total + 8),
      area: area[part]!,
    });
  }
  return polygons.sort((a, b) => b.area - a.area).map((p) => p.points);

  /**
   * Walks the outline with the region on the right, starting down the left edge of pixel
   * (x0, y0) (its top-left corner). Directions: 0 right, 1 down, 2 left, 3 up.
   */
  function trace(x0: number, y0: number, maxOutline: number): number[] {
    const dx = [1, 0, -1, 0];
    const dy = [0, 1, 0, -1];
    let cx = x0;
    let cy = y0;
    let dir = 1;
    const out: number[] = [];
    let guard = maxOutline;
    do {
      out.push(cx, cy);
      // At corner (cx, cy) heading `dir`: prefer turning left (keeps the region on the
      // right), then straight, then right, then back.
      for (const turn of [3, 0, 1, 2]) {
        const d = (dir + turn) % 4;
        if (edgeOpen(cx, cy, d)) {
          dir = d;
          break;
        }
      }
      cx += dx[dir]!;
      cy += dy[dir]!;
    } while ((cx !== x0 || cy !== y0) && --guard > 0);
    return simplify(out);
  }

  /** Whether the edge from corner (cx, cy) in direction d has the region on its right. */
  function edgeOpen(cx: number, cy: number, d: number): boolean {
    switch (d) {
      case 0: // right: region below-right pixel (cx, cy), outside above (cx, cy - 1)
        return at(cx, cy) && !at(cx, cy - 1);
      case 1: // down: region left pixel (cx - 1, cy), outside right (cx, cy)
        return at(cx - 1, cy) && !at(cx, cy);
      case 2: // left: region above pixel (cx - 1, cy - 1), outside below (cx - 1, cy)
        return at(cx - 1, cy - 1) && !at(cx - 1, cy);
      default: // up: region right pixel (cx, cy - 1), outside left (cx - 1, cy - 1)
        return at(cx, cy - 1) && !at(cx - 1, cy - 1);
    }
  }
}

/** Drops points on a straight line between their neighbours. */
function simplify(points: number[]): number[] {
  const n = points.length / 2;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = (i + n - 1) % n;
    const q = (i + 1) % n;
    const ax = points[2 * p]!;
    const ay = points[2 * p + 1]!;
    const bx = points[2 * i]!;
    const by = points[2 * i + 1]!;
    const cx = points[2 * q]!;
    const cy = points[2 * q + 1]!;
    if ((bx - ax) * (cy - by) - (by - ay) * (cx - bx) !== 0) out.push(bx, by);
  }
  return out;
}
