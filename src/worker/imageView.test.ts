import { describe, expect, it } from 'vitest';
import { parseCoco } from '../coco';
import { buildImageView } from './imageView';
import { MAX_IMAGE_MASK_PIXELS } from './maskPixels';
import { buildSubset } from './subset';
import { sourceOf } from './testing/sourceOf';

function subsetOf(json: object) {
  const { dataset, problems, problemCounts } = parseCoco(JSON.stringify(json), {
    fileName: 'instances_default.json',
  });
  return buildSubset('default', [
    { ...sourceOf('instances_default.json', dataset!), problems, problemCounts },
  ]);
}

describe('an image view', () => {
  it('draws masks until their pixels together reach the cap, and counts the rest', () => {
    const side = 5000;
    // 40 crowd masks, each its whole 5000² image (a 7 kB file can say this).
    const annotations = Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      image_id: 1,
      category_id: 1,
      segmentation: { size: [side, side], counts: [0, side * side] },
      area: side * side,
      bbox: [0, 0, side, side],
      iscrowd: 1,
    }));
    const subset = subsetOf({
      images: [{ id: 1, file_name: 'a.png', width: side, height: side }],
      annotations,
      categories: [{ id: 1, name: 'crowd' }],
    });
    const view = buildImageView(subset, 0, {});
    const drawn = Math.floor(MAX_IMAGE_MASK_PIXELS / (side * side));
    expect(view.masks.size).toBe(drawn);
    expect(view.undrawnMasks).toBe(40 - drawn);
    // Every annotation is still listed: only drawing is skipped.
    expect(view.annotations).toHaveLength(40);
  });
});

describe('a field nested past what can be posted', () => {
  it('is shown as a note; the image’s annotations are all there', () => {
    const text = `{"images":[{"id":1,"file_name":"a.png","width":9,"height":9}],"annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,1,2,2],"iscrowd":0,"notes":${'['.repeat(100_000)}1${']'.repeat(100_000)},"attributes":{"deep":${'['.repeat(100_000)}2${']'.repeat(100_000)}}}],"categories":[{"id":1,"name":"a"}]}`;
    const { dataset, problems, problemCounts } = parseCoco(text, {
      fileName: 'instances_default.json',
    });
    const subset = buildSubset('default', [
      { ...sourceOf('x.json', dataset!), problems, problemCounts },
    ]);
    const view = buildImageView(subset, 0, {});
    expect(view.annotations).toHaveLength(1);
    expect(view.annotations[0]!.extra.notes).toMatch(/nested more than 64 levels/);
    expect(view.annotations[0]!.attributes!.deep).toMatch(/nested more than 64 levels/);
    // What is shown can be posted (structured clone of the view).
    expect(() => structuredClone(view.annotations)).not.toThrow();
  });
});
