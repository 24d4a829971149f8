import { describe, expect, it } from 'vitest';
import { decodeRle, encodeMask, rleFromCounts } from '../rle';
import { paintStroke } from './brushStroke';
import { paintRle } from './strokeRle';
import { seeded as random } from '../testing/mutate';

/** Random counts summing to `total`, zero-length runs included (files have them). */
function randomCounts(next: () => number, total: number): number[] {
  const counts: number[] = [];
  let left = total;
  while (left > 0) {
    const n = Math.min(left, Math.floor(next() * 40));
    counts.push(n);
    left -= n;
  }
  return counts;
}

describe('a stroke merged into an RLE run by run', () => {
  it('gives what encodeMask gives for the painted pixels, or null when none changes', () => {
    const next = random(5);
    const [height, width] = [23, 31];
    let unchanged = 0;
    for (let trial = 0; trial < 300; trial++) {
      const rle = rleFromCounts(randomCounts(next, height * width), height, width);
      const n = 1 + Math.floor(next() * 4);
      const stroke = {
        points: Array.from({ length: 2 * n }, () => next() * 40 - 5),
        size: 1 + Math.floor(next() * 9),
      };
      const erase = next() < 0.5;
      const pixels = decodeRle(rle);
      const changed = paintStroke(pixels, width, height, stroke, erase ? 0 : 1);
      const painted = paintRle(rle, stroke, erase);
      if (!changed) {
        expect(painted, `trial ${trial}`).toBeNull();
        unchanged++;
      } else
        expect(Array.from(painted!.counts), `trial ${trial}`).toEqual(
          Array.from(encodeMask(pixels, height, width).counts),
        );
    }
    // Both outcomes were tried.
    expect(unchanged).toBeGreaterThan(0);
    expect(unchanged).toBeLessThan(300);
  });

  it('writes a mask that ends in, or is all, painted pixels as encode does', () => {
    const empty = rleFromCounts([12], 3, 4);
    const all = paintRle(empty, { points: [0, 0, 4, 3], size: 9 }, false)!;
    expect(Array.from(all.counts)).toEqual([0, 12]);
    const last = paintRle(empty, { points: [3.5, 2.5], size: 1 }, false)!;
    expect(Array.from(last.counts)).toEqual([11, 1]);
    expect(Array.from(paintRle(all, { points: [0.5, 0.5], size: 1 }, true)!.counts)).toEqual([
      1, 11,
    ]);
  });
});
