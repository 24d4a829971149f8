/**
 * Mask → polygons, for exporting masks as polygons (Datumaro's "polygons" segmentation
 * mode). Each 4-connected region's outer boundary is traced along pixel edges, so the
 * polygon encloses exactly the region's pixels (holes are filled, as with OpenCV's
 * RETR_EXTERNAL that Datumaro uses); collinear points are dropped. Coordinates are pixel
 * corners in image pixels: pixel (x, y) spans [x, x+1) × [y, y+1).
 */
import { rleArea, rleToBbox, type Rle } from './rle';

/**
 * The mask's pixels, looked up within its bbox: a dense crop when the bbox is not much
 * bigger than the pixels (the usual case), else a set of the pixels themselves. A 30000²
 * mask of 5 pixels costs its 5 pixels, not 900 million.
 */
type Pixels = {
  on(x: number, y: number): boolean;
  /** Marks (x, y) seen; false when it already was. */
  visit(x: number, y: number): boolean;
  /** Every set pixel, in column-major order. */
  each(visit: (x: number, y: number) => void): void;
  /** An upper bound on the length of any outline, in steps. */
  maxOutline: number;
};

function pixelsOf(rle: Rle): Pixels {
  const h = rle.size[0];
  const [bx, by, bw, bh] = rleToBbox(rle);
  const area = rleArea(rle);
  const each = (visit: (x: number, y: number) => void) => {
    let p = 0;
    for (let i = 0; i < rle.counts.length; i++) {
      const run = rle.counts[i]!;
      if (i % 2 === 1)
        for (let q = p; q < p + run; q++) {
          const x = Math.floor(q / h);
          visit(x, q - x * h);
        }
      p += run;
    }
  };
  if (bw * bh <= Math.max(1 << 22, 16 * area)) {
    const inside = (x: number, y: number) => x >= bx && y >= by && x < bx + bw && y < by + bh;
    const crop = new Uint8Array(bw * bh);
    const seen = new Uint8Array(bw * bh);
    each((x, y) => (crop[(x - bx) * bh + (y - by)] = 1));
    return {
      on: (x, y) => inside(x, y) && crop[(x - bx) * bh + (y - by)] === 1,
      visit: (x, y) => {
        const i = (x - bx) * bh + (y - by);
        if (seen[i] === 1) return false;
        seen[i] = 1;
        return true;
      },
      each,
      maxOutline: 4 * (bw + 1) * (bh + 1) + 8,
    };
  }
  const set = new Set<number>();
  const seen = new Set<number>();
  each((x, y) => set.add(x * h + y));
  return {
    on: (x, y) => x >= 0 && y >= 0 && y < h && set.has(x * h + y),
    visit: (x, y) => {
      const i = x * h + y;
      if (seen.has(i)) return false;
      seen.add(i);
      return true;
    },
    each,
    maxOutline: 4 * area + 8,
  };
}

/** The outer boundary of every region of the mask, largest first. */
export function maskToPolygons(rle: Rle): number[][] {
  const pixels = pixelsOf(rle);
  const at = pixels.on;
  const polygons: { points: number[]; area: number }[] = [];
  pixels.each((x, y) => {
    if (!pixels.visit(x, y)) return;
    const area = 1 + flood(x, y);
    // (x, y) is the region's first pixel in column-major order: its left edge is on the outline.
    polygons.push({ points: trace(x, y), area });
  });
  return polygons.sort((a, b) => b.area - a.area).map((p) => p.points);

  /** Marks the rest of the 4-connected region of (x0, y0) as seen; returns its pixel count. */
  function flood(x0: number, y0: number): number {
    const stack = [x0, y0];
    let n = 0;
    while (stack.length > 0) {
      const y = stack.pop()!;
      const x = stack.pop()!;
      for (const [nx, ny] of [
        [x + 1, y],
        [x - 1, y],
        [x, y + 1],
        [x, y - 1],
      ] as const) {
        if (at(nx, ny) && pixels.visit(nx, ny)) {
          n++;
          stack.push(nx, ny);
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
    let guard = pixels.maxOutline;
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
