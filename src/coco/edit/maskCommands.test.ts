import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco, type Dataset } from '../index';
import { maskToPolygons } from '../maskToPolygons';
import { polygonsToRle } from '../polygon';
import { rleIou } from '../overlap';
import { decodeRle, encodeMask, rleArea, rleToBbox, rleToString } from '../rle';
import { editFixture as fixture } from '../testing/editFixture';
import { maskDiff } from './maskRuns';
import {
  MaskEditRefused,
  planConvertToMask,
  planConvertToPolygons,
  planFillHoles,
  planMaskEdit,
  planRemoveSpecks,
} from './maskCommands';
import { applyPatch, invertPatch, type Patch } from './patch';

const image = { width: 40, height: 30 };
type Written = Record<string, unknown> & { segmentation: unknown; area: number; bbox: number[] };

function annotations(d: Dataset): Written[] {
  return (JSON.parse(exportCoco(d)) as { annotations: Written[] }).annotations;
}

/** A 30 × 40 mask from the pixels (x, y) that `on` accepts. */
function maskOf(on: (x: number, y: number) => boolean) {
  const pixels = new Uint8Array(30 * 40);
  for (let x = 0; x < 40; x++) for (let y = 0; y < 30; y++) pixels[x * 30 + y] = on(x, y) ? 1 : 0;
  return pixels;
}

/** A one-annotation dataset whose crowd RLE holds the given pixels. */
function withMask(pixels: Uint8Array): Dataset {
  const rle = encodeMask(pixels, 30, 40);
  const file = {
    images: [{ id: 1, file_name: 'a.jpg', width: 40, height: 30 }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        segmentation: { size: [30, 40], counts: Array.from(rle.counts) },
        area: rleArea(rle),
        bbox: [...rleToBbox(rle)],
        iscrowd: 1,
      },
    ],
    categories: [{ id: 1, name: 'cat' }],
  };
  return parseCoco(JSON.stringify(file, null, 2)).dataset!;
}

/** A ring with a hole (x 2..8, y 2..8, hole 4..6), a notch open to the left border
 * (x 0..9 at y 20..26, notch y 22..24 from x 0 to 5), and a 2-pixel diagonal speck. */
const SHAPES = maskOf(
  (x, y) =>
    (x >= 2 && x <= 8 && y >= 2 && y <= 8 && !(x >= 4 && x <= 6 && y >= 4 && y <= 6)) ||
    (x <= 9 && y >= 20 && y <= 26 && !(x <= 5 && y >= 22 && y <= 24)) ||
    (x === 30 && y === 5) ||
    (x === 31 && y === 6),
);

function roundTrips(d: Dataset, patch: Patch) {
  const after = applyPatch(d, patch);
  expect(exportCoco(after)).not.toBe(exportCoco(d));
  expect(exportCoco(applyPatch(after, invertPatch(patch)))).toBe(exportCoco(d));
  return after;
}

describe('polygon → mask', () => {
  it("writes polygonsToRle's RLE of the polygon, pycocotools' area and bbox; iscrowd kept", () => {
    const d = fixture();
    const after = roundTrips(d, planConvertToMask(d, 2, image));
    const written = annotations(after)[2]!;
    const polygons = (annotations(d)[2]!.segmentation as number[][]).map((p) => [...p]);
    const rle = polygonsToRle(polygons, 30, 40);
    expect(written.segmentation).toEqual({ size: [30, 40], counts: Array.from(rle.counts) });
    expect(written.area).toBe(rleArea(rle));
    expect(written.bbox).toEqual([...rleToBbox(rle)]);
    expect(written.iscrowd).toBe(0);
    expect(written.extra_field).toBe('kept');
  });

  it('as a crowd: the RLE with iscrowd set, and the preview shows no pixel changed', () => {
    const d = fixture();
    const planned = planMaskEdit(d, 0, image, { kind: 'to-mask', crowd: true });
    expect(planned.written.iscrowd).toBe(1);
    expect(decodeRle(planned.after)).toEqual(decodeRle(planned.before));
    roundTrips(d, planned.patch);
  });

  it('refuses a mask or a box', () => {
    const d = fixture();
    expect(() => planConvertToMask(d, 3, image)).toThrow(MaskEditRefused);
    expect(() => planConvertToMask(d, 1, image)).toThrow(/only a polygon/);
  });
});

