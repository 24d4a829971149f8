import { describe, expect, it } from 'vitest';
import type { PlainBody } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
import { annotationAt, insidePolygons } from './hitTest';

/** An annotation of category 1 with `body` as what it holds. */
function ann(key: number, body: PlainBody): PlainAnnotation {
  const common = {
    key,
    id: key,
    categoryId: 1,
    iscrowd: false,
    score: null,
    area: null,
    attributes: null,
    extra: {},
    keypointSets: [],
    numKeypoints: null,
    fileIndex: 0,
    edited: false,
    match: null,
  };
  return { ...common, ...body };
}

describe('hit testing', () => {
  it('tells inside from outside a polygon, with holes by the even-odd rule', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    expect(insidePolygons([square], 5, 5)).toBe(true);
    expect(insidePolygons([square], 11, 5)).toBe(false);
    expect(insidePolygons([square, [3, 3, 7, 3, 7, 7, 3, 7]], 5, 5)).toBe(false);
  });

  it('picks the smallest annotation under the point', () => {
    const crowd = ann(1, {
      kind: 'mask',
      hasMask: true,
      bbox: [0, 0, 100, 100],
      keypoints: null,
      caption: null,
    });
    const small = ann(2, {
      kind: 'polygon',
      bbox: [40, 40, 10, 10],
      polygons: [[40, 40, 50, 40, 50, 50, 40, 50]],
      keypoints: null,
      caption: null,
    });
    expect(annotationAt([crowd, small], 45, 45, 1)?.key).toBe(2);
    expect(annotationAt([crowd, small], 20, 20, 1)?.key).toBe(1);
    expect(annotationAt([crowd, small], 200, 20, 1)).toBeNull();
  });

  it('finds keypoints without a box by their points, and never a label', () => {
    const points = ann(1, {
      kind: 'keypoints',
      keypoints: [10, 10, 2, 30, 30, 0],
      bbox: null,
      caption: null,
    });
    const label = ann(2, { kind: 'label' });
    expect(annotationAt([points, label], 11, 10, 1)?.key).toBe(1);
    // The unlabeled point (v = 0) is not there to be hit.
    expect(annotationAt([points, label], 30, 30, 1)).toBeNull();
  });
});
