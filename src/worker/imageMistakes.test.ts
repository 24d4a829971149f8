/**
 * Each image's false positives and misses, as the evaluate and match-threshold answers
 * carry them, and the image list filtered and sorted by them (filter-images).
 */
import { describe, expect, it } from 'vitest';
import { NO_FILTER, type ImageFilter } from './protocol';
import { EngineHarness, sourcesOf } from './testing/engineHarness';

/** Per image: ground truths detected exactly, detections where nothing is, ground truths missed. */
const PLAN = [
  { hits: 1, strays: 0, missed: 0 },
  { hits: 1, strays: 2, missed: 0 },
  { hits: 0, strays: 1, missed: 1 },
  { hits: 0, strays: 0, missed: 3 },
  { hits: 2, strays: 1, missed: 1 },
];
const box = (k: number, y: number) => [10 + 30 * k, y, 20, 20];

function crafted() {
  const images = PLAN.map((_, i) => ({
    id: i + 1,
    file_name: `${i}.png`,
    width: 400,
    height: 100,
  }));
  const annotations = PLAN.flatMap((p, i) =>
    Array.from({ length: p.hits + p.missed }, (_, k) => ({
      id: 100 * (i + 1) + k,
      image_id: i + 1,
      category_id: 1,
      bbox: box(k, 10),
      area: 400,
      iscrowd: 0,
    })),
  );
  const detections = PLAN.flatMap((p, i) => [
    ...Array.from({ length: p.hits }, (_, k) => ({
      image_id: i + 1,
      category_id: 1,
      bbox: box(k, 10),
      score: 0.9,
    })),
    ...Array.from({ length: p.strays }, (_, k) => ({
      image_id: i + 1,
      category_id: 1,
      bbox: box(k, 60),
      score: 0.5,
    })),
  ]);
  const gt = { images, categories: [{ id: 1, name: 'thing' }], annotations };
  return { gt: JSON.stringify(gt), dt: JSON.stringify(detections) };
}

async function evaluated() {
  const h = new EngineHarness();
  const { gt, dt } = crafted();
  await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': gt }) });
  await h.request({ type: 'add-predictions', subset: 0, files: sourcesOf({ 'dt.json': dt }) });
  const answer = await h.request({ type: 'evaluate', subset: 0, iouType: 'bbox' });
  const filter = async (change: Partial<ImageFilter>) => [
    ...(await h.request({ type: 'filter-images', subset: 0, filter: { ...NO_FILTER, ...change } }))
      .images,
  ];
  return { h, answer, filter };
}

/** Image positions by `key` descending, the images' order among equals; those with key 0 left out. */
const worstFirst = (key: (p: (typeof PLAN)[number]) => number, keepZero = false) =>
  PLAN.map((p, i) => [key(p), i] as const)
    .filter(([n]) => keepZero || n > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);

describe('mistakes per image', () => {
  it('counts each image’s false positives and misses in the evaluate answer, moved not copied', async () => {
    const { h, answer } = await evaluated();
    expect([...answer.mistakes!.falsePositives]).toEqual(PLAN.map((p) => p.strays));
    expect([...answer.mistakes!.misses]).toEqual(PLAN.map((p) => p.missed));
    const sent = await h.send({ type: 'match-threshold', subset: 0, threshold: 0.5 });
    if (sent.answer?.type !== 'matched') throw new Error(`answered ${sent.answer?.type}`);
    const { falsePositives, misses } = sent.answer.mistakes!;
    expect(sent.transfer).toEqual([falsePositives.buffer, misses.buffer]);
  });

  it('filters by false positives, by misses, or by either, and sorts by the chosen key', async () => {
    const { filter } = await evaluated();
    const fp = (p: (typeof PLAN)[number]) => p.strays;
    const miss = (p: (typeof PLAN)[number]) => p.missed;
    const both = (p: (typeof PLAN)[number]) => p.strays + p.missed;
    expect(await filter({ falsePositives: true, sort: 'false-positives' })).toEqual(worstFirst(fp));
    expect(await filter({ misses: true, sort: 'misses' })).toEqual(worstFirst(miss));
    // Both: the union, here by most misses (images with false positives only come last).
    const union = await filter({ falsePositives: true, misses: true, sort: 'misses' });
    expect([...union].sort()).toEqual(worstFirst(both).sort());
    expect(union).toEqual(
      worstFirst(both).sort((a, b) => PLAN[b]!.missed - PLAN[a]!.missed || a - b),
    );
    // Only a filter: the images' order; only a sort: every image.
    expect(await filter({ falsePositives: true })).toEqual(worstFirst(fp).sort());
    expect(await filter({ sort: 'mistakes' })).toEqual(worstFirst(both, true));
  });

  it('counts again at another IoU threshold, and not over an edited ground truth', async () => {
    const { h, filter } = await evaluated();
    // Hits are exact: at 0.95 they still match, so the counts hold.
    const again = await h.request({ type: 'match-threshold', subset: 0, threshold: 0.95 });
    expect([...again.mistakes!.misses]).toEqual(PLAN.map((p) => p.missed));
    const view = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'set-crowd', keys: [view.view.annotations[0]!.key], on: true },
    });
    // The verdicts are stale: no image is known to have mistakes, the sort keeps the file order.
    expect(await filter({ misses: true })).toEqual([]);
    expect(await filter({ sort: 'misses' })).toEqual(PLAN.map((_, i) => i));
  });
});
