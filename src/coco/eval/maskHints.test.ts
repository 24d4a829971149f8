import { describe, expect, it } from 'vitest';
import { polygonsToRle } from '../mask';
import { rleIou } from '../overlap';
import { parseCoco } from '../parse/parseCoco';
import { seeded } from '../testing/mutate';
import { maskSides } from './iou';
import { maskPairIou } from './maskIou';
import { catalogOf } from './params';
import { dtTableOf, gtTableOf, detectionRle } from './prepare';

/**
 * Polygons of every kind the hints must not misjudge: small ones far apart in rows or in
 * columns, parts beyond the image, the 4-number box quirk, an odd trailing value, and
 * coordinates too large for the rasterizer's int cast (which draws them elsewhere).
 */
function randomPolygons(rand: () => number, w: number, h: number): number[][] {
  const int = (n: number) => Math.floor(rand() * n);
  const kind = int(10);
  const cx = rand() * (w + 20) - 10;
  const cy = rand() * (h + 20) - 10;
  const r = 0.5 + rand() * 6;
  const part = () => {
    const out: number[] = [];
    for (let i = 0, n = 3 + int(6); i < n; i++) {
      out.push(cx + (rand() - 0.5) * 2 * r, cy + (rand() - 0.5) * 2 * r);
    }
    return out;
  };
  if (kind === 0)
    return [
      [cx, cy, r, r * 2],
      [cx + 3, cy - 5, r, 1],
    ];
  if (kind === 1) return [[...part(), 7]];
  // 5x wraps by 2^32 in the int cast: drawn where x - 2^32 / 5 would be.
  if (kind === 2) return [part().map((v, i) => (i % 2 === 0 ? v + 2 ** 32 / 5 : v))];
  if (kind === 3) return [part(), part().map((v) => v + 9)];
  return [part()];
}

function randomCase(seed: number) {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const w = 20 + int(40);
  const h = 20 + int(40);
  const images = [{ id: 1, width: w, height: h, file_name: '1.jpg' }];
  const categories = [{ id: 1, name: 'c' }];
  const annotations = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: 1,
    segmentation: randomPolygons(rand, w, h),
    area: 1,
    bbox: [0, 0, 1, 1],
    iscrowd: rand() < 0.2 ? 1 : 0,
  }));
  const gt = parseCoco({ images, categories, annotations }).dataset!;
  const results = Array.from({ length: 12 }, () => {
    const x = rand() * w;
    const y = rand() * h;
    return rand() < 0.5
      ? { image_id: 1, category_id: 1, segmentation: randomPolygons(rand, w, h), score: 1 }
      : { image_id: 1, category_id: 1, bbox: [x, y, 1 + rand() * 8, 1 + rand() * 8], score: 1 };
  });
  // The first result decides loadRes' rule: a box, so that box results keep no mask.
  results.unshift({ image_id: 1, category_id: 1, bbox: [1, 1, 3, 3], score: 1 });
  return { gt, dt: parseCoco(results).dataset!, w, h };
}

describe('mask hints', () => {
  it("keep maskPairIou equal to rleIou of the masks, whatever the polygons' coordinates", () => {
    let disjoint = 0;
    let overlapping = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { gt, dt, w, h } = randomCase(seed);
      const catalog = catalogOf(gt);
      const gtTable = gtTableOf(gt, catalog, 'segm');
      const decoded = new Array<undefined>(dt.annotations.length);
      const dtTable = dtTableOf(dt, catalog, decoded);
      const { gtMasks, dtMasks } = maskSides(gt, dt, catalog, gtTable, dtTable, decoded);
      const image = catalog.images[0];
      for (let d = 0; d < dtTable.count; d++) {
        const dtMask = detectionRle(dt.annotations.at(d)!, dtTable, d, image);
        for (let g = 0; g < gtTable.count; g++) {
          const seg = gt.annotations.at(g)!.segmentation;
          const gtMask = seg.kind === 'polygons' ? polygonsToRle(seg.polygons, h, w) : null;
          const crowd = gtTable.crowd[g] === 1;
          const want = rleIou([dtMask], [gtMask!], [crowd])[0]![0]!;
          // A fresh gt side each time, so that the gt mask is judged by its hints first.
          const fresh = maskSides(gt, dt, catalog, gtTable, dtTable, decoded).gtMasks;
          expect(maskPairIou(dtMasks, d, fresh, g, crowd), `seed ${seed} d ${d} g ${g}`).toBe(want);
          expect(maskPairIou(dtMasks, d, gtMasks, g, crowd)).toBe(want);
          if (want > 0) overlapping++;
          else disjoint++;
        }
      }
    }
    // Both kinds of pairs were compared.
    expect(disjoint).toBeGreaterThan(1000);
    expect(overlapping).toBeGreaterThan(100);
  });
});
