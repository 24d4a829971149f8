/**
 * Masks the page holds are not made again: an image view names each mask drawn by a token,
 * and a view asked for with that token held sends the mask without pixels, as long as its
 * pixels and colour are the very same.
 */
import { describe, expect, it } from 'vitest';
import { encodeMask, invertPatchSequence } from '../coco';
import { SentMasks } from './sentMasks';
import type { EngineHarness } from './testing/engineHarness';
import { openTinyWithPicture, TINY_MASK } from './testing/harnessFixture';

async function view(h: EngineHarness, held: string[], customColors = {}) {
  const { view } = await h.request({
    type: 'image-view',
    subset: 0,
    imageIndex: 0,
    customColors,
    held,
  });
  const mask = view.annotations.find((a) => a.kind === 'mask')!;
  return { view, mask: mask.kind === 'mask' ? mask.mask : null, tokens: view.maskTokens };
}

describe('masks the page holds', () => {
  it('are sent by token without pixels; others, and another colour, are made', async () => {
    const h = await openTinyWithPicture();
    const first = await view(h, []);
    expect(h.bitmapsMade).toHaveLength(1);
    expect(first.mask).toMatchObject({ x: TINY_MASK.x, width: TINY_MASK.width });
    expect(first.tokens).toEqual([[1, first.tokens[0]![1]]]);
    const token = first.tokens[0]![1];

    const again = await view(h, [token]);
    expect(h.bitmapsMade).toHaveLength(1);
    expect(again.mask).toBeNull();
    expect(again.tokens).toEqual([[1, token]]);

    // Not held (the page let it go): made again, under the same token.
    const notHeld = await view(h, ['another']);
    expect(h.bitmapsMade).toHaveLength(2);
    expect(notHeld.tokens).toEqual([[1, token]]);

    // Another colour is another bitmap.
    const green = await view(h, [token], { '2': '#00ff00' });
    expect(h.bitmapsMade).toHaveLength(3);
    expect(green.mask).not.toBeNull();
    expect(green.tokens[0]![1]).not.toBe(token);
  });

  it('an edited mask is made again; undone, its old token is back', async () => {
    const h = await openTinyWithPicture();
    const token = (await view(h, [])).tokens[0]![1];
    // Erase the mask's top left pixel (2, 1) with a 1-pixel brush.
    const { patch } = await h.request({
      type: 'edit',
      subset: 0,
      command: {
        type: 'paint',
        key: 1,
        imageIndex: 0,
        categoryId: 2,
        stroke: { points: [2.5, 1.5], size: 1 },
        erase: true,
      },
    });
    const erased = await view(h, [token]);
    expect(erased.mask).not.toBeNull();
    expect(erased.tokens[0]![1]).not.toBe(token);
    expect(h.bitmapsMade).toHaveLength(2);

    await h.request({ type: 'apply-patches', subset: 0, patches: [invertPatchSequence(patch)] });
    const undone = await view(h, [token, erased.tokens[0]![1]]);
    expect(undone.mask).toBeNull();
    expect(undone.tokens).toEqual([[1, token]]);
    expect(h.bitmapsMade).toHaveLength(2);
  });
});

describe("an edit's answer with the image's view", () => {
  it('sends the masks held by token, and the applied mask made while its preview showed', async () => {
    const h = await openTinyWithPicture();
    const token = (await view(h, [])).tokens[0]![1];
    const toMask = { type: 'convert-to-mask', key: 0, crowd: false } as const;
    await h.request({ type: 'preview-edit', subset: 0, command: toMask, customColors: {} });
    const { view: after } = await h.request({
      type: 'edit',
      subset: 0,
      command: toMask,
      view: { imageIndex: 0, customColors: {}, held: [token] },
    });
    // Made: the first view's mask, the preview's pixels, the applied mask ahead; none after.
    expect(h.bitmapsMade).toHaveLength(3);
    const masks = after!.annotations.map((a) => (a.kind === 'mask' ? a.mask : undefined));
    // The polygon's square (1..4 × 1..4) is now a mask, drawn; the held crowd mask is not sent.
    expect(masks[0]).toMatchObject({ x: 1, y: 1, width: 3, height: 3 });
    expect(masks[1]).toBeNull();
    expect(after!.maskTokens.map(([key]) => key)).toEqual([0, 1]);
    expect(after!.maskTokens[1]).toEqual([1, token]);
  });
});

describe('SentMasks', () => {
  const rle = (bits: number[]) => encodeMask(Uint8Array.from(bits), 2, bits.length / 2);

  it('gives the same token only to the same size, counts and colour', () => {
    const sent = new SentMasks();
    const a = sent.tokenOf(rle([1, 0, 0, 1]), [0, 0, 7]);
    expect(sent.tokenOf(rle([1, 0, 0, 1]), [0, 0, 7])).toBe(a);
    expect(sent.tokenOf(rle([1, 0, 0, 1]), [0, 1, 7])).not.toBe(a);
    // Same counts' length and ends, another middle.
    expect(sent.tokenOf(rle([1, 0, 1, 0, 0, 1]), [0, 0, 7])).not.toBe(a);
    expect(sent.tokenOf(rle([1, 1, 0, 0, 0, 1]), [0, 0, 7])).not.toBe(a);
    expect(sent.tokenOf({ size: [4, 1], counts: rle([1, 0, 0, 1]).counts }, [0, 0, 7])).not.toBe(a);
  });

  it('keeps its own copy of the counts', () => {
    const sent = new SentMasks();
    const mask = rle([1, 0, 0, 1]);
    const a = sent.tokenOf(mask, [0, 0, 7]);
    const same = { size: mask.size, counts: mask.counts.slice() };
    mask.counts[1] = 2;
    expect(sent.tokenOf(same, [0, 0, 7])).toBe(a);
  });
});
