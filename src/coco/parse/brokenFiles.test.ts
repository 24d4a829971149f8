/** Files that are broken or hostile: a located message, bounded work, never an allocation to match. */
import { describe, expect, it } from 'vitest';
import { parseCoco } from './parseCoco';

describe('parseCoco names what a broken file is', () => {
  it.each([
    ['NaN written by Python', '{"images":[{"id":1,"width":NaN}]}', /NaN is not valid JSON/],
    ['Infinity', '{"annotations":[{"area":Infinity}]}', /Infinity is not valid JSON/],
    ['trailing garbage', '{"images":[]} xyz', /line 1, column 15/],
    ['a PNG named .json', '\u0089PNG\r\n\u001a\n\u0000\u0000', /PNG image/],
    ['a zip named .json', 'PK\u0003\u0004\u0014\u0000', /zip archive/],
    ['Latin-1 bytes decoded as UTF-8', '\uFFFD\uFFFD\uFFFD', /binary file/],
  ])('%s', (_what, text, message) => {
    const p = parseCoco(text).problems[0]!;
    expect(p.code).toBe('invalid-json');
    expect(p.message).toMatch(message);
  });

  it('a polygon with a million points parses reading each value a few times, copying none', () => {
    const values = Array.from({ length: 2_000_000 }, (_, i) =>
      i % 2 === 0 ? (i / 2) % 640 : Math.floor(i / 2000) % 480,
    );
    // Work, not time (time is npm run bench's): every read of a value is counted.
    let reads = 0;
    const points = new Proxy(values, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const file = {
      images: [{ id: 1, width: 640, height: 480 }],
      categories: [{ id: 1, name: 'a' }],
      annotations: [{ id: 1, image_id: 1, category_id: 1, segmentation: [points] }],
    };
    const result = parseCoco(file);
    const segmentation = result.dataset?.annotations.at(0)?.segmentation;
    expect(segmentation?.kind).toBe('polygons');
    // The file's own array is the model's (no copy of 2 million numbers)...
    expect(segmentation?.kind === 'polygons' && segmentation.polygons[0]).toBe(points);
    // ...and each value is read a bounded number of times, not once per other value.
    expect(reads).toBeLessThanOrEqual(4 * values.length);
  });

  it('coordinates in the billions are refused by the rasterizer with a clear error, not an allocation', async () => {
    const { polygonsToRle } = await import('../polygon');
    expect(() => polygonsToRle([[0, 0, 1e12, 0, 1e12, 1e12]], 480, 640)).toThrow(
      /too long to rasterize/,
    );
  });
});
