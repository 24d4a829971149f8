/**
 * The mask an Apply draws is made while its preview shows: the view after the Apply sends
 * that bitmap and makes no other.
 */
import { describe, expect, it, vi } from 'vitest';
import { categoryColor } from '../coco';
import { maskPixels, parseHexColor } from './maskPixels';
import type { EngineHarness } from './testing/engineHarness';
import { openTinyWithPicture } from './testing/harnessFixture';

const toMask = { type: 'convert-to-mask', key: 0, crowd: false } as const;

async function viewOfImage(h: EngineHarness) {
  return (await h.request({ type: 'image-view', subset: 0, imageIndex: 0, customColors: {} })).view;
}

describe('the mask an Apply draws, made ahead', () => {
  it('is made with the preview and sent with the view after the Apply', async () => {
    const h = await openTinyWithPicture();
    const { preview } = await h.request({
      type: 'preview-edit',
      subset: 0,
      command: toMask,
      customColors: {},
    });
    expect(preview.image).not.toBeNull();
    await h.request({ type: 'edit', subset: 0, command: toMask });
    const view = await viewOfImage(h);
    // Three bitmaps: the preview's, the converted polygon's made ahead, the dog's mask (the
    // page held none). The view made only the dog's.
    expect(h.bitmapsMade).toHaveLength(3);
    const [, ahead, dog] = h.bitmapsMade;
    // The pixels pycocotools rasterizes the square (1, 1)–(4, 4) to, in cat's colour (id 1).
    const color = parseHexColor(categoryColor(1, {}));
    const square = { size: [6, 8], counts: Uint32Array.from([7, 3, 3, 3, 3, 3, 26]) } as const;
    expect(ahead).toEqual(maskPixels({ size: [6, 8], counts: square.counts }, color));
    expect(dog).toMatchObject({ x: 2, y: 1, width: 2, height: 4 });
    const converted = view.annotations.find((a) => a.key === 0)!;
    expect(converted.kind === 'mask' && converted.mask).toMatchObject({ x: 1, y: 1, width: 3 });

    // Sent once: the next view, the page holding nothing, makes both masks.
    await viewOfImage(h);
    expect(h.bitmapsMade).toHaveLength(5);
  });

  it('is not made without the colours, nor for polygons', async () => {
    const h = await openTinyWithPicture();
    await h.request({ type: 'preview-edit', subset: 0, command: toMask });
    expect(h.bitmapsMade).toHaveLength(1);
    const toPolygons = { type: 'convert-to-polygons', key: 1, tolerance: 0 } as const;
    await h.request({ type: 'preview-edit', subset: 0, command: toPolygons, customColors: {} });
    const previews = h.bitmapsMade.length;
    await h.request({ type: 'edit', subset: 0, command: toPolygons });
    await viewOfImage(h);
    // The view drew no mask (both are polygons now), and nothing was made ahead.
    expect(h.bitmapsMade).toHaveLength(previews);
  });

  it('zoomed out, is made as the canvas shows it; the whole mask comes when asked for', async () => {
    const h = await openTinyWithPicture();
    // Half a device pixel per image pixel: the 8 × 6 image takes 4 × 3 device pixels.
    const shown = { scale: 0.5, x: 0, y: 0, ratio: 1 };
    await h.request({ type: 'preview-edit', subset: 0, command: toMask, shown, customColors: {} });
    // The preview's bitmap, then (after the preview's answer) the Apply's.
    await vi.waitFor(() => expect(h.bitmapsMade).toHaveLength(2));
    const { view } = await h.request({
      type: 'edit',
      subset: 0,
      command: toMask,
      view: { imageIndex: 0, customColors: {} },
    });
    const converted = view!.annotations.find((a) => a.key === 0)!;
    const sampled = converted.kind === 'mask' ? converted.mask! : null;
    // The square (1, 1)–(4, 4) is image pixels 1..3 each way; device pixel 1 (centre 1.5)
    // samples image pixel 2 of each, the only device pixel whose sample is in the square:
    // one bitmap pixel, drawn over image pixels 2..3.
    expect(sampled).toMatchObject({ sampled: true, x: 2, y: 2, width: 2, height: 2 });
    expect(sampled!.bitmap).toMatchObject({ width: 1, height: 1 });
    const color = parseHexColor(categoryColor(1, {}));
    expect(Array.from(h.bitmapsMade[1]!.rgba)).toEqual([...color, 255]);

    const token = view!.maskTokens.find(([key]) => key === 0)![1];
    const { image } = await h.request({ type: 'whole-mask', token });
    expect(image).toMatchObject({ x: 1, y: 1, width: 3, height: 3 });
    expect(image!.sampled).toBeUndefined();
    const square = { size: [6, 8], counts: Uint32Array.from([7, 3, 3, 3, 3, 3, 26]) } as const;
    expect(h.bitmapsMade.at(-1)).toEqual(
      maskPixels({ size: [6, 8], counts: square.counts }, color),
    );

    expect((await h.request({ type: 'whole-mask', token: 'never-sent' })).image).toBeNull();
  });
});
