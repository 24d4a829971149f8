/**
 * The page's client over engines running serve.ts in Node (EngineHarness.asWorker): each
 * method resolves with its part of the answer, failures reject with what the user sees.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, invertPatchSequence } from '../coco';
import {
  Cancelled,
  EngineClient,
  EngineFailure,
  type EngineWorker,
  type ProgressEvent,
} from './client';
import { NO_FILTER, type Response } from './protocol';
import { corpusFiles, EngineHarness, sourcesOf } from './testing/engineHarness';
import { PICTURE_A, TINY_JSON } from './testing/harnessFixture';

/** A client whose workers are harnesses; `engines` lists them in the order started. */
function clientOverHarnesses() {
  const engines: EngineHarness[] = [];
  const client = new EngineClient(() => {
    const h = new EngineHarness();
    engines.push(h);
    return h.asWorker();
  });
  return { client, engines };
}

const TINY = sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });

describe('EngineClient', () => {
  it('answers each method with its part of the answer, progress to the callback', async () => {
    const { client } = clientOverHarnesses();
    const progress: ProgressEvent[] = [];
    const summary = await client.open(TINY, (p) => progress.push(p));
    expect(summary.subsets[0]!.annotationCount).toBe(3);
    expect(progress.map((p) => p.phase)).toContain('parsing');
    expect(client.hasDataset).toBe(true);

    const view = await client.imageView(0, 0, {});
    expect(view.annotations).toHaveLength(2);
    expect([...(await client.filterImages(0, { ...NO_FILTER, hasCrowd: true }))]).toEqual([0]);
    expect(await (await client.picture(0, 0))!.text()).toBe(PICTURE_A);

    const edited = await client.edit(0, { type: 'delete', keys: [2] });
    // Exactly what the store keeps: no `type` or `id` of the message.
    expect(Object.keys(edited).sort()).toEqual(['delta', 'inserted', 'patch']);
    expect(edited.delta.annotationCount).toBe(2);
    const undone = await client.applyPatches(0, [invertPatchSequence(edited.patch)]);
    expect(Object.keys(undone).sort()).toEqual(['delta', 'inserted', 'patch']);
    expect(undone.delta.annotationCount).toBe(3);

    const files = await client.export(
      'json',
      0,
      { ...DEFAULT_EXPORT, includeImages: false },
      () => {},
    );
    expect(await files[0]!.blob.text()).toBe(TINY_JSON);
    const checked = await client.check(0, () => {});
    expect(Object.keys(checked).sort()).toEqual(['counts', 'findings', 'flagged']);
    expect((await client.stats(0)).annotations).toBe(3);
    expect((await client.preflight(0, DEFAULT_EXPORT)).map((f) => f.kind)).toEqual([
      'box-without-segmentation',
    ]);
    const added = await client.addImages(sourcesOf({ 'b.jpg': 'JPEG b' }));
    expect(added.subsets[0]!.imagesFound).toBe(2);
  });

  it('draws the first image from the view sent with the open, asking the engine only after', async () => {
    const { client, engines } = clientOverHarnesses();
    await client.open(TINY, () => {}, undefined, 'b.jpg');
    const answers = () => engines[0]!.posted.filter((p) => p.message.type === 'image-view').length;
    const first = await client.imageView(0, 1, {});
    expect([first.imageIndex, first.annotations.map((a) => a.id), answers()]).toEqual([1, [3], 0]);
    // Asked again (after an edit, say), it comes from the engine.
    expect((await client.imageView(0, 1, {})).annotations.map((a) => a.id)).toEqual([3]);
    expect(answers()).toBe(1);

    // Any other request first: the dataset may have changed since, so the engine is asked.
    await client.open(TINY, () => {}, undefined, null);
    const reopened = engines.at(-2)!;
    await client.edit(0, { type: 'delete', keys: [0] });
    const view = await client.imageView(0, 0, {});
    expect(view.annotations.map((a) => a.id)).toEqual([2]);
    expect(reopened.posted.filter((p) => p.message.type === 'image-view')).toHaveLength(1);
  });

  it('draws the edited image from the view sent with the edit, in the colours asked', async () => {
    const { client, engines } = clientOverHarnesses();
    await client.open(TINY, () => {});
    const engine = engines[0]!;
    await client.imageView(0, 0, {});
    const asked = () => engine.posted.filter((p) => p.message.type === 'image-view').length;
    const colors = { '1': '#00ff00' };
    await client.edit(0, { type: 'delete', keys: [0] }, { imageIndex: 0, customColors: colors });
    const after = await client.imageView(0, 0, colors);
    // The edited view, not asked for: the deleted annotation is gone.
    expect([after.annotations.map((a) => a.id), asked()]).toEqual([[2], 0]);
    // Asked for in other colours, it comes from the engine.
    await client.edit(0, { type: 'delete', keys: [0] }, { imageIndex: 0, customColors: colors });
    expect((await client.imageView(0, 0, {})).annotations).toEqual([]);
    expect(asked()).toBe(1);
  });

  it('hands over the view sent with an edit at once, once, and only for its image and colours', async () => {
    const { client, engines } = clientOverHarnesses();
    await client.open(TINY, () => {});
    await client.imageView(0, 0, {});
    const colors = { '1': '#00ff00' };
    await client.edit(0, { type: 'delete', keys: [0] }, { imageIndex: 0, customColors: colors });
    expect(client.takeReadyView(0, 0, {})).toBeNull();
    expect(client.takeReadyView(0, 1, colors)).toBeNull();
    expect(client.takeReadyView(0, 0, colors)?.annotations.map((a) => a.id)).toEqual([2]);
    expect(client.takeReadyView(0, 0, colors)).toBeNull();
    // Taken, it is asked for again.
    await client.imageView(0, 0, colors);
    expect(engines[0]!.posted.filter((p) => p.message.type === 'image-view')).toHaveLength(1);
  });

  it('answers the prediction methods', async () => {
    const { client } = clientOverHarnesses();
    const eval_ = corpusFiles('reference/eval', ['gt.json', 'dt.json']);
    await client.open(sourcesOf({ 'instances_val.json': eval_['gt.json']! }), () => {});
    const added = await client.addPredictions(
      0,
      sourcesOf({ 'dt.json': eval_['dt.json']! }),
      () => {},
    );
    expect([added.subset, added.summary.subsets[0]!.predictions?.count]).toEqual([0, 2500]);
    const evaluated = await client.evaluate(0, 'bbox', () => {});
    expect(evaluated.report.lines).toHaveLength(12);
    const matched = await client.matchThreshold(0, 0.75);
    expect(matched.predictions.threshold).toBe(0.75);
  });

  it('rejects with the engine’s error, and keeps the dataset open before a failed open', async () => {
    const { client, engines } = clientOverHarnesses();
    await client.open(TINY, () => {});
    const broken = sourcesOf(corpusFiles('quirks', ['not-coco-annotations-object.json']));
    const failure = await client.open(broken, () => {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect((failure as EngineFailure).detail.file).toBe('not-coco-annotations-object.json');
    // The failed open's engine was stopped; the first one still answers.
    expect(engines[1]!.terminated).toBe(true);
    expect(engines[0]!.terminated).toBe(false);
    expect((await client.stats(0)).annotations).toBe(3);
    await expect(client.edit(0, { type: 'delete', keys: [99] })).rejects.toBeInstanceOf(
      EngineFailure,
    );
  });

  it('replaces the engine when a second open succeeds, stopping the first', async () => {
    const { client, engines } = clientOverHarnesses();
    await client.open(TINY, () => {});
    await client.open(
      TINY,
      () => {},
      async () => true,
    );
    expect(engines[0]!.terminated).toBe(true);
    const refused = client.open(
      TINY,
      () => {},
      async () => false,
    );
    await expect(refused).rejects.toBeInstanceOf(Cancelled);
    expect((await client.stats(0)).annotations).toBe(3);
  });

  it('rejects an answer of the wrong type instead of passing it on', async () => {
    // Engines that answer every request as if it were add-images.
    const wrongEngine = (): EngineWorker => {
      const worker: EngineWorker = {
        onmessage: null,
        onerror: null,
        terminate: () => {},
        postMessage: (request) => {
          const summary = { subsets: [], files: [], pictureCount: 0 };
          const data: Response = { type: 'images-added', id: request.id, summary };
          worker.onmessage?.(new MessageEvent('message', { data }));
        },
      };
      return worker;
    };
    const client = new EngineClient(wrongEngine);
    await expect(client.open(TINY, () => {})).rejects.toThrow(
      'unexpected answer images-added to open',
    );
  });

  it('refuses requests with no dataset open, and cancels an export in progress', async () => {
    const { client } = clientOverHarnesses();
    await expect(client.stats(0)).rejects.toThrow('no dataset is open');
    await client.open(TINY, () => {});
    await client.edit(0, { type: 'delete', keys: [0] });
    const exporting = client.export(
      'json',
      0,
      { ...DEFAULT_EXPORT, includeImages: false },
      () => {},
    );
    client.cancelExport();
    const failure = await exporting.catch((e: unknown) => e);
    expect((failure as EngineFailure).detail.code).toBe('cancelled');
  });
});
