/** The edit and export messages of the protocol, answered by the engine through serve.ts. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, invertPatchSequence } from '../coco';
import { openZip } from '../io/zip';
import { ImageFlag, NO_FILTER } from './protocol';
import { bytesOf, corpusFiles, EngineHarness, sourcesOf } from './testing/engineHarness';
import { PICTURE_A, TINY_JSON } from './testing/harnessFixture';

const NO_PICTURES = { ...DEFAULT_EXPORT, includeImages: false };
/** TINY_JSON with annotation 1 (the polygon on a.jpg) relabelled from cat (1) to dog (2). */
const RELABELLED = TINY_JSON.replace(
  '"id": 1, "image_id": 1, "category_id": 1',
  '"id": 1, "image_id": 1, "category_id": 2',
);

/** Changed category counts as [id, annotations], by id. */
const byId = (counts: readonly { id: unknown; annotationCount: number }[]) =>
  counts.map((c) => [Number(c.id), c.annotationCount]).sort((a, b) => a[0]! - b[0]!);

async function openTiny() {
  const h = new EngineHarness();
  const files = sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });
  await h.request({ type: 'open', files });
  return h;
}

async function exportedJson(h: EngineHarness): Promise<string> {
  const { files } = await h.request({
    type: 'export',
    format: 'json',
    subset: 0,
    settings: NO_PICTURES,
  });
  expect(files.map((f) => f.name)).toEqual(['instances_default.json']);
  return files[0]!.blob.text();
}

describe('edit', () => {
  it('answers what the edit did and what changed in the summary', async () => {
    const h = await openTiny();
    const edited = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'relabel', keys: [0], categoryId: 2 },
    });
    expect(edited.type).toBe('edited');
    expect(edited.patch.map((p) => p.source)).toEqual([0]);
    expect(edited.inserted).toEqual([]);
    const { delta } = edited;
    // A relabel leaves the category table as it was: only the two counts that changed come.
    expect(delta.categories).toBeNull();
    expect(byId(delta.categoryCounts)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(delta.images).toEqual([
      {
        index: 0,
        annotationCount: 2,
        flags: ImageFlag.hasFile | ImageFlag.hasCrowd | ImageFlag.edited,
      },
    ]);
    expect(RELABELLED).not.toBe(TINY_JSON);
    expect(await exportedJson(h)).toBe(RELABELLED);
  });

  it('answers the view key of a drawn annotation, appended after the file’s', async () => {
    const h = await openTiny();
    const edited = await h.request({
      type: 'edit',
      subset: 0,
      command: {
        type: 'add-annotation',
        imageIndex: 1,
        categoryId: 2,
        shape: { kind: 'box', bbox: [4, 2, 2, 2] },
      },
    });
    expect(edited.inserted).toEqual([3]);
    expect(edited.delta.annotationCount).toBe(4);
    expect(edited.delta.images.map((i) => [i.index, i.annotationCount])).toEqual([[1, 2]]);
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 1,
      customColors: {},
    });
    expect(
      view.annotations.map((a) => [a.key, 'bbox' in a ? a.bbox : undefined, a.edited]),
    ).toEqual([
      [2, [0, 0, 3, 2], false],
      [3, [4, 2, 2, 2], true],
    ]);
  });

  it('answers failed for a panoptic subset, which cannot be edited', async () => {
    const h = new EngineHarness();
    const files = corpusFiles('quirks/panoptic-repeated-ids', ['panoptic.json']);
    await h.request({ type: 'open', files: sourcesOf(files) });
    const { answer } = await h.send({
      type: 'edit',
      subset: 0,
      command: { type: 'delete', keys: [0] },
    });
    expect(answer?.type === 'failed' && answer.error.message).toMatch(/panoptic.*cannot edit/);
  });
});

describe('edited images', () => {
  it('an image an annotation was deleted from is edited, and the edited filter finds it', async () => {
    const h = await openTiny();
    const deleted = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'delete', keys: [0] },
    });
    expect(deleted.delta.images).toHaveLength(1);
    const [image] = deleted.delta.images;
    expect(image!.flags & ImageFlag.edited).toBe(ImageFlag.edited);
    const { images } = await h.request({
      type: 'filter-images',
      subset: 0,
      filter: { ...NO_FILTER, edited: true },
    });
    expect([...images]).toEqual([image!.index]);
  });
});

describe('apply-patches', () => {
  it('applies kept patches in order and answers them as one, with the summary they give', async () => {
    const h = await openTiny();
    const add = await h.request({
      type: 'edit',
      subset: 0,
      command: {
        type: 'add-annotation',
        imageIndex: 0,
        categoryId: 1,
        shape: { kind: 'box', bbox: [5, 1, 2, 2] },
      },
    });
    const relabel = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'relabel', keys: [3], categoryId: 2 },
    });
    const undo = [invertPatchSequence(relabel.patch), invertPatchSequence(add.patch)];
    const undone = await h.request({ type: 'apply-patches', subset: 0, patches: undo });
    // The page holds the patches it sent: the answer does not copy them back.
    expect(undone.patch).toEqual([]);
    expect(undone.delta.annotationCount).toBe(3);
    expect(undone.delta.categories).toBeNull();
    expect(byId(undone.delta.categoryCounts)).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(undone.delta.images).toEqual([
      { index: 0, annotationCount: 2, flags: ImageFlag.hasFile | ImageFlag.hasCrowd },
    ]);
    expect(await exportedJson(h)).toBe(TINY_JSON);
  });
});

describe('export', () => {
  it('json: an unedited file is its own bytes', async () => {
    const h = await openTiny();
    expect(await exportedJson(h)).toBe(TINY_JSON);
  });

  it('zip: annotations and pictures in the CVAT layout, with progress', async () => {
    const h = await openTiny();
    const { answer, progress } = await h.send({
      type: 'export',
      format: 'zip',
      subset: 0,
      settings: { ...DEFAULT_EXPORT, includeImages: true },
    });
    if (answer?.type !== 'exported') throw new Error(`answered ${answer?.type}`);
    expect(answer.files.map((f) => [f.name, f.notes])).toEqual([['coco_default.zip', []]]);
    const zip = await openZip(answer.files[0]!.blob, 'out.zip');
    const entries = new Map(zip.entries.map((e) => [e.path, e]));
    expect([...entries.keys()].sort()).toEqual([
      'annotations/instances_default.json',
      'images/default/a.jpg',
    ]);
    const json = await zip.read(entries.get('annotations/instances_default.json')!);
    expect(new TextDecoder().decode(json)).toBe(TINY_JSON);
    expect(await bytesOf(await zip.readAsBlob(entries.get('images/default/a.jpg')!))).toEqual(
      new TextEncoder().encode(PICTURE_A),
    );
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['writing', 'pictures']));
  });
});

describe('cancel-export', () => {
  it('has no answer of its own; the export in progress answers failed, cancelled', async () => {
    const h = await openTiny();
    // An edit, so the json export is written (spliced) rather than handed back as it was.
    await h.request({ type: 'edit', subset: 0, command: { type: 'delete', keys: [2] } });
    const exporting = h.send({ type: 'export', format: 'json', subset: 0, settings: NO_PICTURES });
    const cancel = await h.send({ type: 'cancel-export' });
    expect(cancel.answer).toBeNull();
    const { answer, id } = await exporting;
    expect(answer).toEqual({
      type: 'failed',
      id,
      error: { file: '', place: '', message: 'export cancelled', code: 'cancelled' },
    });
    // The next export is not cancelled by the old request.
    expect(await exportedJson(h)).not.toBe(TINY_JSON);
  });
});
