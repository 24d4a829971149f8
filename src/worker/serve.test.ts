/**
 * Each message of the protocol, answered by the engine through serve.ts as in the worker
 * (edits, exports and predictions: serveEdits.test.ts, servePredictions.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT } from '../coco';
import type { MaskPixels } from './maskPixels';
import { NO_FILTER, ImageFlag, type ImageFilter } from './protocol';
import { bytesOf, corpusFiles, EngineHarness, sourcesOf } from './testing/engineHarness';
import { PICTURE_A, TINY_JSON, TINY_MASK } from './testing/harnessFixture';

async function openTiny(files: Record<string, string> = { 'a.jpg': PICTURE_A }) {
  const h = new EngineHarness();
  await h.request({
    type: 'open',
    files: sourcesOf({ 'instances_default.json': TINY_JSON, ...files }),
  });
  h.forgetMade();
  return h;
}

describe('open', () => {
  it('answers the summary of the subset, after progress through each phase', async () => {
    const h = new EngineHarness();
    const files = sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });
    const { answer, progress } = await h.send({ type: 'open', files });
    expect(answer?.type).toBe('opened');
    if (answer?.type !== 'opened') return;
    const [subset] = answer.summary.subsets;
    expect(answer.summary.subsets).toHaveLength(1);
    expect(subset!.name).toBe('default');
    expect(subset!.images.fileNames).toEqual(['a.jpg', 'b.jpg']);
    expect(subset!.categories.map((c) => [c.name, c.annotationCount])).toEqual([
      ['cat', 2],
      ['dog', 1],
    ]);
    expect([subset!.annotationCount, subset!.crowdCount, subset!.imagesFound]).toEqual([3, 1, 1]);
    expect(subset!.imagesMissing).toEqual(['b.jpg']);
    expect(answer.summary.pictureCount).toBe(1);
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['listing', 'reading', 'parsing', 'indexing', 'matching']);
    expect(progress.every((p) => p.id === answer.id && p.done <= p.total)).toBe(true);
  });

  it('sends the view of the image shown first with its answer, the one the URL names if any', async () => {
    const h = new EngineHarness();
    const files = sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });
    const first = await h.send({ type: 'open', files });
    if (first.answer?.type !== 'opened') throw new Error('not opened');
    const view = first.answer.firstView!;
    // What an image-view request answers for the same image (bitmaps are made anew: their
    // places and sizes compare, not their identities).
    const asked = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    expect(JSON.stringify(view)).toBe(JSON.stringify(asked.view));
    expect(view.annotations.map((a) => a.id)).toEqual([1, 2]);
    expect(await view.picture!.text()).toBe(PICTURE_A);
    // The crowd mask's bitmap is moved with the answer, not copied.
    expect(first.transfer).toHaveLength(1);

    const named = await h.request({ type: 'open', files, firstImage: 'b.jpg' });
    expect([named.firstView!.imageIndex, named.firstView!.annotations.map((a) => a.id)]).toEqual([
      1,
      [3],
    ]);
    const byId = await h.request({ type: 'open', files, firstImage: '2' });
    expect(byId.firstView!.imageIndex).toBe(1);
    const unknown = await h.request({ type: 'open', files, firstImage: 'c.jpg' });
    expect(unknown.firstView!.imageIndex).toBe(0);
  });

  it('answers no first view when the dataset has no image', async () => {
    const h = new EngineHarness();
    const empty = JSON.stringify({ images: [], annotations: [], categories: [] });
    const { summary, firstView } = await h.request({
      type: 'open',
      files: sourcesOf({ 'instances_default.json': empty }),
    });
    expect([summary.subsets[0]!.images.ids.length, firstView]).toEqual([0, null]);
  });

  it('answers failed with the file and what is wrong when the file is not COCO', async () => {
    const h = new EngineHarness();
    const files = sourcesOf(corpusFiles('quirks', ['not-coco-annotations-object.json']));
    const { answer } = await h.send({ type: 'open', files });
    expect(answer?.type).toBe('failed');
    if (answer?.type !== 'failed') return;
    expect(answer.error.file).toBe('not-coco-annotations-object.json');
    expect(answer.error.message).toMatch(/annotations/);
  });
});

describe('add-images', () => {
  it('matches pictures given after the json to their images', async () => {
    const h = await openTiny({});
    const { summary } = await h.request({
      type: 'add-images',
      files: sourcesOf({ 'a.jpg': PICTURE_A, 'images/b.jpg': 'JPEG b' }),
    });
    expect(summary.subsets[0]!.imagesFound).toBe(2);
    expect(summary.subsets[0]!.imagesMissing).toEqual([]);
    expect(summary.pictureCount).toBe(2);
    expect(summary.subsets[0]!.images.flags[1]! & ImageFlag.hasFile).toBe(ImageFlag.hasFile);
  });
});

describe('image-view', () => {
  it("answers the image's annotations, its picture, and each mask as a bitmap moved to the page", async () => {
    const h = await openTiny();
    const { answer, transfer } = await h.send({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: { '2': '#00ff00' },
    });
    if (answer?.type !== 'image-view') throw new Error(`answered ${answer?.type}`);
    const { view } = answer;
    expect(view.annotations.map((a) => [a.id, a.kind, a.iscrowd])).toEqual([
      [1, 'polygon', false],
      [2, 'mask', true],
    ]);
    const polygon = view.annotations[0]!;
    expect(polygon.kind === 'polygon' && polygon.polygons).toEqual([[1, 1, 4, 1, 4, 4, 1, 4]]);
    expect(new TextDecoder().decode(await bytesOf(view.picture!))).toBe(PICTURE_A);
    expect(view.picture!.type).toBe('image/jpeg');
    // The crowd mask: one bitmap of its 2×4 crop, every pixel set in its category's colour.
    expect(h.bitmapsMade).toHaveLength(1);
    const px = h.bitmapsMade[0]!;
    expect([px.x, px.y, px.width, px.height]).toEqual([
      TINY_MASK.x,
      TINY_MASK.y,
      TINY_MASK.width,
      TINY_MASK.height,
    ]);
    const opaque = Array.from({ length: px.width * px.height }, (_, i) => px.rgba[i * 4 + 3]!);
    expect(opaque.filter((a) => a > 0)).toHaveLength(TINY_MASK.pixels);
    expect([...px.rgba.slice(0, 3)]).toEqual([0, 255, 0]);
    const crowd = view.annotations[1]!;
    const mask = 'mask' in crowd ? crowd.mask : null;
    expect(mask).toMatchObject({ x: 2, y: 1, width: 2, height: 4 });
    expect(transfer).toEqual([mask?.bitmap]);
  });

  it('answers an image without a found picture with none, and no error', async () => {
    const h = await openTiny();
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 1,
      customColors: {},
    });
    expect(view.annotations.map((a) => [a.id, a.kind])).toEqual([[3, 'box']]);
    expect([view.picture, view.pictureError]).toEqual([null, null]);
    expect(h.bitmapsMade).toEqual([]);
  });
});

describe('image-view of a panoptic image', () => {
  it('hands its PNG segment map to the decoder, and each segment becomes a bitmap', async () => {
    const dir = 'quirks/panoptic-repeated-ids';
    const files = corpusFiles(dir, ['panoptic.json', 'a.png', 'b.png']);
    // The map of a.png as the browser would decode it (4×2): segment 1 (colour 1,0,0) on
    // three pixels at the left, segment 2 (colour 2,0,0) on the four at the right.
    const ids = [1, 1, 2, 2, 1, 0, 2, 2];
    const h = new EngineHarness(() => ({
      data: Uint8ClampedArray.from(ids.flatMap((id) => [id, 0, 0, 255])),
      width: 4,
      height: 2,
    }));
    await h.request({ type: 'open', files: sourcesOf(files) });
    h.forgetMade();
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    expect(h.pngsDecoded).toHaveLength(1);
    expect(await bytesOf(h.pngsDecoded[0]!)).toEqual(files['a.png']);
    expect(
      view.annotations.map((a) => [a.kind, 'mask' in a && a.mask && [a.mask.x, a.mask.width]]),
    ).toEqual([
      ['segment', [0, 2]],
      ['segment', [2, 2]],
    ]);
    const opaque = (px: MaskPixels) => px.rgba.filter((_, i) => i % 4 === 3 && px.rgba[i]! > 0);
    expect(h.bitmapsMade.map((px) => [px.x, px.width, px.height, opaque(px).length])).toEqual([
      [0, 2, 2, 3],
      [2, 2, 2, 4],
    ]);
  });

  it('keeps the annotations when the segment map cannot be decoded, without masks', async () => {
    const files = corpusFiles('quirks/panoptic-repeated-ids', ['panoptic.json', 'a.png']);
    const h = new EngineHarness(); // its decoder throws, as a damaged PNG would
    await h.request({ type: 'open', files: sourcesOf(files) });
    h.forgetMade();
    const { view } = await h.request({
      type: 'image-view',
      subset: 0,
      imageIndex: 0,
      customColors: {},
    });
    expect(h.pngsDecoded).toHaveLength(1);
    expect(view.annotations.map((a) => [a.kind, 'mask' in a ? a.mask : undefined])).toEqual([
      ['segment', null],
      ['segment', null],
    ]);
  });
});

describe('filter-images', () => {
  it('answers the positions that pass, their buffer moved to the page', async () => {
    const h = await openTiny();
    const crowd = await h.send({
      type: 'filter-images',
      subset: 0,
      filter: { ...NO_FILTER, hasCrowd: true },
    });
    if (crowd.answer?.type !== 'images-filtered') throw new Error('not filtered');
    expect([...crowd.answer.images]).toEqual([0]);
    expect(crowd.transfer).toEqual([crowd.answer.images.buffer]);
    const byName = await h.request({
      type: 'filter-images',
      subset: 0,
      filter: { ...NO_FILTER, text: 'B.JP' },
    });
    expect([...byName.images]).toEqual([1]);
  });
});

describe('filter-images, field by field', () => {
  it('filters by category, annotation count, size, edited and not annotated', async () => {
    const h = await openTiny();
    const pass = async (filter: Partial<ImageFilter>) => [
      ...(
        await h.request({ type: 'filter-images', subset: 0, filter: { ...NO_FILTER, ...filter } })
      ).images,
    ];
    expect(await pass({ categories: ['2'] })).toEqual([0]);
    expect(await pass({ categories: ['1'] })).toEqual([0, 1]);
    expect(await pass({ annotationCount: { min: 2, max: null } })).toEqual([0]);
    expect(await pass({ annotationCount: { min: 0, max: 1 } })).toEqual([1]);
    expect(await pass({ size: { width: 8, height: 6 } })).toEqual([0, 1]);
    expect(await pass({ size: { width: 6, height: 8 } })).toEqual([]);
    expect(await pass({ notAnnotated: true })).toEqual([]);
    expect(await pass({ edited: true })).toEqual([]);
    await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'relabel', keys: [2], categoryId: 2 },
    });
    expect(await pass({ edited: true })).toEqual([1]);
    expect(await pass({ categories: ['2'] })).toEqual([0, 1]);
    // Deleting b.jpg's only annotation leaves it not annotated.
    await h.request({ type: 'edit', subset: 0, command: { type: 'delete', keys: [2] } });
    expect(await pass({ notAnnotated: true })).toEqual([1]);
    expect(await pass({ categories: ['1'] })).toEqual([0]);
  });
});

describe('picture', () => {
  it("answers the image's picture, or null when none was found", async () => {
    const h = await openTiny();
    const found = await h.request({ type: 'picture', subset: 0, imageIndex: 0 });
    expect(await found.picture!.text()).toBe(PICTURE_A);
    const missing = await h.request({ type: 'picture', subset: 0, imageIndex: 1 });
    expect(missing.picture).toBeNull();
  });
});

describe('check', () => {
  it('answers the findings, the flagged images and the counts, after progress', async () => {
    const h = new EngineHarness();
    // The box of annotation 3 runs past the right edge of its 8-pixel-wide image.
    const outside = TINY_JSON.replace(
      '"bbox": [0.0, 0.0, 3.0, 2.0]',
      '"bbox": [6.0, 0.0, 5.0, 2.0]',
    );
    await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': outside }) });
    const { answer, progress } = await h.send({ type: 'check', subset: 0 });
    if (answer?.type !== 'checked') throw new Error(`answered ${answer?.type}`);
    const finding = answer.findings.find((f) => f.kind === 'outside-image');
    expect(finding).toMatchObject({ annotationId: 3, imageIndex: 1, key: 2 });
    expect(answer.counts['outside-image']).toBe(1);
    expect([...answer.flagged]).toContain(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase === 'checking')).toBe(true);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    // The flag lands in the engine's table: the "problems" filter now finds the image.
    const filtered = await h.request({
      type: 'filter-images',
      subset: 0,
      filter: { ...NO_FILTER, hasProblems: true },
    });
    expect([...filtered.images]).toEqual([1]);
  });
});

describe('stats', () => {
  it("answers the subset's statistics", async () => {
    const h = await openTiny();
    const { stats } = await h.request({ type: 'stats', subset: 0 });
    expect(stats.annotations).toBe(3);
    expect(stats.imageSizes).toEqual([{ width: 8, height: 6, count: 2 }]);
    // All three are small (under 32² pixels), as COCOeval's area ranges count them.
    expect(stats.sizeClasses).toEqual({ small: 3, medium: 0, large: 0 });
  });
});

describe('preflight', () => {
  it('answers what other tools would refuse or change, with the file it is in', async () => {
    const h = await openTiny();
    const { findings } = await h.request({
      type: 'preflight',
      subset: 0,
      settings: DEFAULT_EXPORT,
    });
    expect(findings.map((f) => [f.kind, f.count, f.file])).toEqual([
      ['box-without-segmentation', 1, 'instances_default.json'],
    ]);
  });
});

describe('failed', () => {
  it('answers a request on an engine with no dataset as failed, by its id', async () => {
    const h = new EngineHarness();
    const { id, answer } = await h.send({
      type: 'edit',
      subset: 0,
      command: { type: 'delete', keys: [0] },
    });
    expect(answer).toEqual({
      type: 'failed',
      id,
      error: { file: '', place: '', message: 'no dataset is open' },
    });
  });
});