describe('mask → polygons', () => {
  it("tolerance 0: maskToPolygons' exact outlines, with Datumaro's area and bbox; iscrowd kept", () => {
    const d = withMask(SHAPES);
    const after = roundTrips(d, planConvertToPolygons(d, 0, image, 0));
    const written = annotations(after)[0]!;
    const outlines = maskToPolygons(encodeMask(SHAPES, 30, 40));
    // The speck's two pixels touch at a corner only: two 4-pixel parts of their own.
    expect(written.segmentation).toEqual(outlines);
    expect(outlines).toHaveLength(4);
    expect(written.area).toBe(rleArea(polygonsToRle(outlines, 30, 40)));
    const xs = outlines.flatMap((p) => p.filter((_, i) => i % 2 === 0));
    const ys = outlines.flatMap((p) => p.filter((_, i) => i % 2 === 1));
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
    expect(written.bbox).toEqual([x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0]);
    expect(written.iscrowd).toBe(1);
  });

  it('a tolerance drops points; the IoU is rleIou of the two masks', () => {
    const disc = maskOf((x, y) => (x - 20) ** 2 + (y - 15) ** 2 <= 100);
    const d = withMask(disc);
    const exact = planMaskEdit(d, 0, image, { kind: 'to-polygons', tolerance: 0 });
    const loose = planMaskEdit(d, 0, image, { kind: 'to-polygons', tolerance: 1.5 });
    expect(loose.points!).toBeLessThan(exact.points!);
    expect(loose.parts).toBe(1);
    const before = encodeMask(disc, 30, 40);
    const after = polygonsToRle(loose.written.segmentation as number[][], 30, 40);
    expect(decodeRle(after)).toEqual(decodeRle(loose.after));
    const diff = decodeRle(loose.after).reduce((n: number, v, i) => n + (v !== disc[i] ? 1 : 0), 0);
    expect(diff).toBeGreaterThan(0);
    const measured = maskDiff(loose.before, loose.after);
    expect(measured.added + measured.removed).toBe(diff);
    expect(measured.iou).toBeCloseTo(rleIou([after], [before], [false])[0]![0]!, 12);
  });

  it('a 100-part crowd mask becomes 100 polygons, and back byte for byte', () => {
    const grid = maskOf((x, y) => x % 4 === 1 && y % 3 === 1);
    expect(maskToPolygons(encodeMask(grid, 30, 40))).toHaveLength(100);
    const d = withMask(grid);
    const planned = planMaskEdit(d, 0, image, { kind: 'to-polygons', tolerance: 0 });
    expect(planned.parts).toBe(100);
    expect(planned.written.segmentation as number[][]).toHaveLength(100);
    roundTrips(d, planned.patch);
  });

  it('refuses a polygon', () => {
    expect(() => planConvertToPolygons(fixture(), 0, image, 0)).toThrow(/only a mask/);
  });
});

