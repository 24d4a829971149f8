/**
 * Mask → polygons, for exporting masks as polygons (Datumaro's "polygons" segmentation
 * mode). Each 4-connected region's outer boundary is traced along pixel edges, so the
 * polygon encloses exactly the region's pixels (holes are filled, as with OpenCV's
 * RETR_EXTERNAL that Datumaro uses); collinear points are dropped. Coordinates are pixel
 * corners in image pixels: pixel (x, y) spans [x, x+1) × [y, y+1).
 */
import { decodeRle, type Rle } from './rle';

/** The outer boundary of every region of the mask, largest first. */
export function maskToPolygons(rle: Rle): number[][] {
  const [h, w] = rle.size;
  const mask = decodeRle(rle); // column-major: (x, y) at x * h + y
  const at = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && mask[x * h + y] === 1;
  const seen = new Uint8Array(w * h);
  const polygons: { points: number[]; area: number }[] = [];
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      if (!at(x, y) || seen[x * h + y]) continue;
      const area = flood(x, y);
      // (x, y) is the region's first pixel in column-major order: its left edge is on the outline.
      polygons.push({ points: trace(x, y), area });
    }
  }
  return polygons.sort((a, b) => b.area - a.area).map((p) => p.points);

  /** Marks the 4-connected region of (x0, y0) as seen; returns its pixel count. */
  function flood(x0: number, y0: number): number {
    const stack = [x0 * h + y0];
    seen[x0 * h + y0] = 1;
    let n = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      n++;
      const x = Math.floor(i / h);
      const y = i - x * h;
      for (const [nx, ny] of [
        [x + 1, y],
        [x - 1, y],
        [x, y + 1],
        [x, y - 1],
      ] as const) {
        if (at(nx, ny) && !seen[nx * h + ny]) {
          seen[nx * h + ny] = 1;
          stack.push(nx * h + ny);
        }
      }
    }
    return n;
  }

  /**
   * Walks the outline with the region on the right, starting down the left edge of pixel
   * (x0, y0) (its top-left corner). Directions: 0 right, 1 down, 2 left, 3 up.
   */
  function trace(x0: number, y0: number): number[] {
    const dx = [1, 0, -1, 0];
    const dy = [0, 1, 0, -1];
    let cx = x0;
    let cy = y0;
    let dir = 1;
    const out: number[] = [];
    let guard = 4 * (w + 1) * (h + 1) + 8;
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
