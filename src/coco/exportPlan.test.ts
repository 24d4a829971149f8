import { describe, expect, it } from 'vitest';
import {
  exportCoco,
  parseCoco,
  planExport,
  rleFromCoco,
  rleToString,
  polygonsToRle,
  rleArea,
  DEFAULT_EXPORT,
  type CocoRle,
} from './index';
import { corpusJsonFiles, readCorpusText } from './testing/corpus';

const file = {
  images: [
    { id: 1, file_name: 'a.jpg', width: 40, height: 30 },
    { id: 2, file_name: 'b.jpg', width: 40, height: 30 },
  ],
  categories: [
    { id: 0, name: 'zero' },
    { id: 7, name: 'seven' },
  ],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 7,
      segmentation: [[2, 2, 12, 2, 12, 12, 2, 12]],
      area: 100,
      bbox: [2, 2, 10, 10],
      iscrowd: 1,
    },
    {
      id: 2,
      image_id: 1,
      category_id: 0,
      segmentation: { size: [30, 40], counts: '`U1' },
      area: 0,
      bbox: [0, 0, 0, 0],
      iscrowd: 1,
    },
    {
      id: 3,
      image_id: 9,
      category_id: 7,
      segmentation: [],
      area: 4,
      bbox: [1, 1, 2, 2],
      iscrowd: 0,
    },
    {
      id: 4,
      image_id: 1,
      category_id: 7,
      segmentation: { size: [30, 40], counts: [62, 4, 26, 4, 1104] },
      area: 8,
      bbox: [2, 2, 2, 4],
      iscrowd: 0,
    },
    {
      id: 5,
      image_id: 1,
      category_id: 7,
      segmentation: [],
      area: 20,
      bbox: [20, 5, 5, 4],
      iscrowd: 1,
    },
  ],
};
const dataset = parseCoco(file).dataset!;
/** Every annotation counts as edited: what an export of a dataset the user worked on gives. */
const out = (settings: Partial<typeof DEFAULT_EXPORT>) =>
  JSON.parse(
    exportCoco(
      dataset,
      planExport(dataset, { ...DEFAULT_EXPORT, ...settings }, () => true),
    ),
  ) as typeof file;

describe('planExport', () => {
  it('guess: crowd polygons and boxes become RLE as pycocotools rasterizes them; the rest is untouched', () => {
    const anns = out({}).annotations;
    const crowd = anns[0]!.segmentation as unknown as CocoRle;
    expect(Array.isArray(crowd.counts)).toBe(true);
    expect(rleToString(rleFromCoco(crowd))).toBe(
      rleToString(polygonsToRle([[2, 2, 12, 2, 12, 12, 2, 12]], 30, 40)),
    );
    expect(anns[1]).toEqual(file.annotations[1]); // a compressed string stays as it came
    expect(anns[3]).toEqual(file.annotations[3]);
    expect((anns[4]!.segmentation as unknown as CocoRle).size).toEqual([30, 40]);
    expect(Object.keys(anns[0]!)).toEqual(Object.keys(file.annotations[0]!));
  });

  it('masks: every shape an RLE and crowd; polygons: masks traced, nothing crowd', () => {
    const masks = out({ segmentation: 'masks' }).annotations;
    // The box on a missing image (id 3) has no frame to rasterize in: it stays as it is.
    expect(
      masks
        .filter((a) => a.id !== 3)
        .every((a) => a.iscrowd === 1 && !Array.isArray(a.segmentation)),
    ).toBe(true);
    const polys = out({ segmentation: 'polygons' }).annotations;
    expect(polys.every((a) => a.iscrowd === 0)).toBe(true);
    expect(polys[3]!.segmentation).toEqual([[2, 2, 4, 2, 4, 6, 2, 6]]);
  });

  it('drops what other tools fail on, keeps only annotated images, renumbers category ids 1..N', () => {
    const o = out({ dropProblems: true, onlyAnnotatedImages: true, remapCategoryIds: true });
    expect(o.annotations.map((a) => a.id)).toEqual([1, 4, 5]);
    expect(o.images.map((i) => i.id)).toEqual([1]);
    expect(o.categories.map((c) => [c.id, c.name])).toEqual([
      [1, 'zero'],
      [2, 'seven'],
    ]);
    expect(o.annotations.every((a) => a.category_id === 2)).toBe(true);
  });

  it('drop what other tools fail on: a box-only [] gets its polygon (COCOeval segm needs one)', () => {
    const boxes = parseCoco({
      images: [{ id: 1, file_name: 'a.jpg', width: 40, height: 30 }],
      categories: [{ id: 1, name: 'a' }],
      annotations: [
        {
          id: 1,
          image_id: 1,
          category_id: 1,
          segmentation: [],
          area: 8,
          bbox: [1, 2, 4, 2],
          iscrowd: 0,
        },
        { id: 2, image_id: 1, category_id: 1, area: 8, bbox: [1, 2, 4, 2], iscrowd: 0 },
        {
          id: 3,
          image_id: 1,
          category_id: 1,
          segmentation: [],
          area: 8,
          bbox: [1, 2, 4, 2],
          iscrowd: 1,
        },
      ],
    }).dataset!;
    const write = (dropProblems: boolean, edited: boolean) =>
      (
        JSON.parse(
          exportCoco(
            boxes,
            planExport(boxes, { ...DEFAULT_EXPORT, dropProblems }, () => edited),
          ),
        ) as typeof file
      ).annotations;
    const polygon = [[1, 2, 5, 2, 5, 4, 1, 4]];
    const area = rleArea(polygonsToRle(polygon, 30, 40));
    expect(write(true, false).map((a) => [a.segmentation, a.area])).toEqual([
      [polygon, area],
      [polygon, area],
      [polygon, area],
    ]);
    // An edited crowd box is already its mask; without the option nothing changes.
    expect(Array.isArray(write(true, true)[2]!.segmentation)).toBe(false);
    expect(write(false, false).map((a) => a.segmentation)).toEqual([[], undefined, []]);
  });

  it('an empty 30 × 40 mask is "`U1"', () => {
    expect(rleToString({ size: [30, 40], counts: Uint32Array.of(1200) })).toBe('`U1');
  });

  it.each(corpusJsonFiles())('default settings export %s, unedited, as it came in', (path) => {
    const text = readCorpusText(path);
    const d = parseCoco(text, { fileName: path }).dataset!;
    expect(JSON.stringify(JSON.parse(exportCoco(d, planExport(d, DEFAULT_EXPORT))))).toBe(
      JSON.stringify(JSON.parse(text)),
    );
  });
});
