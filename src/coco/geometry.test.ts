import { describe, expect, it } from 'vitest';
import {
  annotationArea,
  annotationBbox,
  annotationRle,
  parseCoco,
  rleArea,
  rleToBbox,
  rleToString,
  round2,
  type Dataset,
} from './index';
import { round2Exactly } from './geometry';
import { readCorpusJson, readCorpusText } from './testing/corpus';
import { seeded } from './testing/mutate';

type Expected = { index: number; id: number | null; counts: string; area: number; bbox: number[] };
const reference = readCorpusJson<Record<string, Expected[]>>('reference/annotations.json');

function imageOf(dataset: Dataset, imageId: string | number) {
  return dataset.images[dataset.index.imageById.get(imageId) ?? -1]!;
}

describe('every corpus annotation rasterizes as pycocotools annToRLE does', () => {
  const cases = Object.entries(reference).flatMap(([path, list]) =>
    list.map((e) => [path, e.index, e] as const),
  );
  it('covers the corpus', () => expect(cases.length).toBeGreaterThan(700));
  it.each(cases)('%s annotations[%i]', (path, index, expected) => {
    const { dataset } = parseCoco(readCorpusText(path), { fileName: path });
    const ann = [...dataset!.annotations].find((a) => a.sourceIndex === index)!;
    const rle = annotationRle(ann, imageOf(dataset!, ann.imageId))!;
    expect(rleToString(rle)).toBe(expected.counts);
    expect(rleArea(rle)).toBe(expected.area);
    expect(rleToBbox(rle)).toEqual(expected.bbox);
  });
});

describe('annotationArea and annotationBbox, as Datumaro writes them', () => {
  const text = readCorpusText('datumaro/coco_dataset/coco/annotations/instances_val.json');
  const { dataset } = parseCoco(text);
  const [polygon, crowd] = dataset!.annotations;
  const image = imageOf(dataset!, polygon!.imageId);

  it('a polygon: area of its rasterization, bbox from its coordinates', () => {
    expect(annotationArea(polygon!, image)).toBe(polygon!.area);
    expect(annotationBbox(polygon!, image)).toEqual(polygon!.bbox);
  });

  it('an RLE mask: its pixel count and pycocotools toBbox', () => {
    expect(annotationArea(crowd!, image)).toBe(20);
    expect(annotationBbox(crowd!, image)).toEqual([0, 0, 2, 10]);
  });

  it('a box-only annotation: w × h and the box itself', () => {
    const box = parseCoco(
      readCorpusText('datumaro/coco_dataset/coco/annotations/instances_train.json'),
    ).dataset!.annotations.at(0)!;
    expect(box.segmentation.kind).toBe('none');
    expect(annotationArea(box, { width: 10, height: 5 })).toBe(3);
    expect(annotationBbox(box, { width: 10, height: 5 })).toEqual([2, 2, 3, 1]);
  });

  it('bbox values are rounded to 2 decimals; polygons outside the image keep their coordinates', () => {
    const shape = {
      segmentation: {
        kind: 'polygons' as const,
        polygons: [[1.234, 2.345, 10.111, 2.5, 5.555, -3.0049]],
      },
      bbox: null,
    };
    expect(annotationBbox(shape, { width: 8, height: 8 })).toEqual([1.23, -3, 8.88, 5.5]);
  });

  it('guesses the frame from the box when the image size is unknown, as Datumaro does', () => {
    const shape = {
      segmentation: { kind: 'polygons' as const, polygons: [[0, 0, 4, 0, 4, 4, 0, 4]] },
      bbox: [0, 0, 4, 4] as const,
    };
    expect(annotationArea(shape, { width: 0, height: 0 })).toBe(
      annotationArea(shape, { width: 4, height: 4 }),
    );
  });
});

describe("round2 is Python's round(x, 2)", () => {
  it('gives what the exact way gives, for coordinates, ties, near-ties and zeros', () => {
    const rand = seeded(17);
    const wrong: number[] = [];
    const values = [0, -0, 1e-9, -1e-9, -0.001, 0.005, -0.005, 2 ** 52, -(2 ** 53), 1e300];
    for (let k = 0; k < 200_000; k++) {
      const kind = k % 4;
      const whole = Math.floor(rand() * 5000) - (k % 8 === 0 ? 2500 : 0);
      // Any double; decimals of 2-4 places (annotation files); odd multiples of 1/8; x.xx5.
      values.push(
        kind === 0
          ? (rand() - 0.5) * 10 ** Math.floor(rand() * 12)
          : kind === 1
            ? Number((whole + rand()).toFixed(2 + (k % 3)))
            : kind === 2
              ? whole + (2 * Math.floor(rand() * 4) + 1) / 8
              : Number(`${whole}.${Math.floor(rand() * 100)}5`),
      );
    }
    for (const x of values) if (!Object.is(round2(x), round2Exactly(x))) wrong.push(x);
    expect(wrong).toEqual([]);
  });

  it.each([
    [0.125, 0.12],
    [0.375, 0.38],
    [2.675, 2.67],
    [1.005, 1],
    [-0.125, -0.12],
    [239.97, 239.97],
    [10.0049, 10],
    [3.14159, 3.14],
  ])('round(%d, 2) = %d', (x, want) => expect(round2(x)).toBe(want));
});
