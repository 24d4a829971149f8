/**
 * The prediction messages of the protocol (add-predictions, evaluate, match-threshold),
 * answered by the engine through serve.ts, on the corpus' generated ground truth and
 * detections whose pycocotools figures are known (reference/eval/).
 */
import { describe, expect, it } from 'vitest';
import { readCorpusJson } from '../coco/testing/corpus';
import { NO_FILTER, type MaskImage } from './protocol';
import { corpusFiles, EngineHarness, sourcesOf } from './testing/engineHarness';
import { PICTURE_A, TINY_JSON } from './testing/harnessFixture';

const EVAL = 'reference/eval';
const pycocotools = readCorpusJson<{ bbox: number[]; segm: number[] }>(`${EVAL}/stats.json`);

async function withPredictions() {
  const h = new EngineHarness();
  const gt = corpusFiles(EVAL, ['gt.json']);
  await h.request({ type: 'open', files: sourcesOf({ 'instances_val.json': gt['gt.json']! }) });
  const { answer, progress } = await h.send({
    type: 'add-predictions',
    subset: 0,
    files: sourcesOf(corpusFiles(EVAL, ['dt.json'])),
  });
  if (answer?.type !== 'predictions-added') throw new Error(`answered ${answer?.type}`);
  return { h, added: answer, progress };
}

describe('add-predictions', () => {
  it('attaches a results list to the subset whose images it names, and summarizes it', async () => {
    const { added, progress } = await withPredictions();
    expect(added.subset).toBe(0);
    const predictions = added.summary.subsets[0]!.predictions!;
    expect(predictions.file).toBe('dt.json');
    expect(predictions.count).toBe(2500);
    expect([predictions.unknownImages, predictions.unknownCategories]).toEqual([0, 0]);
    expect(predictions.iouTypes).toEqual(['bbox', 'segm']);
    expect(predictions.verdicts).toBeNull();
    expect(progress.some((p) => p.phase === 'parsing' && p.file === 'dt.json')).toBe(true);
  });

  it('answers failed when the file is not a results list', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': TINY_JSON }) });
    const { answer } = await h.send({
      type: 'add-predictions',
      subset: 0,
      files: sourcesOf({ 'more.json': TINY_JSON, 'a.jpg': PICTURE_A }),
    });
    expect(answer?.type === 'failed' && answer.error).toMatchObject({
      file: 'more.json',
      message: 'not a results list (a bare JSON array of detections): it holds instances',
    });
  });
});

describe('evaluate', () => {
  for (const iouType of ['bbox', 'segm'] as const) {
    it(`${iouType}: answers pycocotools' 12 numbers, the confusion and the verdicts`, async () => {
      const { h } = await withPredictions();
      const { answer, progress } = await h.send({ type: 'evaluate', subset: 0, iouType });
      if (answer?.type !== 'evaluated') throw new Error(`answered ${answer?.type}`);
      expect(answer.report.lines.map((l) => l.value)).toEqual(pycocotools[iouType]);
      expect([answer.report.groundTruthFile, answer.report.predictionsFile]).toEqual([
        'instances_val.json',
        'dt.json',
      ]);
      expect(answer.confusion).toMatchObject({ iouType, threshold: 0.5 });
      const verdicts = answer.predictions.verdicts!;
      expect(verdicts).toMatchObject({ iouType, stale: false });
      expect(
        verdicts.truePositives + verdicts.falsePositives + verdicts.ignoredDetections,
      ).toBeLessThanOrEqual(2500);
      // Progress comes between slices of work (how many depends on the machine's speed).
      expect(progress.every((p) => p.phase === 'evaluating' && p.file === iouType)).toBe(true);
    });
  }

  it('answers failed when no predictions are open', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': TINY_JSON }) });
    const { answer } = await h.send({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    expect(answer?.type === 'failed' && answer.error.message).toBe('no predictions are open');
  });
});

describe('match-threshold', () => {
  it('matches again at a stricter IoU: fewer true positives, more misses', async () => {
    const { h } = await withPredictions();
    const at50 = await h.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    const at75 = await h.request({ type: 'match-threshold', subset: 0, threshold: 0.75 });
    expect(at75.type).toBe('matched');
    expect(at75.confusion?.threshold).toBe(0.75);
    expect(at75.predictions.threshold).toBe(0.75);
    const [before, after] = [at50.predictions.verdicts!, at75.predictions.verdicts!];
    expect(after.truePositives).toBeLessThan(before.truePositives);
    expect(after.missedGroundTruths).toBeGreaterThan(before.missedGroundTruths);
    // Back at 0.5: the verdicts of the evaluation again.
    const back = await h.request({ type: 'match-threshold', subset: 0, threshold: 0.5 });
    expect(back.predictions.verdicts).toEqual(before);
  });

  it('answers no confusion before an evaluation', async () => {
    const { h } = await withPredictions();
    const matched = await h.request({ type: 'match-threshold', subset: 0, threshold: 0.6 });
    expect(matched.confusion).toBeNull();
    expect(matched.predictions.threshold).toBe(0.6);
  });
});

/** Over TINY_JSON: a hit on the cat polygon, a mask on the dog crowd, a miss on b.jpg. */
const TINY_RESULTS = JSON.stringify([
  { image_id: 1, category_id: 1, bbox: [1, 1, 3, 3], score: 0.9 },
  {
    image_id: 1,
    category_id: 2,
    segmentation: { size: [6, 8], counts: [13, 4, 2, 4, 25] },
    score: 0.8,
  },
  { image_id: 2, category_id: 2, bbox: [5, 3, 2, 2], score: 0.3 },
]);

describe('predictions in the image view and the image filter', () => {
  it('answers each detection with its verdict and mask; the filter finds false positives and misses', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': TINY_JSON }) });
    await h.request({
      type: 'add-predictions',
      subset: 0,
      files: sourcesOf({ 'results.json': TINY_RESULTS }),
    });
    await h.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    h.forgetMade();
    const { answer, transfer } = await h.send({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    if (answer?.type !== 'image-view') throw new Error(`answered ${answer?.type}`);
    const { predictions, annotations } = answer.view;
    expect(predictions.map((p) => [p.key, p.status, p.matchedKey])).toEqual([
      [0, 'true-positive', 0],
      [1, 'ignored', 1], // on the crowd region: neither a hit nor a false positive
    ]);
    expect(annotations.map((a) => [a.match?.status, a.match?.predictionKey])).toEqual([
      ['matched', 0],
      ['ignored', null],
    ]);
    // Two bitmaps of the same 2×4 crop: the crowd's mask and the detection's.
    expect(h.bitmapsMade.map((m) => [m.x, m.y, m.width, m.height])).toEqual([
      [2, 1, 2, 4],
      [2, 1, 2, 4],
    ]);
    const maskOf = (a: { kind: string } | { kind: 'mask'; mask: MaskImage | null }) =>
      'mask' in a ? a.mask : null;
    expect(maskOf(predictions[1]!)).toMatchObject({ x: 2, y: 1, width: 2, height: 4 });
    expect(new Set(transfer)).toEqual(
      new Set([maskOf(annotations[1]!)?.bitmap, maskOf(predictions[1]!)?.bitmap]),
    );
    // b.jpg has the false positive (a dog box) and the miss (its cat box).
    for (const kind of ['falsePositives', 'misses'] as const) {
      const { images } = await h.request({
        type: 'filter-images',
        subset: 0,
        filter: { ...NO_FILTER, [kind]: true },
      });
      expect([...images], kind).toEqual([1]);
    }
  });
});
