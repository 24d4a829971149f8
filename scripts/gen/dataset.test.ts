import { describe, expect, it } from 'vitest';
import { parseCoco } from '../../src/coco';
import { polygonsToRle, rleArea, rleFromCoco, rleToBbox } from '../../src/coco/mask';
import { cocoJsonChunks, generateCoco, planDataset, type GenAnnotation } from './dataset';

/** COCO's 80 category ids: 1..90 without these ten. */
const COCO_GAPS = [12, 26, 29, 30, 45, 66, 68, 69, 71, 83];
const COCO_IDS = Array.from({ length: 90 }, (_, i) => i + 1).filter(
  (id) => !COCO_GAPS.includes(id),
);

const options = { images: 800, annotations: 5900, seed: 7 };
const data = generateCoco(options);
const imagesById = new Map(data.images.map((im) => [im.id, im]));
const polygons = (a: GenAnnotation): number[][] => a.segmentation as number[][];

describe('the dataset generator', () => {
  it('is deterministic: same seed, same bytes; another seed, another dataset', () => {
    const text = JSON.stringify(data);
    expect(JSON.stringify(generateCoco(options))).toBe(text);
    expect(JSON.stringify(generateCoco({ ...options, seed: 8 }))).not.toBe(text);
  });

  it('streams exactly the text of the whole object, in small chunks', () => {
    const chunks = [...cocoJsonChunks(planDataset(options), 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(JSON.stringify(data));
  });

  it('makes the requested counts: images exactly, annotations within 2%', () => {
    expect(data.images).toHaveLength(options.images);
    expect(Math.abs(data.annotations.length - options.annotations)).toBeLessThan(
      options.annotations * 0.02,
    );
    expect(new Set(data.annotations.map((a) => a.id)).size).toBe(data.annotations.length);
    const perImage = new Map<number, number>();
    for (const a of data.annotations) perImage.set(a.image_id, (perImage.get(a.image_id) ?? 0) + 1);
    const counts = data.images.map((im) => perImage.get(im.id) ?? 0);
    expect(counts.filter((c) => c >= 1 && c <= 5).length).toBeGreaterThan(options.images * 0.4);
    expect(counts.some((c) => c >= 30)).toBe(true);
  });

  it("writes the official files' keys, in their order, and 12-digit file names", () => {
    expect(Object.keys(data)).toEqual(['info', 'licenses', 'images', 'annotations', 'categories']);
    expect(Object.keys(data.images[0]!)).toEqual([
      'license',
      'file_name',
      'coco_url',
      'height',
      'width',
      'date_captured',
      'flickr_url',
      'id',
    ]);
    expect(Object.keys(data.annotations[0]!)).toEqual([
      'segmentation',
      'area',
      'iscrowd',
      'image_id',
      'bbox',
      'category_id',
      'id',
    ]);
    for (const im of data.images)
      expect(im.file_name).toBe(`${String(im.id).padStart(12, '0')}.jpg`);
  });

  it("has COCO's 80 categories with their sparse ids", () => {
    expect(data.categories.map((c) => c.id)).toEqual(COCO_IDS);
    expect(data.categories[0]).toEqual({ supercategory: 'person', id: 1, name: 'person' });
    expect(data.categories.at(-1)).toEqual({ supercategory: 'indoor', id: 90, name: 'toothbrush' });
  });

  it('keeps every box inside its image, tight around its polygons', () => {
    for (const a of data.annotations) {
      const im = imagesById.get(a.image_id)!;
      const [x, y, w, h] = a.bbox;
      expect(x >= 0 && y >= 0 && w > 0 && h > 0).toBe(true);
      expect(x + w).toBeLessThanOrEqual(im.width);
      expect(y + h).toBeLessThanOrEqual(im.height);
      if (a.iscrowd === 1) continue;
      const xs = polygons(a).flatMap((p) => p.filter((_, i) => i % 2 === 0));
      expect(Math.min(...xs)).toBe(x);
      expect(Math.max(...xs)).toBeCloseTo(x + w, 6);
    }
  });

  it('draws polygons like COCO: median ~28 vertices in 4..200, some multi-part, 2 decimals', () => {
    const plain = data.annotations.filter((a) => a.iscrowd === 0);
    const vertices = plain
      .flatMap((a) => polygons(a).map((p) => p.length / 2))
      .sort((a, b) => a - b);
    expect(vertices[0]).toBeGreaterThanOrEqual(4);
    expect(vertices.at(-1)).toBeLessThanOrEqual(200);
    expect(vertices[vertices.length >> 1]).toBeGreaterThanOrEqual(22);
    expect(vertices[vertices.length >> 1]).toBeLessThanOrEqual(34);
    const multi = plain.filter((a) => polygons(a).length > 1).length / plain.length;
    expect(multi).toBeGreaterThan(0.03);
    expect(multi).toBeLessThan(0.08);
    for (const v of polygons(plain[0]!)[0]!) expect(Math.round(v * 100) / 100).toBe(v);
  });

  it('has ~1% crowd masks, with both uncompressed and compressed counts', () => {
    const crowd = data.annotations.filter((a) => a.iscrowd === 1);
    const share = crowd.length / data.annotations.length;
    expect(share).toBeGreaterThan(0.006);
    expect(share).toBeLessThan(0.016);
    const kinds = crowd.map(
      (a) => typeof ('counts' in a.segmentation ? a.segmentation.counts : null),
    );
    expect(new Set(kinds)).toEqual(new Set(['string', 'object']));
    for (const a of crowd) {
      if (!('counts' in a.segmentation)) throw new Error('crowd without RLE');
      const rle = rleFromCoco(a.segmentation);
      expect(a.area).toBe(rleArea(rle));
      expect(a.area).toBeGreaterThan(0);
      expect(a.bbox).toEqual(rleToBbox(rle));
    }
  });

  it("gives polygons pycocotools' area", () => {
    for (const a of data.annotations.filter((x) => x.iscrowd === 0).slice(0, 200)) {
      const im = imagesById.get(a.image_id)!;
      expect(a.area).toBe(rleArea(polygonsToRle(polygons(a), im.height, im.width)));
    }
  });

  it('writes a file the parser accepts without problems', () => {
    const result = parseCoco(JSON.stringify(data));
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });
});

describe('the generator with keypoints', () => {
  const people = generateCoco({ ...options, images: 200, annotations: 1500, keypoints: true });

  it("gives the person category COCO's 17 keypoints and 1-based skeleton", () => {
    const person = people.categories.find((c) => c.id === 1)!;
    expect(person.keypoints).toHaveLength(17);
    expect(person.keypoints?.[0]).toBe('nose');
    expect(person.skeleton).toHaveLength(19);
    expect(person.skeleton?.flat().every((k) => k >= 1 && k <= 17)).toBe(true);
  });

  it('gives every person annotation 17 [x, y, v] triples inside its box', () => {
    const persons = people.annotations.filter((a) => a.category_id === 1);
    expect(persons.length).toBeGreaterThan(100);
    expect(persons.filter((a) => (a.num_keypoints ?? 0) > 0).length).toBeGreaterThan(20);
    for (const a of persons) {
      const kp = a.keypoints!;
      expect(kp).toHaveLength(17 * 3);
      const [x, y, w, h] = a.bbox;
      let labeled = 0;
      for (let k = 0; k < 17; k++) {
        const [kx, ky, v] = kp.slice(3 * k, 3 * k + 3) as [number, number, number];
        if (v === 0) {
          expect([kx, ky]).toEqual([0, 0]);
          continue;
        }
        labeled++;
        expect(kx >= x && kx <= x + w && ky >= y && ky <= y + h).toBe(true);
      }
      expect(a.num_keypoints).toBe(labeled);
    }
    expect(people.annotations.filter((a) => a.category_id !== 1).every((a) => !a.keypoints)).toBe(
      true,
    );
  });

  it('does not move any shape: keypoints come from a stream of their own', () => {
    const plain = generateCoco({ ...options, images: 200, annotations: 1500 });
    expect(people.annotations.map((a) => a.segmentation)).toEqual(
      plain.annotations.map((a) => a.segmentation),
    );
  });
});
