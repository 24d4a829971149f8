import { describe, expect, it } from 'vitest';
import type { PlainAnnotation } from '../store/viewSlice';
import { annotationAt, insidePolygons } from './hitTest';

function ann(key: number, fields: Partial<PlainAnnotation>): PlainAnnotation {
  return {
    key,
    id: key,
    categoryId: 1,
    kind: 'polygon',
    iscrowd: false,
    score: null,
    area: null,
    bbox: null,
    polygons: null,
    keypoints: null,
    caption: null,
    attributes: null,
    extra: {},
    fileIndex: 0,
    hasMask: false,
    edited: false,
    match: null,
    ...fields,
  };
}

describe('hit testing', () => {
  it('tells inside from outside a polygon, with holes by the even-odd rule', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    expect(insidePolygons([square], 5, 5)).toBe(true);
    expect(insidePolygons([square], 11, 5)).toBe(false);
    expect(insidePolygons([square, [3, 3, 7, 3, 7, 7, 3, 7]], 5, 5)).toBe(false);
  });

  it('picks the smallest annotation under the point', () => {
    const crowd = ann(1, { kind: 'mask', hasMask: true, bbox: [0, 0, 100, 100] });
    const small = ann(2, { bbox: [40, 40, 10, 10], polygons: [[40, 40, 50, 40, 50, 50, 40, 50]] });
    expect(annotationAt([crowd, small], 45, 45, 1)?.key).toBe(2);
    expect(annotationAt([crowd, small], 20, 20, 1)?.key).toBe(1);
    expect(annotationAt([crowd, small], 200, 20, 1)).toBeNull();
  });
});
