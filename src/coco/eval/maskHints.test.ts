import { describe, expect, it } from 'vitest';
import { polygonsToRle, rleFromString, rleToString } from '../mask';
import { rleIou } from '../overlap';
import { parseCoco } from '../parse/parseCoco';
import { seeded } from '../testing/mutate';
import { confusionMatrix, evaluate } from './evaluate';
import { maskSidesSteps } from './iou';
import { maskPairIou, masksApart } from './maskIou';
import { catalogOf } from './params';
import { dtTableOf, gtTableOf, detectionRle } from './prepare';
import { drain } from './steps';

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
  const categories = [1, 2, 3].map((id) => ({ id, name: `c${id}` }));
  const annotations = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: 1 + int(3),
    segmentation: randomPolygons(rand, w, h),
    area: 1,
    bbox: [0, 0, 1, 1],
    iscrowd: rand() < 0.2 ? 1 : 0,
  }));
  const gt = parseCoco({ images, categories, annotations }).dataset!;
  const results = Array.from({ length: 12 }, () => {
    const x = rand() * w;
    const y = rand() * h;
    const category_id = 1 + int(3);
    const score = int(4) / 4;
    const near = annotations[int(annotations.length)]!.segmentation;
    // A ground truth found again, shifted a little, often labeled with another category.
    if (rand() < 0.4) {
      const dx = rand() * 2;
      return {
        image_id: 1,
        category_id,
        segmentation: near.map((part) => part.map((v, i) => (i % 2 === 0 ? v + dx : v))),
        score,
      };
    }
    return rand() < 0.5
      ? { image_id: 1, category_id, segmentation: randomPolygons(rand, w, h), score }
      : { image_id: 1, category_id, bbox: [x, y, 1 + rand() * 8, 1 + rand() * 8], score };
  });
  // The first result decides loadRes' rule: a box, so that box results keep no mask.
  results.unshift({ image_id: 1, category_id: 1, bbox: [1, 1, 3, 3], score: 1 });
  return { gt, dt: parseCoco(results).dataset!, w, h };
}

describe('mask hints', () => {
  it("keep maskPairIou equal to rleIou of the masks, whatever the polygons' coordinates", () => {
    let disjoint = 0;
    let overlapping = 0;
    let apart = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { gt, dt, w, h } = randomCase(seed);
      const catalog = catalogOf(gt);
      const gtTable = gtTableOf(gt, catalog, 'segm');
      const decoded = new Array<undefined>(dt.annotations.length);
      const dtTable = dtTableOf(dt, catalog, decoded);
      const { gtMasks, dtMasks } = drain(
        maskSidesSteps(gt, dt, catalog, gtTable, dtTable, decoded),
      );
      const image = catalog.images[0];
      for (let d = 0; d < dtTable.count; d++) {
        const dtMask = detectionRle(dt.annotations.at(d)!, dtTable, d, image);
        for (let g = 0; g < gtTable.count; g++) {
          const seg = gt.annotations.at(g)!.segmentation;
          const gtMask = seg.kind === 'polygons' ? polygonsToRle(seg.polygons, h, w) : null;
          const crowd = gtTable.crowd[g] === 1;
          const want = rleIou([dtMask], [gtMask!], [crowd])[0]![0]!;
          // A fresh gt side each time, so that the gt mask is judged by its hints first.
          const fresh = drain(maskSidesSteps(gt, dt, catalog, gtTable, dtTable, decoded)).gtMasks;
          expect(maskPairIou(dtMasks, d, fresh, g, crowd), `seed ${seed} d ${d} g ${g}`).toBe(want);
          expect(maskPairIou(dtMasks, d, gtMasks, g, crowd)).toBe(want);
          // Judged apart from their ranges only: then the IoU is 0.
          if (masksApart(dtMasks, d, fresh, g)) {
            expect(want, `seed ${seed} d ${d} g ${g}`).toBe(0);
            apart++;
          }
          if (want > 0) overlapping++;
          else disjoint++;
        }
      }
    }
    // Both kinds of pairs were compared.
    expect(disjoint).toBeGreaterThan(1000);
    expect(overlapping).toBeGreaterThan(100);
    expect(apart).toBeGreaterThan(disjoint / 2);
  });
});

