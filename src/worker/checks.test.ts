import { describe, expect, it } from 'vitest';
import { parseCoco } from '../coco';
import { checkSubset } from './checks';
import { buildSubset } from './subset';
import { sourceOf } from './testing/sourceOf';

const images = [1, 2, 3].map((id) => ({ id, file_name: `${id}.jpg`, width: 10, height: 10 }));
const categories = [{ id: 1, name: 'thing' }];

function file(path: string, annotations: object[], extra: object = {}) {
  const json = JSON.stringify({ images, annotations, categories, ...extra });
  return sourceOf(path, parseCoco(json).dataset!);
}

describe('checkSubset', () => {
  it('counts an image as empty once, and only when no file of the subset annotates it', async () => {
    const instances = file('instances_val.json', [
      { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 2, 2], area: 4, iscrowd: 0 },
    ]);
    const keypoints = file('person_keypoints_val.json', [
      { id: 1, image_id: 2, category_id: 1, bbox: [0, 0, 2, 2], area: 4, iscrowd: 0 },
    ]);
    const subset = buildSubset('val', [instances, keypoints]);
    const result = await checkSubset(
      subset,
      () => {},
      () => Promise.resolve(),
    );
    // Each file alone has two empty images (4 in all); the subset has one: 3.jpg.
    expect(result.counts['empty-image']).toBe(1);
    const empty = result.findings.filter((f) => f.kind === 'empty-image');
    expect(empty.map((f) => subset.images[f.imageIndex!]!.fileName)).toEqual(['3.jpg']);
  });
});
