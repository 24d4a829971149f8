import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/mutate';
import { selfIntersects } from './selfIntersects';

/** Every pair of non-adjacent edges, each as `selfIntersects` must compute it. */
function allPairs(p: readonly number[]): boolean {
  const n = Math.floor(p.length / 2);
  for (let i = 0; i < n; i++) {
    const [ax, ay, bx, by] = [
      p[2 * i]!,
      p[2 * i + 1]!,
      p[2 * ((i + 1) % n)]!,
      p[2 * ((i + 1) % n) + 1]!,
    ];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [cx, cy] = [p[2 * j]!, p[2 * j + 1]!];
      const [dx, dy] = [p[2 * ((j + 1) % n)]!, p[2 * ((j + 1) % n) + 1]!];
      const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
      const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    }
  }
  return false;
}

describe('selfIntersects', () => {
  it('answers as the test of every pair of edges, on outlines of every size and shape', () => {
    const rand = seeded(21);
    const wrong: string[] = [];
    const counts = { crossing: 0, simple: 0 };
    for (let k = 0; k < 6000; k++) {
      const n = 3 + Math.floor(rand() * (k % 3 === 0 ? 200 : 40));
      const p: number[] = [];
      // A star-shaped outline (simple) with noise that sometimes makes it cross itself;
      // on a coarse grid sometimes, so that edges touch and points repeat.
      const grid = k % 4 === 0;
      const noise = rand() * 0.6;
      for (let v = 0; v < n; v++) {
        const angle = (2 * Math.PI * v) / n + (rand() - 0.5) * noise;
        const r = 50 * (1 + (rand() - 0.5) * noise);
        const x = 100 + r * Math.cos(angle);
        const y = 100 + r * Math.sin(angle);
        p.push(grid ? Math.round(x / 10) * 10 : x, grid ? Math.round(y / 10) * 10 : y);
      }
      const expected = allPairs(p);
      counts[expected ? 'crossing' : 'simple']++;
      if (selfIntersects(p) !== expected) wrong.push(JSON.stringify(p));
    }
    expect(wrong).toEqual([]);
    // Both answers were put to the test many times.
    expect(counts.crossing).toBeGreaterThan(500);
    expect(counts.simple).toBeGreaterThan(500);
  });
});