describe('the confusion matrix at another threshold', () => {
  it('equals an evaluation matched at that threshold (pairs cached or known apart)', () => {
    let offDiagonal = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { gt, dt } = randomCase(seed);
      const { state } = evaluate(gt, dt, 'segm');
      for (const t of [0.05, 0.3, 0.5, 0.8]) {
        const again = confusionMatrix(state, t);
        const fresh = evaluate(gt, dt, 'segm', { matchThreshold: t }).confusion;
        expect(Array.from(again.counts), `seed ${seed} at ${t}`).toEqual(Array.from(fresh.counts));
        const K = fresh.categoryIds.length + 1;
        fresh.counts.forEach((v, i) => {
          if (i % K !== Math.floor(i / K) && i % K < K - 1 && i < K * (K - 1)) offDiagonal += v;
        });
      }
    }
    // Detections were confused with ground truths of other categories.
    expect(offDiagonal).toBeGreaterThan(60);
  });
});

describe('masks image by image', () => {
  it("give every cell's IoUs and the confusion's pairs as rleIou does, buffers reused", () => {
    let compared = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rand = seeded(1000 + seed);
      const int = (n: number) => Math.floor(rand() * n);
      const images = [1, 2, 3, 4].map((id) => ({
        id,
        width: 20 + int(40),
        height: 20 + int(40),
        file_name: `${id}.jpg`,
      }));
      const categories = [1, 2].map((id) => ({ id, name: `c${id}` }));
      const annotations = Array.from({ length: 30 }, (_, i) => {
        const im = images[int(4)]!;
        return {
          id: i + 1,
          image_id: im.id,
          category_id: 1 + int(2),
          segmentation: randomPolygons(rand, im.width, im.height),
          area: 1,
          bbox: [0, 0, 1, 1],
          iscrowd: rand() < 0.2 ? 1 : 0,
        };
      });
      // Masks as detectors write them: compressed RLE strings, decoded by the evaluator.
      const results = Array.from({ length: 30 }, () => {
        const im = images[int(4)]!;
        const rle = polygonsToRle(randomPolygons(rand, im.width, im.height), im.height, im.width);
        return {
          image_id: im.id,
          category_id: 1 + int(2),
          segmentation: { size: [im.height, im.width], counts: rleToString(rle) },
          score: int(4) / 4,
        };
      });
      const gt = parseCoco({ images, categories, annotations }).dataset!;
      const dt = parseCoco(results).dataset!;
      const { cells, pairs } = evaluate(gt, dt, 'segm').state;
      const maskOf = (dp: number) => {
        const im = images.find((x) => x.id === results[dp]!.image_id)!;
        return rleFromString(results[dp]!.segmentation.counts, im.height, im.width);
      };
      const gtMaskOf = (gp: number) => {
        const im = images.find((x) => x.id === annotations[gp]!.image_id)!;
        return polygonsToRle(annotations[gp]!.segmentation, im.height, im.width);
      };
      // The confusion's cross-category IoUs, asked for after the image's cells were done.
      for (const [key, v] of pairs) {
        const dp = Math.floor(key / annotations.length);
        const gp = key % annotations.length;
        expect(v, `seed ${seed} pair ${dp}, ${gp}`).toBe(
          rleIou([maskOf(dp)], [gtMaskOf(gp)], [false])[0]![0]!,
        );
        compared++;
      }
      for (let c = 0; c < cells.count; c++) {
        const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
        for (let s = cells.slotStart[c]!; s < cells.slotStart[c + 1]!; s++) {
          const d = s - cells.slotStart[c]!;
          const dp = cells.slotDt[s]!;
          const dtMask = maskOf(dp);
          for (let g = 0; g < G; g++) {
            const gp = cells.gtList[cells.gtStart[c]! + g]!;
            const crowd = annotations[gp]!.iscrowd === 1;
            const want = rleIou([dtMask], [gtMaskOf(gp)], [crowd])[0]![0]!;
            expect(cells.ious[cells.iouStart[c]! + d * G + g], `seed ${seed} cell ${c}`).toBe(want);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
