import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco, rleFromCoco, type CocoRle, type Dataset } from '../index';
import { decodeRle, encodeMask, rleToString } from '../rle';
import { editFixture as fixture } from '../testing/editFixture';
import { maskFields, pixelMaskOf, planSetMask, rleFormFor } from './maskFields';
import { applyPatch, invertPatch } from './patch';

const image = { width: 40, height: 30 };

function annotations(d: Dataset) {
  return (JSON.parse(exportCoco(d)) as { annotations: Record<string, unknown>[] }).annotations;
}

describe('mask fields', () => {
  it('reads a polygon as pycocotools rasterizes it and an RLE at its own size', () => {
    const d = fixture();
    const square = pixelMaskOf(d.annotations.at(0)!, image)!;
    expect([square.height, square.width]).toEqual([30, 40]);
    expect(square.pixels.reduce((n, v) => n + v, 0)).toBe(d.annotations.at(0)!.file.area);
    const crowd = pixelMaskOf(d.annotations.at(3)!, image)!;
    expect(Array.from(encodeMask(crowd.pixels, 30, 40).counts)).toEqual([100, 20, 1080]);
    expect(pixelMaskOf(d.annotations.at(1)!, image)).toBeNull();
  });

  it('writes the RLE encodeMask gives, with area and toBbox, in the requested form', () => {
    const pixels = new Uint8Array(30 * 40);
    for (let x = 5; x < 9; x++) for (let y = 2; y < 7; y++) pixels[x * 30 + y] = 1;
    const mask = { pixels, height: 30, width: 40 };
    const rle = encodeMask(pixels, 30, 40);
    const plain = maskFields(mask, 'uncompressed');
    expect(plain).toEqual({
      segmentation: { size: [30, 40], counts: Array.from(rle.counts) },
      area: 20,
      bbox: [5, 2, 4, 5],
    });
    const compressed = maskFields(mask, 'compressed');
    expect(compressed.segmentation.counts).toBe(rleToString(rle));
    expect(decodeRle(rleFromCoco(compressed.segmentation))).toEqual(pixels);
  });

  it("keeps the annotation's RLE form, else the file's, else uncompressed", () => {
    const d = fixture();
    expect(rleFormFor(d, d.annotations.at(3)!)).toBe('uncompressed');
    expect(rleFormFor(d, d.annotations.at(0)!)).toBe('uncompressed');
    const file = JSON.parse(exportCoco(d)) as { annotations: { segmentation: CocoRle }[] };
    file.annotations[3]!.segmentation.counts = rleToString(
      rleFromCoco(file.annotations[3]!.segmentation),
    );
    const compressed = parseCoco(JSON.stringify(file)).dataset!;
    expect(rleFormFor(compressed, compressed.annotations.at(0)!)).toBe('compressed');
    const noRle = parseCoco(
      JSON.stringify({ ...file, annotations: file.annotations.slice(0, 3) }),
    ).dataset!;
    expect(rleFormFor(noRle, null)).toBe('uncompressed');
  });

  it('sets a mask on a polygon, keeping key order and other fields; undone byte for byte', () => {
    const d = fixture();
    const mask = pixelMaskOf(d.annotations.at(0)!, image)!;
    mask.pixels[0] = 1;
    const patch = planSetMask(d, 0, mask);
    const after = applyPatch(d, patch);
    const written = annotations(after)[0]!;
    expect(Object.keys(written)).toEqual(Object.keys(annotations(d)[0]!));
    expect(written.area).toBe(101);
    expect(written.bbox).toEqual([0, 0, 12, 12]);
    expect(written.attributes).toEqual({ occluded: false, color: 'red' });
    expect(after.annotations.at(0)!.segmentation.kind).toBe('rle');
    expect(exportCoco(applyPatch(after, invertPatch(patch)))).toBe(exportCoco(d));
  });
});
