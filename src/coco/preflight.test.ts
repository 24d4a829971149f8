import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, parseCoco, planExport, type Dataset } from './index';
import { preflight } from './preflight';
import { readCorpusText } from './testing/corpus';

function dataset(json: object): Dataset {
  const { dataset } = parseCoco(JSON.stringify(json), { fileName: 'instances_x.json' });
  return dataset!;
}

const image = { id: 1, file_name: 'a.jpg', width: 10, height: 10 };
const box = {
  id: 1,
  image_id: 1,
  category_id: 1,
  segmentation: [],
  area: 4,
  bbox: [1, 1, 2, 2],
  iscrowd: 0,
};
const kinds = (d: Dataset, settings = DEFAULT_EXPORT) =>
  preflight(d, settings).map((f) => [f.kind, f.count]);

describe('pre-flight: what CVAT, Datumaro and pycocotools would refuse or change', () => {
  it('a clean corpus file: nothing', () => {
    const text = readCorpusText(
      'datumaro/coco_dataset/coco_instances/annotations/instances_val.json',
    );
    const { dataset: d } = parseCoco(text, { fileName: 'instances_val.json' });
    expect(
      preflight(d!, DEFAULT_EXPORT).filter((f) => f.kind !== 'box-without-segmentation'),
    ).toEqual([]);
  });

  it('a box with segmentation []: COCOeval(segm) crashes; dropping problems fixes it', () => {
    const d = dataset({ images: [image], annotations: [box], categories: [{ id: 1, name: 'a' }] });
    const [finding] = preflight(d, DEFAULT_EXPORT);
    expect(finding).toMatchObject({
      kind: 'box-without-segmentation',
      count: 1,
      effect: 'rejects',
    });
    expect(finding!.readers).toContain('pycocotools');
    expect(finding!.fix?.settings).toEqual({ dropProblems: true });
    expect(preflight(d, { ...DEFAULT_EXPORT, dropProblems: true })).toEqual([]);
  });

  it('category id 0, an undeclared category, an unknown image, an all-zero mask', () => {
    const d = dataset({
      images: [image],
      annotations: [
        { ...box, id: 1, category_id: 0, segmentation: [[1, 1, 3, 1, 3, 3]] },
        { ...box, id: 2, category_id: 7, segmentation: [[1, 1, 3, 1, 3, 3]] },
        { ...box, id: 3, image_id: 9, segmentation: [[1, 1, 3, 1, 3, 3]] },
        { ...box, id: 4, segmentation: { size: [10, 10], counts: [100] }, iscrowd: 1 },
      ],
      categories: [
        { id: 0, name: 'zero' },
        { id: 1, name: 'a' },
      ],
    });
    expect(kinds(d)).toEqual([
      ['category-zero', 1],
      ['undeclared-category', 1],
      ['unknown-image', 1],
      ['empty-mask', 1],
    ]);
    expect(kinds(d, { ...DEFAULT_EXPORT, remapCategoryIds: true, dropProblems: true })).toEqual([]);
  });

  it('string ids: no setting fixes them; a missing iscrowd, keypoints without keypoints: the fix writes them', () => {
    const d = dataset({
      images: [{ ...image, id: 'a' }],
      annotations: [
        {
          id: 1,
          image_id: 'a',
          category_id: 1,
          segmentation: [[1, 1, 3, 1, 3, 3]],
          bbox: [1, 1, 2, 2],
        },
      ],
      categories: [{ id: 1, name: 'a' }],
    });
    const found = preflight(d, { ...DEFAULT_EXPORT, dropProblems: true });
    expect(found.map((f) => [f.kind, f.count, f.fix])).toEqual([['non-integer-id', 2, null]]);
    expect(kinds(d)).toEqual([
      ['non-integer-id', 2],
      ['missing-iscrowd', 1],
    ]);
    const { dataset: keypoints } = parseCoco(
      JSON.stringify({
        images: [image],
        annotations: [{ ...box, segmentation: [[1, 1, 3, 1, 3, 3]] }],
        categories: [{ id: 1, name: 'person', keypoints: ['nose'], skeleton: [] }],
      }),
      { fileName: 'person_keypoints_x.json' },
    );
    expect(kinds(keypoints!)).toEqual([['missing-keypoints', 1]]);
    // The fix: written with every keypoint unlabelled, and iscrowd as the file writes it.
    const fixed = planExport(keypoints!, { ...DEFAULT_EXPORT, dropProblems: true }).annotation!(
      keypoints!.annotations.at(0)!,
    );
    expect(fixed).toMatchObject({ keypoints: [0, 0, 0], num_keypoints: 0, iscrowd: 0 });
    const noCrowd = planExport(d, { ...DEFAULT_EXPORT, dropProblems: true }).annotation!(
      d.annotations.at(0)!,
    );
    expect(noCrowd).toMatchObject({ iscrowd: 0 });
  });
});
