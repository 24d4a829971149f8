import { describe, expect, it } from 'vitest';
import { parseCoco } from '../coco';
import { setMask } from './annotationBody';
import { buildImageView } from './imageView';
import { MAX_IMAGE_MASK_PIXELS } from './maskPixels';
import type { MaskImage } from './protocol';
import { buildSubset } from './subset';
import { sourceOf } from './testing/sourceOf';

function subsetOf(json: object, fileName = 'instances_default.json') {
  const { dataset, problems, problemCounts } = parseCoco(JSON.stringify(json), { fileName });
  return buildSubset('default', [{ ...sourceOf(fileName, dataset!), problems, problemCounts }]);
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

describe('an annotation’s kind', () => {
  const image = { id: 1, file_name: 'a.png', width: 20, height: 20 };
  const square = [2, 2, 8, 2, 8, 8, 2, 8];
  const person = [4, 4, 2, 0, 0, 0];
  /** The view of one image whose annotations are `annotations` (ids 1, 2, … in order). */
  function viewOf(annotations: object[]) {
    const subset = subsetOf({
      images: [image],
      annotations: annotations.map((a, i) => ({ id: i + 1, image_id: 1, category_id: 1, ...a })),
      categories: [{ id: 1, name: 'person', keypoints: ['nose', 'eye'] }],
    });
    return buildImageView(subset, 0, {});
  }

  it('is its segmentation’s when it has one, with what comes beside it', () => {
    const view = viewOf([
      { segmentation: [square], bbox: [2, 2, 6, 6], iscrowd: 0 },
      {
        segmentation: { size: [20, 20], counts: [42, 3, 17, 3, 335] },
        bbox: [2, 2, 2, 3],
        iscrowd: 1,
      },
      // A person of COCO's keypoints files: polygons, a bbox and keypoints.
      { segmentation: [square], keypoints: person, num_keypoints: 1, iscrowd: 0 },
    ]);
    const [polygon, crowd, person_] = view.annotations;
    expect(polygon).toMatchObject({
      kind: 'polygon',
      polygons: [square],
      bbox: [2, 2, 6, 6],
      keypoints: null,
    });
    expect(crowd).toMatchObject({ kind: 'mask', bbox: [2, 2, 2, 3], iscrowd: true });
    expect(person_).toMatchObject({ kind: 'polygon', bbox: null, keypoints: person });
    // Only the mask has pixels for the worker shell to draw (setMask refuses other kinds).
    expect([...view.masks.keys()]).toEqual([1]);
    expect(() => setMask(polygon!, { x: 0, y: 0, width: 1, height: 1 } as MaskImage)).toThrow(
      'a polygon annotation has no mask to draw',
    );
  });

  it('without a segmentation: keypoints first, then a caption, then a box, else a label', () => {
    const [keypoints, caption, box, label] = viewOf([
      { keypoints: person, num_keypoints: 1, caption: 'a person' },
      { caption: 'a person', bbox: [1, 1, 3, 3] },
      { bbox: [1, 1, 3, 3] },
      {},
    ]).annotations;
    expect(keypoints).toMatchObject({
      kind: 'keypoints',
      keypoints: person,
      bbox: null,
      caption: 'a person',
    });
    expect(caption).toMatchObject({ kind: 'caption', caption: 'a person', bbox: [1, 1, 3, 3] });
    // Each kind carries only what it can have: a box has no keypoints, a label nothing to draw.
    expect(Object.keys(box!).filter((k) => !(k in label!))).toEqual(['bbox']);
    expect(box).toMatchObject({ kind: 'box', bbox: [1, 1, 3, 3] });
    expect(label).toMatchObject({ kind: 'label' });
    expect(label).not.toHaveProperty('bbox');
  });

  it('is a segment for a panoptic segment, its mask painted later from the PNG map', () => {
    const subset = subsetOf(
      {
        images: [image],
        annotations: [
          {
            image_id: 1,
            file_name: 'a.png',
            segments_info: [{ id: 7, category_id: 1, bbox: [0, 0, 4, 4], area: 16, iscrowd: 0 }],
          },
        ],
        categories: [{ id: 1, name: 'person', isthing: 1 }],
      },
      'panoptic_default.json',
    );
    const view = buildImageView(subset, 0, { '1': '#ff0000' });
    expect(view.annotations).toEqual([
      expect.objectContaining({ kind: 'segment', mask: null, bbox: [0, 0, 4, 4], area: 16 }),
    ]);
    expect(view.segments?.wanted).toEqual([{ key: 0, segmentId: 7, color: '#ff0000' }]);
  });
});
