import { describe, expect, it } from 'vitest';
import { exportCoco, invertPatchSequence, parseCoco } from '../coco';
import { readCorpusText } from '../coco/testing/corpus';
import { applySubsetPatch, planEdit } from './edits';
import { buildSubset, type SourceDataset } from './subset';
import { sourceOf } from './testing/sourceOf';

const dir = 'datumaro/coco_dataset/coco/annotations';

function source(name: string): SourceDataset {
  const path = `coco.zip: annotations/${name}`;
  const dataset = parseCoco(readCorpusText(`${dir}/${name}`), { fileName: path }).dataset!;
  return sourceOf(path, dataset);
}

const box = { kind: 'box' as const, bbox: [1, 1, 2, 2] as const };
const draw = { type: 'add-annotation' as const, imageIndex: 0, categoryId: 1, shape: box };

type Json = { annotations: Record<string, unknown>[]; categories: Record<string, unknown>[] };

describe('a drawn shape', () => {
  it('goes to the instances file, never to labels or person_keypoints, with an id no file uses', () => {
    const subset = buildSubset('train', [
      source('labels_train.json'),
      source('person_keypoints_train.json'),
      source('instances_train.json'),
    ]);
    const instances = subset.sources.findIndex((s) => s.dataset.kind === 'instances');
    const patch = planEdit(subset, draw);
    expect(patch.map((p) => p.source)).toEqual([instances]);
    applySubsetPatch(subset, patch);
    const anns = (JSON.parse(exportCoco(subset.sources[instances]!.dataset)) as Json).annotations;
    // Every file of the subset has an annotation with id 1: the new one is 2.
    expect(anns.at(-1)).toMatchObject({
      id: 2,
      image_id: 5,
      category_id: 1,
      segmentation: [[1, 1, 3, 1, 3, 3, 1, 3]],
      bbox: [1, 1, 2, 2],
      iscrowd: 0,
    });
    for (const s of subset.sources)
      if (s.dataset.kind !== 'instances') expect(s.dataset.annotations).toHaveLength(1);
  });

  it('makes an instances file when the subset has none; undo and redo keep to it', () => {
    const subset = buildSubset('train', [
      source('person_keypoints_train.json'),
      source('labels_train.json'),
    ]);
    const patch = planEdit(subset, { ...draw, boxAs: 'empty' });
    expect(patch).toMatchObject([{ source: 2, create: 'instances' }]);
    applySubsetPatch(subset, patch);
    expect(subset.sources).toHaveLength(3);
    const made = subset.sources[2]!;
    expect(made.path).toBe('coco.zip: annotations/instances_train.json');
    expect(made.dataset.kind).toBe('instances');
    expect(subset.keyOffsets).toEqual([0, 1, 2]);
    const file = JSON.parse(exportCoco(made.dataset)) as Json & { images: unknown[] };
    expect(file.images).toHaveLength(subset.images.length);
    expect(file.annotations).toEqual([
      {
        id: 2,
        image_id: 5,
        category_id: 1,
        segmentation: [],
        area: 4,
        bbox: [1, 1, 2, 2],
        iscrowd: 0,
      },
    ]);
    // Its categories are the subset's, without keypoint names: it reopens as instances.
    expect(file.categories.every((c) => !('keypoints' in c) && !('skeleton' in c))).toBe(true);
    expect(parseCoco(exportCoco(made.dataset)).dataset!.kind).toBe('instances');

    applySubsetPatch(subset, invertPatchSequence(patch));
    expect(subset.sources[2]!.dataset.annotations).toHaveLength(0);
    applySubsetPatch(subset, patch);
    expect(subset.sources[2]!.dataset.annotations).toHaveLength(1);
    // The next shape goes to the file made for the first.
    expect(planEdit(subset, draw).map((p) => [p.source, p.create])).toEqual([[2, undefined]]);
  });

  it('a replayed history (session restore) makes the instances file again', () => {
    const open = () =>
      buildSubset('train', [source('person_keypoints_train.json'), source('labels_train.json')]);
    const first = open();
    const patch = planEdit(first, draw);
    const restored = open();
    applySubsetPatch(restored, JSON.parse(JSON.stringify(patch)) as typeof patch);
    expect(exportCoco(restored.sources[2]!.dataset)).toBe(
      exportCoco((applySubsetPatch(first, patch), first).sources[2]!.dataset),
    );
  });
});

describe('the new-id fix', () => {
  it('gives an id no file of the subset uses', () => {
    const of = (path: string, file: object): SourceDataset => {
      const dataset = parseCoco(file, { fileName: path }).dataset!;
      return sourceOf(path, dataset);
    };
    const images = [{ id: 1, file_name: 'a.jpg', width: 10, height: 10 }];
    const ann = { image_id: 1, category_id: 1, bbox: [1, 1, 2, 2], iscrowd: 0 };
    const subset = buildSubset('default', [
      of('instances_default.json', {
        images,
        categories: [{ id: 1, name: 'a' }],
        annotations: [
          { id: 1, ...ann },
          { id: 1, ...ann },
        ],
      }),
      of('person_keypoints_default.json', {
        images,
        categories: [{ id: 1, name: 'a', keypoints: ['p'], skeleton: [] }],
        annotations: [{ id: 2, ...ann, keypoints: [1, 1, 2], num_keypoints: 1 }],
      }),
    ]);
    const instances = subset.sources.findIndex((s) => s.dataset.kind === 'instances');
    const key = subset.keyOffsets[instances]! + 1;
    const patch = planEdit(subset, { type: 'fix', fix: 'new-id', keys: [key], categoryIds: [] });
    applySubsetPatch(subset, patch);
    expect([...subset.sources[instances]!.dataset.annotations].map((a) => a.id)).toEqual([1, 3]);
  });
});
