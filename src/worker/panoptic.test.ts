import { describe, expect, it } from 'vitest';
import { findSegmentMap, segmentMasks } from './panoptic';

describe('panoptic segment maps', () => {
  it('finds the map in a panoptic folder before any other file of that name', () => {
    const paths = ['images/val/b.png', 'annotations/panoptic_val/b.png'];
    expect(findSegmentMap(paths, 'b.png')).toBe(1);
    expect(findSegmentMap(['b.png'], 'b.png')).toBe(0);
    expect(findSegmentMap(paths, 'c.png')).toBe(-1);
  });

  it('paints each segment where the map holds its id (R + 256·G + 256²·B)', () => {
    // 3 wide × 2 high; segment 7 = (7,0,0) at (0,0) and (1,1); segment 258 = (2,1,0) at (2,0).
    const data = new Uint8ClampedArray(3 * 2 * 4);
    const put = (x: number, y: number, rgb: number[]) => data.set([...rgb, 255], (y * 3 + x) * 4);
    put(0, 0, [7, 0, 0]);
    put(1, 1, [7, 0, 0]);
    put(2, 0, [2, 1, 0]);
    const masks = segmentMasks({ data, width: 3, height: 2 }, [
      { key: 1, segmentId: 7, color: '#ff0000' },
      { key: 2, segmentId: 258, color: '#00ff00' },
    ]);
    const a = masks.get(1)!;
    expect([a.x, a.y, a.width, a.height]).toEqual([0, 0, 2, 2]);
    expect(Array.from(a.rgba.slice(0, 4))).toEqual([255, 0, 0, 255]);
    expect(a.rgba[(1 * 2 + 0) * 4 + 3]).toBe(0);
    expect(a.rgba[(1 * 2 + 1) * 4 + 3]).toBe(255);
    const b = masks.get(2)!;
    expect([b.x, b.y, b.width, b.height]).toEqual([2, 0, 1, 1]);
  });
});
