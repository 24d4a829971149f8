/**
 * Every edit command the page sends, through the protocol on a subset of two files
 * (instances + person_keypoints, Datumaro's `val`): the edit changes the export, its
 * undo (apply-patches with the inverse) gives back the files' own bytes, and its redo
 * the edited bytes again.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, invertPatchSequence } from '../coco';
import type { EditCommand } from './protocol';
import { corpusFiles, EngineHarness, jsonFilesOf, sourcesOf } from './testing/engineHarness';

const VAL = corpusFiles('datumaro/coco_dataset/coco', [
  'annotations/instances_val.json',
  'annotations/person_keypoints_val.json',
]);

/**
 * View keys: 0 a polygon and 1 a crowd RLE in instances_val.json (its bbox [0,0,1,9] is
 * not the mask's [0,0,2,10]); 2 and 3 the same shapes with keypoints in
 * person_keypoints_val.json. Categories 1 (a) and 2 (b) are in both files.
 */
const brushed = { points: [1.2, 5.7, 3.1, 6.3], size: 3 };
const erased = { points: [0.5, 0.5, 0.5, 4.5], size: 1 };
const COMMANDS: EditCommand[] = [
  { type: 'set-crowd', keys: [0], on: true },
  { type: 'relabel', keys: [0, 2], categoryId: 2 },
  { type: 'set-score', keys: [1, 3], score: 0.25 },
  { type: 'set-attribute', keys: [0], name: 'x', value: 7 },
  { type: 'rename-attribute', keys: [0, 2], from: 'y', to: 'label' },
  { type: 'set-shape', key: 2, shape: { kind: 'polygons', polygons: [[0, 0, 3, 0, 3, 3]] } },
  { type: 'keypoint', key: 2, set: 'keypoints', edit: { kind: 'move', index: 1, x: 5, y: 1 } },
  { type: 'keypoint', key: 3, set: 'keypoints', edit: { kind: 'set-visibility', index: 0, v: 0 } },
  { type: 'keypoint', key: 3, set: 'keypoints', edit: { kind: 'delete', index: 2 } },
  {
    type: 'add-annotation',
    imageIndex: 0,
    categoryId: 1,
    shape: { kind: 'box', bbox: [1, 1, 2, 2] },
  },
  { type: 'paint', key: 1, imageIndex: 0, categoryId: 1, stroke: brushed, erase: false },
  { type: 'paint', key: 1, imageIndex: 0, categoryId: 1, stroke: erased, erase: true },
  { type: 'paint', key: 0, imageIndex: 0, categoryId: 1, stroke: brushed, erase: false },
  { type: 'paint', key: null, imageIndex: 0, categoryId: 2, stroke: brushed, erase: false },
  { type: 'delete', keys: [1, 3] },
  { type: 'merge-crowd', keys: [0, 1] },
  { type: 'add-category', name: 'e', supercategory: 'letters' },
  { type: 'set-category', id: 1, fields: { name: 'renamed' } },
  { type: 'merge-categories', from: 1, into: 2 },
  { type: 'delete-category', id: 2, reassignTo: 1 },
  { type: 'delete-category', id: 2, reassignTo: null },
  { type: 'set-attribute-of-category', categoryId: 1, name: 'occluded', value: true },
  { type: 'fix', fix: 'recompute-geometry', keys: [1], categoryIds: [] },
  { type: 'fix', fix: 'delete-annotation', keys: [0], categoryIds: [] },
  { type: 'fix', fix: 'delete-category', keys: [], categoryIds: [1] },
  { type: 'convert-to-mask', key: 0, crowd: false },
  { type: 'convert-to-mask', key: 0, crowd: true },
  { type: 'convert-to-polygons', key: 1, tolerance: 0 },
  { type: 'fill-holes', key: 1 },
  { type: 'remove-specks', key: 1, minPixels: 3 },
];

