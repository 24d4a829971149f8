import { describe, expect, it } from 'vitest';
import {
  mergeToCrowd,
  parseCoco,
  rleFromCoco,
  rleToBbox,
  rleToString,
  type CocoRle,
} from './index';
import { readCorpusJson } from './testing/corpus';

type PolygonVector = {
  height: number;
  width: number;
  polygons: number[][];
  counts: string;
  area: number;
};

/** A dataset with one image and one annotation per given segmentation. */
function datasetOf(width: number, height: number, anns: Record<string, unknown>[]) {
  const file = {
    images: [{ id: 1, file_name: 'a.png', width, height }],
    categories: [
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ],
    annotations: anns.map((a, i) => ({ id: i + 1, image_id: 1, category_id: 1, iscrowd: 0, ...a })),
  };
  return parseCoco(file).dataset!;
}

describe('mergeToCrowd (CVAT group rule)', () => {
  const vectors = readCorpusJson<PolygonVector[]>('reference/polygons.json').filter(
    (v) => v.polygons.length > 1,
  );

  it.each(vectors.map((v, i) => [i, v] as const))(
    "one polygon per part merges to pycocotools' mask (%i)",
    (_i, v) => {
      const dataset = datasetOf(
        v.width,
        v.height,
        v.polygons.map((p) => ({ segmentation: [p] })),
      );
      const { file } = mergeToCrowd([...dataset.annotations], dataset.images[0]!);
      const rle = rleFromCoco(file.segmentation as CocoRle);
      expect(rleToString(rle)).toBe(v.counts);
      expect(file.area).toBe(v.area);
      expect(file.iscrowd).toBe(1);
      expect(Array.isArray((file.segmentation as CocoRle).counts)).toBe(true);
    },
  );

  it('the largest shape leads: its id, category, score and attributes', () => {
    const dataset = datasetOf(20, 10, [
      { segmentation: [[0, 0, 2, 0, 2, 2, 0, 2]], category_id: 1, score: 0.2 },
      {
        segmentation: [[5, 5, 15, 5, 15, 9, 5, 9]],
        category_id: 2,
        score: 0.9,
        attributes: { occluded: true },
      },
    ]);
    const { leader, file } = mergeToCrowd([...dataset.annotations], dataset.images[0]!);
    expect(leader.id).toBe(2);
    expect(file).toMatchObject({
      id: 2,
      category_id: 2,
      score: 0.9,
      attributes: { occluded: true },
      iscrowd: 1,
    });
    expect(Object.keys(file)).toEqual([
      'id',
      'image_id',
      'category_id',
      'iscrowd',
      'segmentation',
      'score',
      'attributes',
      'area',
      'bbox',
    ]);
  });

  it("the bbox is the mask's toBbox; a box in the group adds its pixels", () => {
    const polygon = { segmentation: [[2, 2, 6, 2, 6, 6, 2, 6]] };
    const box = { segmentation: [], bbox: [1, 1, 8, 7] };
    const withBox = datasetOf(20, 10, [polygon, box]);
    const merged = mergeToCrowd([...withBox.annotations], withBox.images[0]!).file;
    const mask = rleFromCoco(merged.segmentation as CocoRle);
    expect(merged.bbox).toEqual([...rleToBbox(mask)]);
    expect(merged.bbox).toEqual([1, 1, 8, 7]);
    expect(merged.area).toBe(56);
    // A polygon's coordinate box is not its mask's: the crowd's bbox is the mask's.
    const alone = datasetOf(20, 10, [{ segmentation: [[2.4, 2.4, 6.6, 2.4, 6.6, 6.6, 2.4, 6.6]] }]);
    const crowd = mergeToCrowd([...alone.annotations], alone.images[0]!).file;
    expect(crowd.bbox).toEqual([...rleToBbox(rleFromCoco(crowd.segmentation as CocoRle))]);
  });

  it('merges a polygon with an existing crowd mask', () => {
    const dataset = datasetOf(4, 3, [
      { segmentation: { size: [3, 4], counts: [0, 3, 9] }, iscrowd: 1 },
      { segmentation: { size: [3, 4], counts: [9, 3] }, iscrowd: 1 },
    ]);
    const { file } = mergeToCrowd([...dataset.annotations], dataset.images[0]!);
    expect(file.segmentation).toEqual({ counts: [0, 3, 6, 3], size: [3, 4] });
    expect(file.area).toBe(6);
    expect(file.bbox).toEqual([0, 0, 4, 3]);
  });
});
