import { describe, expect, it } from 'vitest';
import { fitViewport, zoomAround } from './viewport';

describe('viewport', () => {
  it('fits a wide image to the box, centred', () => {
    const v = fitViewport({ width: 200, height: 100 }, { width: 400, height: 400 });
    expect(v.scale).toBeCloseTo(1.92);
    expect(v.x + 100 * v.scale).toBeCloseTo(200);
    expect(v.y + 50 * v.scale).toBeCloseTo(200);
  });

  it('zooming keeps the point under the pointer fixed', () => {
    const v = { scale: 2, x: 10, y: 20 };
    const p = { x: 110, y: 70 };
    const z = zoomAround(v, p, 1.5);
    expect((p.x - z.x) / z.scale).toBeCloseTo((p.x - v.x) / v.scale);
    expect((p.y - z.y) / z.scale).toBeCloseTo((p.y - v.y) / v.scale);
  });
});