async function exported(h: EngineHarness): Promise<string[]> {
  const settings = { ...DEFAULT_EXPORT, includeImages: false };
  const { files } = await h.request({ type: 'export', format: 'json', subset: 0, settings });
  return [...(await jsonFilesOf(files)).values()];
}

describe('every edit command, undone and redone through the protocol', () => {
  const original = Object.values(VAL).map((bytes) => new TextDecoder().decode(bytes));

  for (const command of COMMANDS) {
    const name =
      command.type === 'fix'
        ? `fix ${command.fix}`
        : command.type === 'paint'
          ? `paint ${command.erase ? 'erase' : 'brush'} on ${command.key ?? 'a new mask'}`
          : command.type === 'convert-to-mask' && command.crowd
            ? 'convert-to-mask as a crowd'
            : command.type;
    it(`${name}: changes the export; undo gives the original bytes, redo the edited`, async () => {
      const h = new EngineHarness();
      await h.request({ type: 'open', files: sourcesOf(VAL) });
      expect(await exported(h)).toEqual(original);

      const { patch } = await h.request({ type: 'edit', subset: 0, command });
      const edited = await exported(h);
      expect(edited).not.toEqual(original);

      await h.request({ type: 'apply-patches', subset: 0, patches: [invertPatchSequence(patch)] });
      expect(await exported(h)).toEqual(original);

      await h.request({ type: 'apply-patches', subset: 0, patches: [patch] });
      expect(await exported(h)).toEqual(edited);
    });
  }

  it('fix new-id: a repeated id gets one past the largest of the subset, and back', async () => {
    const keypoints = 'annotations/person_keypoints_val.json';
    const repeated = new TextDecoder()
      .decode(VAL[keypoints])
      .replace('"id":2,\n        "image_id":40', '"id":1,\n        "image_id":40');
    const files = { ...VAL, [keypoints]: new TextEncoder().encode(repeated) };
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf(files) });
    const before = await exported(h);
    const command: EditCommand = { type: 'fix', fix: 'new-id', keys: [3], categoryIds: [] };
    const { patch } = await h.request({ type: 'edit', subset: 0, command });
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    expect(view.annotations.map((a) => a.id)).toEqual([1, 2, 1, 3]);
    await h.request({ type: 'apply-patches', subset: 0, patches: [invertPatchSequence(patch)] });
    expect(await exported(h)).toEqual(before);
  });

  it('split: a polygon of two parts becomes two annotations, and back', async () => {
    const twoParts = new TextDecoder()
      .decode(VAL['annotations/instances_val.json'])
      .replace(
        '2.0\n          ]\n        ],',
        '2.0\n          ],\n          [3.0, 3.0, 4.0, 3.0, 4.0, 5.0]\n        ],',
      );
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'instances_val.json': twoParts }) });
    const split = await h.request({ type: 'edit', subset: 0, command: { type: 'split', key: 0 } });
    expect(split.delta.annotationCount).toBe(3);
    const undone = await h.request({
      type: 'apply-patches',
      subset: 0,
      patches: [invertPatchSequence(split.patch)],
    });
    expect(undone.delta.annotationCount).toBe(2);
    expect(await exported(h)).toEqual([twoParts]);
  });

  it('paint: a new mask is returned as inserted (the page selects it); an erase to nothing is refused', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf(VAL) });
    const stroke = { points: [2.5, 5.5], size: 1 };
    const added = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'paint', key: null, imageIndex: 0, categoryId: 2, stroke, erase: false },
    });
    expect(added.inserted).toHaveLength(1);
    expect(added.delta.annotationCount).toBe(5);
    const key = added.inserted[0]!;
    const erase = {
      type: 'paint',
      key,
      imageIndex: 0,
      categoryId: 2,
      stroke,
      erase: true,
    } as const;
    await expect(h.request({ type: 'edit', subset: 0, command: erase })).rejects.toThrow(
      /without a single pixel/,
    );
  });
});