describe('fill holes and remove specks', () => {
  it('fills the hole, not the notch open to the border (4-connected background)', () => {
    const d = withMask(SHAPES);
    const planned = planMaskEdit(d, 0, image, { kind: 'fill-holes' });
    const at = (x: number, y: number) => decodeRle(planned.after)[x * 30 + y];
    expect(at(5, 5)).toBe(1);
    expect(at(2, 23)).toBe(0);
    expect(maskDiff(planned.before, planned.after)).toMatchObject({ added: 9, removed: 0 });
    const written = annotations(roundTrips(d, planned.patch))[0]!;
    const rle = encodeMask(decodeRle(planned.after), 30, 40);
    expect(written.segmentation).toEqual({ size: [30, 40], counts: Array.from(rle.counts) });
    expect(written.area).toBe(rleArea(rle));
    expect(written.bbox).toEqual([...rleToBbox(rle)]);
  });

  it('a hole closed by pixels meeting at a corner is filled (its background cannot leak diagonally)', () => {
    const diamond = maskOf((x, y) => Math.abs(x - 20) + Math.abs(y - 15) === 3);
    const d = withMask(diamond);
    const planned = planMaskEdit(d, 0, image, { kind: 'fill-holes' });
    expect(decodeRle(planned.after)[20 * 30 + 15]).toBe(1);
    expect(planned.parts).toBe(1);
  });

  it('removes 8-connected parts below the size: the diagonal pair is one part of 2', () => {
    const d = withMask(SHAPES);
    const small = planMaskEdit(d, 0, image, { kind: 'remove-specks', minPixels: 2 });
    expect(decodeRle(small.after)).toEqual(decodeRle(small.before));
    const planned = planMaskEdit(d, 0, image, { kind: 'remove-specks', minPixels: 3 });
    expect(decodeRle(planned.after)[30 * 30 + 5]).toBe(0);
    expect(decodeRle(planned.after)[31 * 30 + 6]).toBe(0);
    expect(planned.parts).toBe(2);
    roundTrips(d, planFillHoles(d, 0, image));
    roundTrips(d, planRemoveSpecks(d, 0, image, 3));
  });

  it('writes a compressed string when the file has one', () => {
    const file = JSON.parse(exportCoco(withMask(SHAPES))) as { annotations: Written[] };
    file.annotations[0]!.segmentation = {
      size: [30, 40],
      counts: rleToString(encodeMask(SHAPES, 30, 40)),
    };
    const d = parseCoco(JSON.stringify(file)).dataset!;
    const planned = planMaskEdit(d, 0, image, { kind: 'fill-holes' });
    expect(planned.written.segmentation).toEqual({
      size: [30, 40],
      counts: rleToString(planned.after),
    });
    roundTrips(d, planned.patch);
  });

  it('refuses a result with no pixels', () => {
    const d = withMask(maskOf((x, y) => x === 3 && y === 3));
    expect(() => planRemoveSpecks(d, 0, image, 5)).toThrow(/no pixels/);
  });
});

/** Reference by pixels: flood fills on a small mask, to check the run-based answers. */
function floodParts(pixels: Uint8Array, value: number, diagonal: boolean) {
  const label = new Int32Array(pixels.length).fill(-1);
  const parts: number[][] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (pixels[start] !== value || label[start]! >= 0) continue;
    const members = [start];
    label[start] = parts.length;
    for (let k = 0; k < members.length; k++) {
      const [x, y] = [Math.floor(members[k]! / 30), members[k]! % 30];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          if ((dx === 0 && dy === 0) || (!diagonal && dx !== 0 && dy !== 0)) continue;
          const [nx, ny] = [x + dx, y + dy];
          const i = nx * 30 + ny;
          if (nx < 0 || ny < 0 || nx >= 40 || ny >= 30 || pixels[i] !== value || label[i]! >= 0)
            continue;
          label[i] = parts.length;
          members.push(i);
        }
    }
    parts.push(members);
  }
  return parts;
}

describe('the run-based operations agree with flood fills on pixels', () => {
  it('on 200 random masks: parts, holes filled, specks removed; RLEs as encodeMask writes them', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const density = 0.2 + random() * 0.5;
      const pixels = maskOf(() => random() < density);
      const rle = encodeMask(pixels, 30, 40);
      const d = withMask(pixels);
      const parts = floodParts(pixels, 1, true);
      const specks = planMaskEdit(d, 0, image, { kind: 'remove-specks', minPixels: 3 });
      expect(specks.parts).toBe(parts.filter((p) => p.length >= 3).length);
      const kept = new Uint8Array(pixels.length);
      for (const p of parts) if (p.length >= 3) for (const i of p) kept[i] = 1;
      expect(specks.after.counts).toEqual(encodeMask(kept, 30, 40).counts);

      const filled = pixels.slice();
      for (const p of floodParts(pixels, 0, false)) {
        const open = p.some((i) => i < 30 || i >= 39 * 30 || i % 30 === 0 || i % 30 === 29);
        if (!open) for (const i of p) filled[i] = 1;
      }
      const holes = planMaskEdit(d, 0, image, { kind: 'fill-holes' });
      expect(holes.after.counts).toEqual(encodeMask(filled, 30, 40).counts);
      expect(maskDiff(rle, holes.after).added).toBe(
        filled.reduce((n, v) => n + v, 0) - rleArea(rle),
      );
    }
  });
});
