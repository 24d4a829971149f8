/** Mask bitmaps shared by token: held while a view draws them, lingering a while after. */
import { describe, expect, it } from 'vitest';
import type { MaskImage } from '../worker/protocol';
import { holdMask, pinMasks, releaseMask } from './heldMasks';

/** A stand-in bitmap of `width` × `height` that records whether it was closed. */
function mask(width: number, height: number) {
  const state = { closed: false };
  const bitmap = { width, height, close: () => void (state.closed = true) } as ImageBitmap;
  const image: MaskImage = { bitmap, x: 0, y: 0, width, height };
  return { image, state };
}

describe('held masks', () => {
  it('a token sent again shares the held bitmap; the copy sent is closed', () => {
    const a = mask(10, 10);
    const b = mask(10, 10);
    expect(holdMask('t1', a.image, 'img')).toBe(a.image);
    expect(holdMask('t1', b.image, 'img')).toBe(a.image);
    expect(b.state.closed).toBe(true);
    expect(holdMask('t1', undefined, 'img')).toBe(a.image);
    expect(holdMask('unknown', undefined, 'img')).toBeUndefined();
    for (let i = 0; i < 3; i++) releaseMask('t1');
    expect(a.state.closed).toBe(false);
  });

  it('pins name the image’s masks only, and keep them while a view is asked for', () => {
    const a = mask(10, 10);
    const other = mask(10, 10);
    holdMask('p1', a.image, 'image 1');
    holdMask('p2', other.image, 'image 2');
    const pinned = pinMasks('image 1');
    expect(pinned.tokens).toEqual(['p1']);
    releaseMask('p1');
    expect(holdMask('p1', undefined, 'image 1')).toBe(a.image);
    pinned.unhold();
    releaseMask('p1');
    releaseMask('p2');
  });

  it('masks no view holds linger, the least recently let go closed first past 100 MB', () => {
    // 4000 × 3000 × 4 bytes: 48 MB each; two fit, the third pushes the first out.
    const big = [mask(4000, 3000), mask(4000, 3000), mask(4000, 3000)];
    big.forEach((m, i) => holdMask(`big${i}`, m.image, 'image 3'));
    releaseMask('big0');
    releaseMask('big1');
    expect(big.map((m) => m.state.closed)).toEqual([false, false, false]);
    // Back in a view: held again, not closed.
    expect(holdMask('big0', undefined, 'image 3')).toBe(big[0]!.image);
    releaseMask('big0');
    releaseMask('big2');
    expect(big.map((m) => m.state.closed)).toEqual([false, true, false]);
    expect(pinMasks('image 3').tokens.sort()).toEqual(['big0', 'big2']);
  });

  it('a lingering mask pinned for a view is held again: others are closed first past 100 MB', () => {
    const big = [mask(4000, 3000), mask(4000, 3000), mask(4000, 3000)];
    big.forEach((m, i) => holdMask(`pin${i}`, m.image, `image ${4 + i}`));
    releaseMask('pin0');
    releaseMask('pin1');
    // Asked for again: pinned while its view is made, so not among the lingering ones.
    const pinned = pinMasks('image 4');
    expect(pinned.tokens).toEqual(['pin0']);
    releaseMask('pin2');
    expect(big.map((m) => m.state.closed)).toEqual([false, false, false]);
    // Let go again: now the most recently let go, the first to close is pin1.
    pinned.unhold();
    expect(big.map((m) => m.state.closed)).toEqual([false, true, false]);
  });
});
