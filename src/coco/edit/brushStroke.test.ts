import { describe, expect, it } from 'vitest';
import { forEachStrokeSpan, paintStroke, type Stroke } from './brushStroke';
import { seeded as random } from '../testing/mutate';

/**
 * The documented rule, written out pixel by pixel: points snapped (odd size → the centre
 * of the pixel under the point, even size → the nearest pixel corner), then every pixel
 * whose centre is within size/2 of a segment (or of the lone point).
 */
function coveredByRule(stroke: Stroke, width: number, height: number): Set<string> {
  const r = stroke.size / 2;
  const snap = (v: number) => (stroke.size % 2 === 1 ? Math.floor(v) + 0.5 : Math.round(v));
  const pts: [number, number][] = [];
  for (let i = 0; i + 1 < stroke.points.length; i += 2)
    pts.push([snap(stroke.points[i]!), snap(stroke.points[i + 1]!)]);
  const segments =
    pts.length === 1 ? [[pts[0]!, pts[0]!]] : pts.slice(1).map((p, i) => [pts[i]!, p]);
  const out = new Set<string>();
  for (let x = 0; x < width; x++)
    for (let y = 0; y < height; y++) {
      const [cx, cy] = [x + 0.5, y + 0.5];
      const near = segments.some(([a, b]) => {
        const [vx, vy] = [b![0] - a![0], b![1] - a![1]];
        const len = Math.hypot(vx, vy);
        if (len === 0) return Math.hypot(cx - a![0], cy - a![1]) <= r;
        const along = ((cx - a![0]) * vx + (cy - a![1]) * vy) / len;
        if (along <= 0) return Math.hypot(cx - a![0], cy - a![1]) <= r;
        if (along >= len) return Math.hypot(cx - b![0], cy - b![1]) <= r;
        return Math.abs((cx - a![0]) * vy - (cy - a![1]) * vx) / len <= r;
      });
      if (near) out.add(`${x},${y}`);
    }
  return out;
}

function covered(stroke: Stroke, width: number, height: number): Set<string> {
  const out = new Set<string>();
  forEachStrokeSpan(stroke, width, height, (x, y0, y1) => {
    for (let y = y0; y <= y1; y++) out.add(`${x},${y}`);
  });
  return out;
}

describe('brush stroke rule', () => {
  it('a size-1 dab is exactly the pixel under the pointer, wherever in the pixel', () => {
    for (const [x, y] of [
      [3, 4],
      [3.0001, 4.9999],
      [3.5, 4.5],
      [3.9999, 4],
    ])
      expect([...covered({ points: [x!, y!], size: 1 }, 10, 10)]).toEqual(['3,4']);
  });

  it('a dab covers the same pixels wherever in the pixel (odd) or nearest corner (even) it is', () => {
    expect(covered({ points: [5.1, 5.2], size: 3 }, 20, 20)).toEqual(
      covered({ points: [5.9, 5.8], size: 3 }, 20, 20),
    );
    expect(covered({ points: [5.1, 5.2], size: 2 }, 20, 20)).toEqual(
      new Set(['4,4', '4,5', '5,4', '5,5']),
    );
    expect(covered({ points: [5.5, 5.5], size: 3 }, 20, 20).size).toBe(9);
  });

  it('covers exactly the pixels the rule names, for random strokes of every size', () => {
    const next = random(17);
    for (let trial = 0; trial < 120; trial++) {
      const size = 1 + Math.floor(next() * 14);
      const n = 1 + Math.floor(next() * 5);
      const points = Array.from({ length: 2 * n }, () => next() * 48 - 4);
      const stroke = { points, size };
      expect(covered(stroke, 40, 36), `trial ${trial}`).toEqual(coveredByRule(stroke, 40, 36));
    }
  });

  it('is clipped to the image', () => {
    const stroke = { points: [-3, -3, 12, 2], size: 6 };
    for (const key of covered(stroke, 10, 8)) {
      const [x, y] = key.split(',').map(Number);
      expect(x! >= 0 && x! < 10 && y! >= 0 && y! < 8).toBe(true);
    }
    expect(covered(stroke, 10, 8)).toEqual(coveredByRule(stroke, 10, 8));
  });

  it('paints and erases a column-major mask and tells whether a pixel changed', () => {
    const pixels = new Uint8Array(6 * 5);
    expect(paintStroke(pixels, 6, 5, { points: [2.5, 1.5], size: 1 }, 1)).toBe(true);
    expect(pixels[2 * 5 + 1]).toBe(1);
    expect(pixels.reduce((n, v) => n + v, 0)).toBe(1);
    expect(paintStroke(pixels, 6, 5, { points: [2.5, 1.5], size: 1 }, 1)).toBe(false);
    expect(paintStroke(pixels, 6, 5, { points: [2.5, 1.5], size: 3 }, 0)).toBe(true);
    expect(pixels.includes(1)).toBe(false);
  });

  it('refuses a brush size that is not a whole number of pixels ≥ 1', () => {
    expect(() => paintStroke(new Uint8Array(4), 2, 2, { points: [0, 0], size: 0 }, 1)).toThrow(
      /brush size/,
    );
    expect(() => paintStroke(new Uint8Array(4), 2, 2, { points: [0, 0], size: 2.5 }, 1)).toThrow(
      /brush size/,
    );
  });
});
