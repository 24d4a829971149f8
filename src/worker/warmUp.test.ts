/**
 * A spare engine's warm-up (warmUp.ts): it opens its built-in dataset in an engine of its
 * own, so the engine that answers the page is untouched, and an open sent while it runs
 * answers exactly as it would alone.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseCoco } from '../coco';
import { EngineClient } from './client';
import { Engine } from './engine';
import { EngineHarness, sourcesOf } from './testing/engineHarness';
import { PICTURE_A, TINY_JSON } from './testing/harnessFixture';
import { warmUpFile, warmUpResultsFile, warmUpText } from './warmUp';

const TINY = () => sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });

describe('warm-up', () => {
  it('opens a dataset like the ones users open, without a problem', () => {
    const parsed = parseCoco(warmUpText());
    expect(parsed.problems).toEqual([]);
    const dataset = parsed.dataset!;
    expect([dataset.images.length, dataset.annotations.length]).toEqual([24, 288]);
    const kinds = new Set(
      [...dataset.annotations].map(({ segmentation: s }) =>
        s.kind === 'rle' ? (typeof s.rle.counts === 'string' ? 'string' : 'counts') : s.kind,
      ),
    );
    expect([...kinds].sort()).toEqual(['counts', 'polygons', 'string']);
  });

  it('answers warmed, posting nothing else, and leaves the engine without a dataset', async () => {
    const h = new EngineHarness();
    const { answer, progress } = await h.send({ type: 'warm-up' });
    expect(answer?.type).toBe('warmed');
    expect(progress).toEqual([]);
    expect(h.posted.map((p) => p.message.type)).toEqual(['warmed']);
    expect(h.bitmapsMade).toEqual([]);
    const stats = await h.send({ type: 'stats', subset: 0 });
    expect(stats.answer?.type).toBe('failed');
  });

  it('evaluates detections over its dataset: a results list like a model’s, scored', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: [warmUpFile()] });
    const added = await h.request({
      type: 'add-predictions',
      subset: 0,
      files: [warmUpResultsFile()],
    });
    // One per annotation that is not crowd (12 on the first image, 11 on the 23 others).
    const summary = added.summary.subsets[0]!.predictions!;
    expect(summary).toMatchObject({ count: 265, unknownImages: 0, unknownCategories: 0 });
    expect([...summary.iouTypes].sort()).toEqual(['bbox', 'segm']);
    for (const iouType of ['segm', 'bbox'] as const) {
      const { report } = await h.request({ type: 'evaluate', subset: 0, iouType });
      // Most detections are a few pixels off their annotation; one per image is elsewhere.
      const ap = report.lines[0]!.value;
      expect(ap).toBeGreaterThan(0.5);
      expect(ap).toBeLessThan(1);
    }
  });

  it('then evaluates segm and bbox, unless the page asked something meanwhile', async () => {
    const evaluate = vi.spyOn(Engine.prototype, 'evaluate');
    await new EngineHarness().request({ type: 'warm-up' });
    expect(evaluate.mock.calls.map((call) => call[1])).toEqual(['segm', 'bbox']);
    evaluate.mockClear();
    const h = new EngineHarness();
    const warming = h.request({ type: 'warm-up' });
    await h.request({ type: 'open', files: TINY() });
    await warming;
    expect(evaluate).not.toHaveBeenCalled();
    evaluate.mockRestore();
  });

  it('an open sent while it runs answers as an open alone', async () => {
    const alone = await new EngineHarness().request({ type: 'open', files: TINY() });
    const h = new EngineHarness();
    const warming = h.send({ type: 'warm-up' });
    const opened = await h.request({ type: 'open', files: TINY() });
    expect((await warming).answer?.type).toBe('warmed');
    expect(opened.summary).toEqual(alone.summary);
    // Each engine names the masks it sends with tokens of its own: the rest is the same.
    const view = (v: typeof alone.firstView) =>
      JSON.stringify({ ...v, maskTokens: v?.maskTokens.map(([key]) => key) });
    expect(view(opened.firstView)).toBe(view(alone.firstView));
    expect(opened.firstView?.maskTokens).toHaveLength(1);
    const stats = await h.request({ type: 'stats', subset: 0 });
    expect(stats.stats.annotations).toBe(3);
  });
});

describe('EngineClient.warmUp', () => {
  it('warms the spare engine, which the next open uses; the next spare starts after the open', async () => {
    const engines: EngineHarness[] = [];
    const client = new EngineClient(() => {
      const h = new EngineHarness();
      engines.push(h);
      return h.asWorker();
    });
    await client.warmUp();
    expect(engines.map((e) => e.posted.map((p) => p.message.type))).toEqual([['warmed']]);
    const opening = client.open(TINY(), () => {});
    // No second engine loads beside the open: the next spare starts once it is over.
    expect(engines).toHaveLength(1);
    const summary = await opening;
    expect(summary.subsets[0]!.annotationCount).toBe(3);
    expect(engines).toHaveLength(2);
    expect(engines[0]!.posted.at(-1)!.message.type).toBe('opened');
    await client.warmUp();
    expect(engines[1]!.posted.map((p) => p.message.type)).toEqual(['warmed']);
  });

  it('an open right after the page starts, while the spare warms up, opens the dataset', async () => {
    const client = new EngineClient(() => new EngineHarness().asWorker());
    const warming = client.warmUp();
    const summary = await client.open(TINY(), () => {});
    await warming;
    expect(summary.subsets[0]!.annotationCount).toBe(3);
    expect((await client.imageView(0, 0, {})).annotations).toHaveLength(2);
  });
});
