import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco, type CocoRle, type Dataset } from '../index';
import { polygonsToRle } from '../polygon';
import { decodeRle, encodeMask, rleArea, rleFromCounts, rleToBbox, rleToString } from '../rle';
import { editFixture as fixture } from '../testing/editFixture';
import { EMPTY_ERASE_MESSAGE, planAddMask, planPaintStroke } from './brush';
import { applyPatch, invertPatch, type Patch } from './patch';

const image = { width: 40, height: 30 };
type Written = Record<string, unknown> & { segmentation: CocoRle; area: number; bbox: number[] };

function written(d: Dataset, at: number): Written {
  return (JSON.parse(exportCoco(d)) as { annotations: Written[] }).annotations[at]!;
}

/**
 * The pixels a horizontal size-3 stroke from pixel (a, y) to (b, y) covers, by hand: a
 * size-3 dab is the 3 × 3 block around its pixel (corner centres are √2 < 1.5 away).
 */
function band(pixels: Uint8Array, a: number, b: number, y: number, value: 0 | 1): void {
  for (let x = a - 1; x <= b + 1; x++)
    for (let dy = -1; dy <= 1; dy++) if (x >= 0 && x < 40) pixels[x * 30 + y + dy] = value;
}

/** The patch undone gives the dataset back byte for byte. */
function expectUndone(d: Dataset, patch: Patch) {
  expect(exportCoco(applyPatch(applyPatch(d, patch), invertPatch(patch)))).toBe(exportCoco(d));
}

function withCompressedCrowd(): Dataset {
  const file = JSON.parse(exportCoco(fixture())) as { annotations: { segmentation: CocoRle }[] };
  const rle = file.annotations[3]!.segmentation;
  rle.counts = rleToString(rleFromCounts(rle.counts as number[], 30, 40));
  return parseCoco(JSON.stringify(file)).dataset!;
}

describe('brush and eraser commands', () => {
  it('adds the stroke to an uncompressed mask: encodeMask of the pixels, area and toBbox', () => {
    const d = fixture();
    const patch = planPaintStroke(
      d,
      3,
      { points: [10.2, 15.7, 20.9, 15.1], size: 3 },
      image,
      false,
    );
    const expected = decodeRle(rleFromCounts([100, 20, 1080], 30, 40));
    band(expected, 10, 20, 15, 1);
    const rle = encodeMask(expected, 30, 40);
    const after = written(applyPatch(d, patch), 3);
    expect(after.segmentation).toEqual({ size: [30, 40], counts: Array.from(rle.counts) });
    expect(after.area).toBe(rleArea(rle));
    expect(after.bbox).toEqual(rleToBbox(rle));
    expect(after.iscrowd).toBe(1);
    expectUndone(d, patch);
  });

  it('keeps a compressed mask compressed', () => {
    const d = withCompressedCrowd();
    const patch = planPaintStroke(d, 3, { points: [10.5, 15.5], size: 3 }, image, false);
    const expected = decodeRle(rleFromCounts([100, 20, 1080], 30, 40));
    band(expected, 10, 10, 15, 1);
    expect(written(applyPatch(d, patch), 3).segmentation.counts).toBe(
      rleToString(encodeMask(expected, 30, 40)),
    );
    expectUndone(d, patch);
  });

  it('erases pixels; refuses to erase the last one; a stroke that changes nothing is no edit', () => {
    const d = fixture();
    // The crowd mask is column 3, rows 10..29.
    const patch = planPaintStroke(d, 3, { points: [3.5, 12.5, 3.5, 20.5], size: 1 }, image, true);
    const expected = decodeRle(rleFromCounts([100, 20, 1080], 30, 40));
    for (let y = 12; y <= 20; y++) expected[3 * 30 + y] = 0;
    const rle = encodeMask(expected, 30, 40);
    expect(written(applyPatch(d, patch), 3).segmentation.counts).toEqual(Array.from(rle.counts));
    expect(written(applyPatch(d, patch), 3).area).toBe(11);
    expectUndone(d, patch);
    expect(() =>
      planPaintStroke(d, 3, { points: [3.5, 0, 3.5, 30], size: 1 }, image, true),
    ).toThrow(EMPTY_ERASE_MESSAGE);
    expect(planPaintStroke(d, 3, { points: [30.5, 5.5], size: 3 }, image, true)).toEqual([]);
    expect(planPaintStroke(d, 3, { points: [3.5, 15.5], size: 1 }, image, false)).toEqual([]);
  });

  it('turns a painted polygon into a mask (pycocotools rasterization + stroke), iscrowd kept', () => {
    const d = fixture();
    const patch = planPaintStroke(
      d,
      0,
      { points: [20.5, 20.5, 30.5, 20.5], size: 3 },
      image,
      false,
    );
    const expected = decodeRle(polygonsToRle([[2, 2, 12, 2, 12, 12, 2, 12]], 30, 40));
    band(expected, 20, 30, 20, 1);
    const after = written(applyPatch(d, patch), 0);
    expect(after.segmentation).toEqual({
      size: [30, 40],
      counts: Array.from(encodeMask(expected, 30, 40).counts),
    });
    expect(after.iscrowd).toBe(0);
    expect(after.attributes).toEqual({ occluded: false, color: 'red' });
    expect(Object.keys(after)).toEqual(Object.keys(written(d, 0)));
    expectUndone(d, patch);
  });

  it('refuses a box-only annotation', () => {
    const d = fixture();
    expect(() => planPaintStroke(d, 1, { points: [5, 5], size: 3 }, image, false)).toThrow(
      /box only/,
    );
  });

  it('adds a new mask annotation: CVAT field order, the file iscrowd and RLE form', () => {
    const d = withCompressedCrowd();
    const patch = planAddMask(
      d,
      { imageId: 2, categoryId: 1 },
      { points: [5.5, 5.5, 8.5, 5.5], size: 3 },
      image,
    );
    const expected = new Uint8Array(30 * 40);
    band(expected, 5, 8, 5, 1);
    const rle = encodeMask(expected, 30, 40);
    const after = applyPatch(d, patch);
    const added = written(after, 4);
    expect(Object.keys(added)).toEqual([
      'id',
      'image_id',
      'category_id',
      'segmentation',
      'area',
      'bbox',
      'iscrowd',
    ]);
    expect(added).toMatchObject({ id: 8, image_id: 2, category_id: 1, iscrowd: 0 });
    expect(added.segmentation).toEqual({ size: [30, 40], counts: rleToString(rle) });
    expect([added.area, added.bbox]).toEqual([rleArea(rle), rleToBbox(rle)]);
    expectUndone(d, patch);
    expect(
      planAddMask(d, { imageId: 2, categoryId: 1 }, { points: [-9, -9], size: 3 }, image),
    ).toEqual([]);
  });
});
