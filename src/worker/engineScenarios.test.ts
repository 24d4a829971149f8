/**
 * What a user does over a session, driven through the protocol in Node: edit, undo, redo
 * and export; subsets made of several files; a zip of two subsets; a session restored by
 * replaying its patches in a fresh engine.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, invertPatchSequence } from '../coco';
import { openZip } from '../io/zip';
import type { EditCommand, ExportRequest, SubsetPatch } from './protocol';
import {
  bytesOf,
  corpusFiles,
  EngineHarness,
  jsonFilesOf,
  sourcesOf,
  zipOf,
} from './testing/engineHarness';

const JSON_ONLY: ExportRequest = { ...DEFAULT_EXPORT, includeImages: false };
const WITH_PICTURES: ExportRequest = { ...DEFAULT_EXPORT, includeImages: true };
const COCO = 'datumaro/coco_dataset/coco';
/** One subset (`val`) from two files, and its picture, as the user would drop them. */
const VAL = corpusFiles(COCO, [
  'annotations/instances_val.json',
  'annotations/person_keypoints_val.json',
  'images/val/b.jpg',
]);
const TRAIN = corpusFiles(COCO, [
  'annotations/instances_train.json',
  'annotations/person_keypoints_train.json',
  'images/train/a.jpg',
]);

async function exportJson(h: EngineHarness, subset = 0): Promise<Map<string, string>> {
  const { files } = await h.request({
    type: 'export',
    format: 'json',
    subset,
    settings: JSON_ONLY,
  });
  return jsonFilesOf(files);
}

function textOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

describe('open → edit → undo → redo → export', () => {
  it('exports the original bytes after the undo, and the edited ones after the redo', async () => {
    const h = new EngineHarness();
    const files = corpusFiles('quirks', ['python-floats.json']);
    const original = textOf(files['python-floats.json']!);
    await h.request({ type: 'open', files: sourcesOf(files) });
    const [name] = [...(await exportJson(h)).keys()];

    const moved = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'set-shape', key: 0, shape: { kind: 'box', bbox: [4, 4, 10, 6] } },
    });
    const edited = (await exportJson(h)).get(name!)!;
    // Only the annotation's geometry changed, in the file's own spelling (`4.0`); the rest
    // keeps Python's `1.0` and `1e+20` byte for byte.
    expect(edited).toBe(
      original.replace(
        '"segmentation": [[2.0, 2.0, 20.0, 2.0, 20.0, 12.0, 2.0, 12.0]], "area": 180.0, "bbox": [2.0, 2.0, 18.0, 10.0]',
        '"segmentation": [], "area": 60.0, "bbox": [4.0, 4.0, 10.0, 6.0]',
      ),
    );
    expect(edited).not.toBe(original);

    const undone = await h.request({
      type: 'apply-patches',
      subset: 0,
      patches: [invertPatchSequence(moved.patch)],
    });
    expect(undone.delta.images).toEqual([expect.objectContaining({ index: 0, flags: 0 })]);
    expect((await exportJson(h)).get(name!)).toBe(original);

    await h.request({ type: 'apply-patches', subset: 0, patches: [moved.patch] });
    expect((await exportJson(h)).get(name!)).toBe(edited);
  });
});

