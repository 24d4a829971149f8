/** `preview-edit`: what a mask command would do, answered without doing it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, encodeMask, invertPatchSequence, polygonsToRle, rleToBbox } from '../coco';
import type { MaskPixels } from './maskPixels';
import { PREVIEW_COLORS, type MaskCommand } from './protocol';
import { EngineHarness, sourcesOf } from './testing/engineHarness';
import { TINY_JSON } from './testing/harnessFixture';

/** A 10 × 8 crowd mask: a 5 × 5 ring (16 pixels) around a 3 × 3 hole, and a one-pixel speck at (8, 6). */
const H = 8;
const W = 10;
const RING = new Uint8Array(H * W);
for (let x = 1; x <= 5; x++)
  for (let y = 1; y <= 5; y++) if (!(x >= 2 && x <= 4 && y >= 2 && y <= 4)) RING[x * H + y] = 1;
RING[8 * H + 6] = 1;
const RLE = encodeMask(RING, H, W);
const MASK_JSON = JSON.stringify({
  images: [{ id: 1, file_name: 'a.jpg', width: W, height: H }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: { size: [H, W], counts: Array.from(RLE.counts) },
      area: 17,
      bbox: [...rleToBbox(RLE)],
      iscrowd: 1,
    },
  ],
  categories: [{ id: 1, name: 'cat' }],
});

async function opened(json: string) {
  const h = new EngineHarness();
  await h.request({ type: 'open', files: sourcesOf({ 'instances_default.json': json }) });
  return h;
}

async function exported(h: EngineHarness) {
  const settings = { ...DEFAULT_EXPORT, includeImages: false };
  const { files } = await h.request({ type: 'export', format: 'json', subset: 0, settings });
  return files[0]!.blob.text();
}

/** The colour drawn at image pixel (x, y) of a preview's pixels; null when transparent. */
function colorAt(px: MaskPixels, x: number, y: number): number[] | null {
  const i = ((y - px.y) * px.width + (x - px.x)) * 4;
  if (x < px.x || y < px.y || x >= px.x + px.width || y >= px.y + px.height) return null;
  return px.rgba[i + 3] === 0 ? null : [px.rgba[i]!, px.rgba[i + 1]!, px.rgba[i + 2]!];
}

async function preview(h: EngineHarness, command: MaskCommand) {
  return (await h.request({ type: 'preview-edit', subset: 0, command })).preview;
}

describe('preview-edit', () => {
  it('fill holes: the 9 pixels of the hole added, IoU 17/26; nothing applied', async () => {
    const h = await opened(MASK_JSON);
    const before = await exported(h);
    const p = await preview(h, { type: 'fill-holes', key: 0 });
    expect(p).toMatchObject({ added: 9, removed: 0, parts: 2, points: null, rle: null });
    expect(p.iou).toBeCloseTo(17 / 26, 12);
    const px = h.bitmapsMade.at(-1)!;
    expect([px.x, px.y, px.width, px.height]).toEqual([2, 2, 3, 3]);
    expect(colorAt(px, 3, 3)).toEqual([...PREVIEW_COLORS.added]);
    expect(colorAt(px, 4, 2)).toEqual([...PREVIEW_COLORS.added]);
    expect(p.image).toMatchObject({ x: 2, y: 2, width: 3, height: 3 });
    expect(await exported(h)).toBe(before);
  });

  it('remove specks: the speck is drawn as removed, the ring not at all', async () => {
    const h = await opened(MASK_JSON);
    const p = await preview(h, { type: 'remove-specks', key: 0, minPixels: 2 });
    expect(p).toMatchObject({ added: 0, removed: 1, parts: 1 });
    const px = h.bitmapsMade.at(-1)!;
    expect(colorAt(px, 8, 6)).toEqual([...PREVIEW_COLORS.removed]);
    expect(colorAt(px, 1, 1)).toBeNull();
  });

  it('mask → polygons: parts and points; the changed pixels are the polygon raster’s', async () => {
    const h = await opened(MASK_JSON);
    const p = await preview(h, { type: 'convert-to-polygons', key: 0, tolerance: 0 });
    // The ring's outline encloses its hole (9 pixels added); the speck is its own 4-point part.
    expect(p).toMatchObject({ added: 9, removed: 0, parts: 2, points: 8 });
    expect(p.iou).toBeCloseTo(17 / 26, 12);
    expect(colorAt(h.bitmapsMade.at(-1)!, 3, 3)).toEqual([...PREVIEW_COLORS.added]);
  });

  it('polygon → mask as a crowd: the RLE it writes, its pixels drawn as kept', async () => {
    const h = await opened(TINY_JSON);
    const p = await preview(h, { type: 'convert-to-mask', key: 0, crowd: true });
    expect(p).toMatchObject({ iou: 1, added: 0, removed: 0, parts: 1 });
    const rle = polygonsToRle([[1, 1, 4, 1, 4, 4, 1, 4]], 6, 8);
    expect(p.rle).toEqual({
      size: [6, 8],
      area: 9,
      bbox: [1, 1, 3, 3],
      countsStart: Array.from(rle.counts).join(','),
      compressed: false,
    });
    const px = h.bitmapsMade.at(-1)!;
    expect([px.x, px.y, px.width, px.height]).toEqual([1, 1, 3, 3]);
    expect(colorAt(px, 2, 2)).toEqual([...PREVIEW_COLORS.kept]);
  });

  it('refuses what the command cannot do, with a message', async () => {
    const h = await opened(TINY_JSON);
    await expect(preview(h, { type: 'convert-to-mask', key: 1, crowd: false })).rejects.toThrow(
      /only a polygon/,
    );
    const speckOnly = await opened(MASK_JSON);
    await expect(
      preview(speckOnly, { type: 'remove-specks', key: 0, minPixels: 100 }),
    ).rejects.toThrow(/no pixels/);
  });
});

describe('apply after a preview', () => {
  it('writes what was previewed, once; an edit in between makes it planned anew', async () => {
    const h = await opened(MASK_JSON);
    const command: MaskCommand = { type: 'fill-holes', key: 0 };
    await preview(h, command);
    const { patch } = await h.request({ type: 'edit', subset: 0, command });
    const written = (patch[0]!.patch[0] as { after: { area: number } }).after;
    expect(written.area).toBe(26);
    // Undone, the file is a new object: the same command is planned on it again.
    await h.request({ type: 'apply-patches', subset: 0, patches: [invertPatchSequence(patch)] });
    const again = await h.request({ type: 'edit', subset: 0, command });
    expect(again.patch).toEqual(patch);
  });
});
