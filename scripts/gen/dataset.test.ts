import { describe, expect, it } from 'vitest';
import { parseCoco, polygonsToRle, rleArea } from '../../src/coco';
import { COCO_CATEGORIES } from './cocoCategories';
import { generateCoco } from './dataset';

const options = { images: 200, annotations: 1500, seed: 7, keypoints: true, crowdShare: 0.02 };

describe('the dataset generator', () => {
  const data = generateCoco(options);

  it('is deterministic: same seed, same dataset', () => {
    expect(JSON.stringify(generateCoco(options))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateCoco({ ...options, seed: 8 }))).not.toBe(JSON.stringify(data));
  });

  it('makes the requested counts with COCO categories and sparse ids', () => {
    expect(data.images).toHaveLength(200);
    expect(data.annotations).toHaveLength(1500);
    expect(data.categories.map((c) => c.id)).toEqual(COCO_CATEGORIES.map(([id]) => id));
  });

  it('writes a valid file: parseCoco finds no problem', () => {
    const result = parseCoco(JSON.stringify(data));
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('has crowd masks of both RLE kinds, and areas as pycocotools computes them', () => {
    const crowd = data.annotations.filter((a) => a.iscrowd === 1);
    expect(crowd.length).toBeGreaterThan(10);
    const kinds = new Set(crowd.map((a) => typeof (a.segmentation as { counts: unknown }).counts));
    expect(kinds).toEqual(new Set(['string', 'object']));
    const images = new Map(data.images.map((im) => [im.id, im]));
    for (const a of data.annotations.filter((x) => x.iscrowd === 0).slice(0, 50)) {
      const im = images.get(a.image_id)!;
      const rle = polygonsToRle(
        a.segmentation as number[][],
        im.height as number,
        im.width as number,
      );
      expect(a.area).toBe(rleArea(rle));
    }
  });

  it('gives person annotations 17 keypoints', () => {
    const people = data.annotations.filter((a) => a.category_id === 1 && a.iscrowd === 0);
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect((p.keypoints as number[]).length).toBe(51);
  });
});
