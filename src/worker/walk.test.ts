import { describe, expect, it } from 'vitest';
import type { WalkKind, WalkStop } from './protocol';
import { corpusFiles, EngineHarness, sourcesOf } from './testing/engineHarness';

/** Five images; image i has annotations 10i+1 (crowd when i is odd) and 10i+2. */
const IMAGES = 5;
const annotations = Array.from({ length: IMAGES }, (_, i) => [
  {
    id: 10 * i + 1,
    image_id: i + 1,
    category_id: 1,
    bbox: [0, 0, 4, 4],
    area: 16,
    iscrowd: i % 2,
    segmentation: i % 2 ? { size: [8, 8], counts: [0, 4, 60] } : [[0, 0, 4, 0, 4, 4]],
  },
  { id: 10 * i + 2, image_id: i + 1, category_id: 1, bbox: [5, 5, 2, 2], area: 4, iscrowd: 0 },
]).flat();
const JSON_TEXT = JSON.stringify({
  images: Array.from({ length: IMAGES }, (_, i) => ({
    id: i + 1,
    file_name: `${i}.jpg`,
    width: 8,
    height: 8,
  })),
  // Listed out of image order: the walk follows the images, not the file.
  annotations: [...annotations].reverse(),
  categories: [{ id: 1, name: 'thing' }],
});

async function opened() {
  const h = new EngineHarness();
  await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': JSON_TEXT }) });
  return h;
}

/** The ids a walk visits from `from`, `n` steps. */
async function walkIds(h: EngineHarness, kind: WalkKind, from: WalkStop, step: 1 | -1, n: number) {
  const ids: string[] = [];
  let at = from;
  for (let k = 0; k < n; k++) {
    const walked = await h.request({ type: 'walk', subset: 0, kind, from: at, step });
    if (walked.stop === null) break;
    const seen = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: walked.stop.imageIndex,
      customColors: {},
    });
    const a = seen.view.annotations.find((x) => x.key === walked.stop!.key)!;
    ids.push(`${String(a.id)} (${walked.position}/${walked.total})`);
    at = walked.stop;
  }
  return ids;
}

describe('walk (N / Shift+N)', () => {
  it('visits every crowd annotation in image order, then wraps to the first', async () => {
    const h = await opened();
    expect(await walkIds(h, 'crowd', { imageIndex: 0, key: null }, 1, 3)).toEqual([
      '11 (1/2)',
      '31 (2/2)',
      '11 (1/2)',
    ]);
  });

  it('goes back from an image with no selection to the last stop before it', async () => {
    const h = await opened();
    expect(await walkIds(h, 'crowd', { imageIndex: 2, key: null }, -1, 2)).toEqual([
      '11 (1/2)',
      '31 (2/2)',
    ]);
  });

  it('walks every annotation when no kind is chosen, in the list order of each image', async () => {
    const h = await opened();
    const listed: string[] = [];
    for (let i = 0; i < IMAGES; i++) {
      const { view } = await h.request({
        type: 'image-view',
        subset: 0,
        imageIndex: i,
        customColors: {},
      });
      listed.push(...view.annotations.map((a) => String(a.id)));
    }
    const ids = await walkIds(h, 'annotation', { imageIndex: 0, key: null }, 1, 2 * IMAGES);
    expect(ids.map((s) => s.split(' ')[0])).toEqual(listed);
  });

  it('walks the edited annotations, and answers no stop when there is none', async () => {
    const h = await opened();
    const none = await h.request({
      type: 'walk',
      subset: 0,
      kind: 'edited',
      from: { imageIndex: 0, key: null },
      step: 1,
    });
    expect(none).toMatchObject({ stop: null, total: 0 });
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 3,
      customColors: {},
    });
    await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'set-score', keys: [view.annotations[1]!.key], score: 0.5 },
    });
    expect(await walkIds(h, 'edited', { imageIndex: 0, key: null }, 1, 1)).toEqual([
      `${String(view.annotations[1]!.id)} (1/1)`,
    ]);
  });

  it('walks what the checks found', async () => {
    const h = await opened();
    await h.request({ type: 'check', subset: 0 });
    const walked = await h.request({
      type: 'walk',
      subset: 0,
      kind: 'problem',
      from: { imageIndex: 0, key: null },
      step: 1,
    });
    // The tiny polygons' boxes disagree with their shapes: the checks name them.
    expect(walked.total).toBeGreaterThan(0);
    expect(walked.stop).not.toBeNull();
  });
});

describe('walk through mistakes (false positives and misses together)', () => {
  async function evaluated() {
    const h = new EngineHarness();
    const gt = corpusFiles('reference/eval', ['gt.json']);
    await h.request({ type: 'open', files: sourcesOf({ 'instances_val.json': gt['gt.json']! }) });
    await h.request({
      type: 'add-predictions',
      subset: 0,
      files: sourcesOf(corpusFiles('reference/eval', ['dt.json'])),
    });
    await h.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
    return h;
  }

  /** Every stop of a walk from the first image, once round. */
  async function allStops(h: EngineHarness, kind: WalkKind) {
    const stops: string[] = [];
    let from: WalkStop = { imageIndex: 0, key: null };
    for (;;) {
      const walked = await h.request({ type: 'walk', subset: 0, kind, from, step: 1 });
      if (walked.stop === null || walked.position <= stops.length) break;
      const { imageIndex, key, prediction } = walked.stop;
      stops.push(`${imageIndex}:${prediction ? 'dt' : 'gt'}${key}`);
      from = walked.stop;
    }
    return stops;
  }

  it('visits every miss and every false positive, image by image, misses first', async () => {
    const h = await evaluated();
    const misses = await allStops(h, 'miss');
    const falsePositives = await allStops(h, 'false-positive');
    const mistakes = await allStops(h, 'mistake');
    expect(misses.length).toBeGreaterThan(0);
    expect(falsePositives.length).toBeGreaterThan(0);
    expect([...mistakes].sort()).toEqual([...misses, ...falsePositives].sort());
    const image = (s: string) => Number(s.split(':')[0]);
    const rank = (s: string) => image(s) * 2 + (s.includes(':dt') ? 1 : 0);
    for (let k = 1; k < mistakes.length; k++)
      expect(rank(mistakes[k]!)).toBeGreaterThanOrEqual(rank(mistakes[k - 1]!));
  });

  it('steps back from a false positive to the stop before it', async () => {
    const h = await evaluated();
    const mistakes = await allStops(h, 'mistake');
    const at = mistakes.findIndex((s, k) => k > 0 && s.includes(':dt'));
    const [imageIndex, rest] = mistakes[at]!.split(':') as [string, string];
    const walked = await h.request({
      type: 'walk',
      subset: 0,
      kind: 'mistake',
      from: { imageIndex: Number(imageIndex), key: Number(rest.slice(2)), prediction: true },
      step: -1,
    });
    const { stop } = walked;
    expect(`${stop!.imageIndex}:${stop!.prediction ? 'dt' : 'gt'}${stop!.key}`).toBe(
      mistakes[at - 1],
    );
    expect(walked.position).toBe(at);
  });
});
