/** Mask bitmaps shared by token: held while a view draws them, lingering a while after. */
import { describe, expect, it, vi } from 'vitest';
import type { MaskImage } from '../worker/protocol';
import {
  holdMask,
  pinMasks,
  releaseMask,
  subscribeWholeMasks,
  takeWholeMask,
  wholeMasksVersion,
} from './heldMasks';

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

  it('a whole mask takes a sampled one’s place in every view holding it', () => {
    vi.useFakeTimers();
    const sampled = mask(100, 75);
    Object.assign(sampled.image, { x: 0.5, y: 0, width: 400, height: 300, sampled: true });
    const whole = mask(400, 300);
    const image = holdMask('s1', sampled.image, 'image 4')!;
    // A second view draws the same object.
    expect(holdMask('s1', undefined, 'image 4')).toBe(image);
    let told = 0;
    const stop = subscribeWholeMasks(() => told++);
    const version = wholeMasksVersion();

    takeWholeMask('s1', whole.image);
    expect(image).toEqual({ bitmap: whole.image.bitmap, x: 0, y: 0, width: 400, height: 300 });
    expect([told, wholeMasksVersion()]).toEqual([1, version + 1]);
    // Closed once the views have drawn the whole one; the whole one is kept.
    expect(sampled.state.closed).toBe(false);
    vi.runAllTimers();
    expect([sampled.state.closed, whole.state.closed]).toEqual([true, false]);

    // Whole already, or not held: a mask sent again is closed unused.
    const again = mask(400, 300);
    takeWholeMask('s1', again.image);
    const stray = mask(400, 300);
    takeWholeMask('never held', stray.image);
    expect([again.state.closed, stray.state.closed, told]).toEqual([true, true, 1]);
    stop();
    releaseMask('s1');
    releaseMask('s1');
    vi.useRealTimers();
  });
});
