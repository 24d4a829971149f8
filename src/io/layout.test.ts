import { describe, expect, it } from 'vitest';
import { describeAnnotationFile, pictureRoots } from './layout';
import { matchPictures } from './matchPictures';

describe('describeAnnotationFile', () => {
  it.each([
    ['annotations/instances_default.json', 'default', 'instances', ''],
    ['coco/annotations/person_keypoints_val.json', 'val', 'person_keypoints', 'coco'],
    ['annotations/instances_val2017.json', 'val2017', 'instances', ''],
    ['train/_annotations.coco.json', 'train', 'instances', ''],
    ['_annotations.coco.json', 'default', 'instances', ''],
    ['my_dataset.json', 'default', null, ''],
    ['relaxed_coco/annotations.json', 'default', null, 'relaxed_coco'],
  ])('%s → subset %s, task %s', (path, subset, task, root) => {
    expect(describeAnnotationFile(path)).toEqual({ path, subset, task, root });
  });
});

describe('matchPictures', () => {
  const match = (json: string, names: string[], pictures: string[]) => {
    const file = describeAnnotationFile(json);
    return matchPictures(names, pictures, pictureRoots(file), file.subset);
  };

  it('CVAT / Datumaro layout: images/<subset>/<file_name>', () => {
    const m = match(
      'annotations/instances_train.json',
      ['a.jpg'],
      ['images/val/a.jpg', 'images/train/a.jpg'],
    );
    expect(Array.from(m.picture)).toEqual([1]);
  });

  it('official layout: <subset>/<file_name> beside annotations/', () => {
    const m = match(
      'annotations/instances_val2017.json',
      ['000000000139.jpg'],
      ['val2017/000000000139.jpg'],
    );
    expect(m.found).toBe(1);
  });

  it('Roboflow: pictures beside the json', () => {
    const m = match('valid/_annotations.coco.json', ['x.jpg'], ['train/x.jpg', 'valid/x.jpg']);
    expect(Array.from(m.picture)).toEqual([1]);
  });

  it('file names with folders, then base names anywhere, preferring the subset folder', () => {
    const m = match(
      'instances_val.json',
      ['sub/a.jpg', 'b.PNG', 'c.jpg'],
      ['sub/a.jpg', 'x/train/b.png', 'x/val/b.png'],
    );
    expect(Array.from(m.picture)).toEqual([0, 2, -1]);
    expect(m.missing).toEqual(['c.jpg']);
    expect(m.missingTotal).toBe(1);
  });
});
