import { describe, expect, it } from 'vitest';
import { MAX_VERTEX_HANDLES, vertexHandles, visibleImageRect } from './vertexHandles';

/** A square part of side `side` with its top-left at (x, y). */
const square = (x: number, y: number, side: number) => [
  x,
  y,
  x + side,
  y,
  x + side,
  y + side,
  x,
  y + side,
];
const all = { x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 };

describe('vertex handles', () => {
  it('gives every vertex a handle, and midpoints on edges long enough on screen', () => {
    const h = vertexHandles([square(0, 0, 10), square(100, 100, 2)], all, 4);
    expect(h.vertices).toHaveLength(8);
    // 10 px edges are 40 screen px (midpoints); 2 px edges are 8 screen px (none).
    expect(h.midpoints).toEqual([0, 1, 2, 3].map((i) => ({ k: 0, i })));
    expect(h.hidden).toBe(0);
  });

  it('gives handles only to the vertices in view', () => {
    const h = vertexHandles([square(0, 0, 10)], { x0: 5, y0: -5, x1: 20, y1: 5 }, 1);
    expect(h.vertices).toEqual([{ k: 0, i: 1 }]);
  });

  it('gives none while more vertices than the limit are in view, and says how many', () => {
    const parts = Array.from({ length: 101 }, (_, k) => square(k * 20, 0, 10));
    const crowded = vertexHandles(parts, all, 1);
    expect(MAX_VERTEX_HANDLES).toBeLessThan(404);
    expect(crowded).toEqual({ vertices: [], midpoints: [], hidden: 404 });
    // Zoomed in on the first parts, they get their handles again.
    const zoomed = vertexHandles(parts, { x0: 0, y0: 0, x1: 50, y1: 20 }, 20);
    expect(zoomed.vertices).toHaveLength(12);
    expect(zoomed.hidden).toBe(0);
  });

  it('maps a viewport to the image area it shows', () => {
    const rect = visibleImageRect({ x: -200, y: 100, scale: 2 }, { width: 800, height: 600 }, 0);
    expect(rect).toEqual({ x0: 100, y0: -50, x1: 500, y1: 250 });
  });
});