describe('a subset from several files', () => {
  it('shows the annotations of both files, edits one file, exports the other unchanged', async () => {
    const h = new EngineHarness();
    const { summary } = await h.request({ type: 'open', files: sourcesOf(VAL) });
    expect(summary.subsets.map((s) => [s.name, s.files.map((f) => f.kind)])).toEqual([
      ['val', ['instances', 'person_keypoints']],
    ]);
    h.forgetMade();
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    expect(
      view.annotations.map((a) => [
        a.key,
        a.fileIndex,
        a.kind,
        'keypoints' in a ? a.keypoints : undefined,
      ]),
    ).toEqual([
      [0, 0, 'polygon', null],
      [1, 0, 'mask', null],
      [2, 1, 'polygon', [1, 2, 2, 3, 4, 2, 2, 3, 2]],
      [3, 1, 'mask', [2, 4, 2, 4, 4, 2, 4, 2, 2]],
    ]);
    // Each crowd RLE (one per file) is one 2×10 bitmap: columns 0–1 of the 5×10 image.
    expect(h.bitmapsMade.map((m) => [m.width, m.height])).toEqual([
      [2, 10],
      [2, 10],
    ]);

    await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'relabel', keys: [2], categoryId: 2 },
    });
    const out = await exportJson(h);
    expect([...out.keys()]).toEqual(['instances_val.json', 'person_keypoints_val.json']);
    expect(out.get('instances_val.json')).toBe(textOf(VAL['annotations/instances_val.json']!));
    const keypoints = textOf(VAL['annotations/person_keypoints_val.json']!);
    expect(out.get('person_keypoints_val.json')).not.toBe(keypoints);
    expect(out.get('person_keypoints_val.json')).toBe(
      keypoints.replace(
        '"image_id":40,\n        "category_id":1',
        '"image_id":40,\n        "category_id":2',
      ),
    );
  });

  it('exports a zip of two subsets that opens again as the same two, edits kept', async () => {
    const h = new EngineHarness();
    const files = [zipOf('coco.zip', { ...TRAIN, ...VAL })];
    const { summary } = await h.request({ type: 'open', files });
    expect(summary.subsets.map((s) => [s.name, s.annotationCount, s.imagesFound])).toEqual([
      ['train', 2, 1],
      ['val', 4, 1],
    ]);
    await h.request({ type: 'edit', subset: 1, command: { type: 'delete', keys: [0] } });
    const { files: out } = await h.request({
      type: 'export',
      format: 'zip',
      subset: 1,
      settings: WITH_PICTURES,
    });
    const zip = await openZip(out[0]!.blob, out[0]!.name);
    const entries = new Map(zip.entries.map((e) => [e.path, e]));
    expect(out[0]!.name).toBe('coco_dataset.zip');
    expect([...entries.keys()].sort()).toEqual(Object.keys({ ...TRAIN, ...VAL }).sort());
    // The train subset was not edited: its files are their own bytes.
    for (const path of Object.keys(TRAIN))
      expect(await zip.read(entries.get(path)!), path).toEqual(TRAIN[path]);

    const again = new EngineHarness();
    const reopened = await again.request({
      type: 'open',
      files: [{ path: 'out.zip', file: out[0]!.blob }],
    });
    expect(reopened.summary.subsets.map((s) => [s.name, s.annotationCount, s.imagesFound])).toEqual(
      [
        ['train', 2, 1],
        ['val', 3, 1],
      ],
    );
    const picture = await again.request({ type: 'picture', subset: 1, imageIndex: 0 });
    expect(await bytesOf(picture.picture!)).toEqual(VAL['images/val/b.jpg']);
  });
});

describe('a session restored', () => {
  it('replays the kept patches in a fresh engine: the same export, predictions shown again', async () => {
    const gt = corpusFiles('reference/eval', ['gt.json', 'dt.json']);
    const open = async (h: EngineHarness) => {
      await h.request({ type: 'open', files: sourcesOf({ 'instances_val.json': gt['gt.json']! }) });
      await h.request({
        type: 'add-predictions',
        subset: 0,
        files: sourcesOf({ 'dt.json': gt['dt.json']! }),
      });
    };
    const first = new EngineHarness();
    await open(first);
    const evaluated = await first.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    expect(evaluated.predictions.verdicts?.stale).toBe(false);
    const history: SubsetPatch[] = [];
    let annotationCount = 0;
    const commands: EditCommand[] = [
      { type: 'relabel', keys: [0, 1], categoryId: 3 },
      { type: 'delete', keys: [5] },
      { type: 'set-crowd', keys: [7], on: true },
    ];
    for (const command of commands) {
      const { patch, delta } = await first.request({ type: 'edit', subset: 0, command });
      history.push(patch);
      annotationCount = delta.annotationCount;
      // The ground truth changed under the verdicts: they are stale until evaluated again.
      expect(delta.predictions?.verdicts?.stale).toBe(true);
    }
    const exported = await exportJson(first);

    const restored = new EngineHarness();
    await open(restored);
    const replayed = await restored.request({ type: 'apply-patches', subset: 0, patches: history });
    expect(replayed.delta.annotationCount).toBe(annotationCount);
    expect(await exportJson(restored)).toEqual(exported);
    const again = await restored.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    const fresh = await first.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    expect(again.report.lines).toEqual(fresh.report.lines);
    expect(again.predictions.verdicts).toEqual(fresh.predictions.verdicts);
  });
});
