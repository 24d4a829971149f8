import { describe, expect, it } from 'vitest';
import { steppedBrushSize } from './toolSlice';

describe('brush size steps ([ and ])', () => {
  it('goes one pixel at a time when small and about a fifth at a time when large, within 1..500', () => {
    const up: number[] = [1];
    while (up[up.length - 1]! < 500) up.push(steppedBrushSize(up[up.length - 1]!, 1));
    expect(up.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(up).toContain(500);
    expect(steppedBrushSize(500, 1)).toBe(500);
    expect(steppedBrushSize(100, 1)).toBe(120);
    expect(steppedBrushSize(120, -1)).toBe(100);
    expect(steppedBrushSize(2, -1)).toBe(1);
    expect(steppedBrushSize(1, -1)).toBe(1);
  });
});
