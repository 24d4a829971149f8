import { describe, expect, it } from 'vitest';
import { datasetStats, parseCoco } from './index';

describe('datasetStats', () => {
  const file = {
    images: [
      { id: 1, width: 640, height: 480, file_name: 'a' },
      { id: 2, width: 640, height: 480, file_name: 'b' },
      { id: 3, width: 100, height: 50, file_name: 'c' },
    ],
    categories: [
      { id: 1, name: 'cat' },
      { id: 2, name: 'dog' },
    ],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [0, 0, 10, 10],
        area: 100,
        iscrowd: 0,
        segmentation: [[0, 0, 10, 0, 10, 10, 0, 10]],
        score: 0.95,
      },
      {
        id: 2,
        image_id: 1,
        category_id: 1,
        bbox: [0, 0, 50, 20],
        area: 2000,
        iscrowd: 1,
        segmentation: [],
        score: 0.15,
      },
      {
        id: 3,
        image_id: 2,
        category_id: 2,
        bbox: [0, 0, 100, 200],
        area: 20000,
        iscrowd: 0,
        segmentation: [],
      },
    ],
  };
  const stats = datasetStats([parseCoco(file).dataset!]);

  it('counts per category, crowd, and COCO size classes', () => {
    expect(stats.annotations).toBe(3);
    expect(stats.categories).toEqual([
      { id: 1, name: 'cat', count: 2, crowd: 1, small: 1, medium: 1, large: 0 },
      { id: 2, name: 'dog', count: 1, crowd: 0, small: 0, medium: 0, large: 1 },
    ]);
    expect(stats.sizeClasses).toEqual({ small: 1, medium: 1, large: 1 });
  });

  it('histograms: per image, aspect ratio, vertices, scores; image sizes', () => {
    expect(stats.perImage.counts.slice(0, 3)).toEqual([1, 1, 1]); // 0, 1 and 2 annotations
    expect(stats.aspectRatios.counts[3]).toBe(1); // 1:1
    expect(stats.aspectRatios.counts[5]).toBe(1); // 5:2
    expect(stats.aspectRatios.counts[2]).toBe(1); // 1:2 opens the 1:2–3:4 bin
    expect(stats.vertexCounts.counts[1]).toBe(1); // 4 points
    expect(stats.scores?.counts[9]).toBe(1);
    expect(stats.scores?.counts[1]).toBe(1);
    expect(stats.imageSizes[0]).toEqual({ width: 640, height: 480, count: 2 });
  });
});
