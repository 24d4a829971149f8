import { describe, expect, it } from 'vitest';
import {
  bboxToRle,
  decodeRle,
  encodeMask,
  mergeRles,
  polygonsToRle,
  rleArea,
  rleFromCoco,
  rleFromString,
  rleIou,
  rleToBbox,
  rleToString,
} from './mask';
import { rleStringSums } from './rle';
import { readCorpusJson, sha256 } from './testing/corpus';
import { seeded } from './testing/mutate';

type PolygonVector = {
  height: number;
  width: number;
  kind: string;
  polygons: number[][];
  parts: string[];
  counts: string;
  area: number;
  bbox: number[];
  sha256: string;
};
type BboxVector = {
  height: number;
  width: number;
  bbox: number[];
  counts: string;
  area: number;
  toBbox: number[];
};
type RleVector = {
  height: number;
  width: number;
  uncompressed: number[];
  counts: string;
  area: number;
  bbox: number[];
  sha256: string;
};
type MergeVector = {
  height: number;
  width: number;
  rles: string[];
  union: string;
  intersection: string;
};
type IouVector = {
  height: number;
  width: number;
  dt: string[];
  gt: string[];
  iscrowd: (number | boolean)[];
  iou: number[][];
};

const polygons = readCorpusJson<PolygonVector[]>('reference/polygons.json');
const boxes = readCorpusJson<BboxVector[]>('reference/bbox.json');
const rles = readCorpusJson<RleVector[]>('reference/rle.json');
const merges = readCorpusJson<MergeVector[]>('reference/merge.json');
const ious = readCorpusJson<IouVector[]>('reference/iou.json');

describe('polygon rasterization matches pycocotools frPyObjects + merge', () => {
  it.each(polygons.map((v, i) => [i, v.kind, v] as const))('vector %i (%s)', (_i, _kind, v) => {
    v.polygons.forEach((part, k) => {
      expect(rleToString(polygonsToRle([part], v.height, v.width))).toBe(v.parts[k]);
    });
    const rle = polygonsToRle(v.polygons, v.height, v.width);
    expect(rleToString(rle)).toBe(v.counts);
    expect(rleArea(rle)).toBe(v.area);
    expect(rleToBbox(rle)).toEqual(v.bbox);
    expect(sha256(decodeRle(rle))).toBe(v.sha256);
  });
});

describe('bboxToRle matches pycocotools frBbox', () => {
  it.each(boxes.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    const rle = bboxToRle(v.bbox, v.height, v.width);
    expect(rleToString(rle)).toBe(v.counts);
    expect(rleArea(rle)).toBe(v.area);
    expect(rleToBbox(rle)).toEqual(v.toBbox);
  });
});

describe('RLE codec matches pycocotools', () => {
  it.each(rles.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    const fromList = rleFromCoco({ size: [v.height, v.width], counts: v.uncompressed });
    expect(rleToString(fromList)).toBe(v.counts);
    const fromString = rleFromString(v.counts, v.height, v.width);
    expect(Array.from(fromString.counts)).toEqual(v.uncompressed);
    expect(rleArea(fromString)).toBe(v.area);
    expect(rleToBbox(fromString)).toEqual(v.bbox);
    expect(rleStringSums(v.counts)).toEqual({ sum: v.height * v.width, area: v.area });
    const mask = decodeRle(fromString);
    expect(sha256(mask)).toBe(v.sha256);
    expect(Array.from(encodeMask(mask, v.height, v.width).counts)).toEqual(v.uncompressed);
  });

  it('decodes column-major: pixel (x, y) is at x * height + y', () => {
    // A 2×3 image (height 2, width 3) with only pixel (x=2, y=0) set.
    const mask = new Uint8Array(6);
    mask[2 * 2 + 0] = 1;
    const rle = encodeMask(mask, 2, 3);
    expect(Array.from(rle.counts)).toEqual([4, 1, 1]);
    expect(rleToBbox(rle)).toEqual([2, 0, 1, 1]);
  });

  it('encodes masks whose buffer is not 4-byte aligned', () => {
    const buf = new Uint8Array(13);
    buf.fill(1, 5, 9);
    const rle = encodeMask(buf.subarray(1), 3, 4);
    expect(Array.from(rle.counts)).toEqual([4, 4, 4]);
  });
});

describe('merge matches pycocotools', () => {
  it.each(merges.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    const parts = v.rles.map((s) => rleFromString(s, v.height, v.width));
    expect(rleToString(mergeRles(parts))).toBe(v.union);
    expect(rleToString(mergeRles(parts, true))).toBe(v.intersection);
  });
});

describe('merging many masks', () => {
  it('gives what merging them one after another gives (pycocotools merges so)', () => {
    const random = seeded(17);
    const [h, w] = [23, 31];
    for (let trial = 0; trial < 100; trial++) {
      const masks = Array.from({ length: 2 + Math.floor(random() * 9) }, () => {
        const pixels = new Uint8Array(h * w);
        const density = random();
        for (let p = 0; p < pixels.length; p++) pixels[p] = random() < density ? 1 : 0;
        return encodeMask(pixels, h, w);
      });
      for (const intersect of [false, true]) {
        const oneByOne = masks.reduce((acc, m) => mergeRles([acc, m], intersect));
        expect(Array.from(mergeRles(masks, intersect).counts)).toEqual(Array.from(oneByOne.counts));
      }
    }
  });
});

describe('iou matches pycocotools', () => {
  it.each(ious.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    const dt = v.dt.map((s) => rleFromString(s, v.height, v.width));
    const gt = v.gt.map((s) => rleFromString(s, v.height, v.width));
    const got = rleIou(
      dt,
      gt,
      v.iscrowd.map((c) => Boolean(c)),
    );
    expect(got.length).toBe(v.iou.length);
    got.forEach((row, d) => row.forEach((x, g) => expect(x).toBeCloseTo(v.iou[d]![g]!, 12)));
  });

  it('ends on masks whose runs do not sum to their size (pycocotools loops forever)', () => {
    const short = { size: [4, 4] as [number, number], counts: Uint32Array.from([2, 6]) };
    const full = { size: [4, 4] as [number, number], counts: Uint32Array.from([2, 6, 8]) };
    expect(rleIou([short], [full], [false])).toEqual([[1]]);
  });
});
