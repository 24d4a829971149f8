import { describe, expect, it } from 'vitest';
import type { DatasetStats } from '../coco';
import { chartedCategories } from './checks';

function statsOf(categories: { name: string; count: number }[]): DatasetStats {
  const histogram = { edges: [], labels: [], counts: [] };
  return {
    annotations: 0,
    categories: categories.map((c, i) => ({
      id: i + 1,
      ...c,
      crowd: 0,
      small: 0,
      medium: 0,
      large: 0,
    })),
    sizeClasses: { small: 0, medium: 0, large: 0 },
    perImage: histogram,
    aspectRatios: histogram,
    imageSizes: [],
    vertexCounts: histogram,
    scores: null,
  };
}

describe('chartedCategories', () => {
  it('keeps every category when there are few', () => {
    const stats = statsOf([
      { name: 'b', count: 1 },
      { name: 'a', count: 2 },
    ]);
    expect(chartedCategories(stats, 1)).toBe(stats);
  });

  it('keeps the first by count and the first by name, in file order', () => {
    const stats = statsOf([
      { name: 'm', count: 5 },
      { name: 'z', count: 9 },
      { name: 'b', count: 0 },
      { name: 'y', count: 7 },
      { name: 'a', count: 1 },
      { name: 'q', count: 3 },
    ]);
    const kept = chartedCategories(stats, 2).categories.map((c) => c.name);
    // By count: z (9), y (7); by name: a, b.
    expect(kept).toEqual(['z', 'b', 'y', 'a']);
  });

  it('sends at most twice the limit of a million categories', () => {
    const many = statsOf(
      Array.from({ length: 1_000_000 }, (_, i) => ({ name: `label ${i}`, count: i % 1000 })),
    );
    const kept = chartedCategories(many, 200).categories;
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.filter((c) => c.count === 999)).toHaveLength(200);
    expect(kept.some((c) => c.name === 'label 0')).toBe(true);
  });
});
