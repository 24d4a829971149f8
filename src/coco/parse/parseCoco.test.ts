import { describe, expect, it } from 'vitest';
import { exportCoco } from '../export';
import type { ProblemCode } from '../problems';
import { readCorpusText } from '../testing/corpus';
import { parseCoco } from './parseCoco';

/** A tiny valid instances file; tests break one thing at a time. */
function base(): Record<string, unknown> & {
  images: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  categories: Record<string, unknown>[];
} {
  return {
    info: { description: 'test' },
    licenses: [],
    images: [{ id: 1, file_name: 'a.jpg', width: 6, height: 4 }],
    annotations: [
      {
        id: 10,
        image_id: 1,
        category_id: 1,
        segmentation: [[0, 0, 4, 0, 4, 3]],
        area: 6,
        bbox: [0, 0, 4, 3],
        iscrowd: 0,
      },
    ],
    categories: [{ id: 1, name: 'cat', supercategory: 'animal' }],
  };
}

function problemsOf(input: unknown) {
  return parseCoco(input).problems;
}

function expectProblem(input: unknown, code: ProblemCode, path: string) {
  const found = problemsOf(input).filter((p) => p.code === code);
  expect(found.map((p) => p.path)).toContain(path);
  return found.find((p) => p.path === path)!;
}

describe('parseCoco accepts what real files hold', () => {
  it('a valid file opens with no problems', () => {
    const result = parseCoco(JSON.stringify(base()));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.kind).toBe('instances');
    expect(result.dataset?.annotations.at(0)?.segmentation.kind).toBe('polygons');
  });

  it('a UTF-8 byte order mark', () => {
    expect(parseCoco('\uFEFF' + JSON.stringify(base())).dataset?.images.length).toBe(1);
  });

  it('iscrowd as true/false (COCO Annotator), noted as info', () => {
    const file = base();
    file.annotations[0]!.iscrowd = true;
    const p = expectProblem(file, 'iscrowd-boolean', 'annotations[0].iscrowd');
    expect(p.severity).toBe('info');
    expect(parseCoco(file).dataset?.annotations.at(0)?.iscrowd).toBe(true);
  });

  it('sparse category ids, and string ids that spell numbers', () => {
    const file = base();
    file.categories = [{ id: 90, name: 'toothbrush' }];
    file.annotations[0]!.category_id = 90;
    file.annotations[0]!.image_id = '1';
    const result = parseCoco(file);
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(result.dataset?.index.annotationOrder.length).toBe(1);
    // Noted, so a user knows CVAT and pycocotools want numbers there.
    expect(expectProblem(file, 'string-id', 'annotations[0].image_id').severity).toBe('info');
  });

  it('missing info and licenses, noted as info', () => {
    const file = base();
    delete file.info;
    delete file.licenses;
    expect(expectProblem(file, 'missing-info', 'info').severity).toBe('info');
    expectProblem(file, 'missing-info', 'licenses');
  });

  it('a flat segmentation, read as one part', () => {
    const file = base();
    file.annotations[0]!.segmentation = [0, 0, 4, 0, 4, 3];
    expectProblem(file, 'flat-segmentation', 'annotations[0].segmentation');
    const seg = parseCoco(file).dataset!.annotations.at(0)!.segmentation;
    expect(seg).toEqual({ kind: 'polygons', polygons: [[0, 0, 4, 0, 4, 3]] });
  });
});

describe('parseCoco reports each problem with its path', () => {
  it('invalid JSON, with line and column', () => {
    const result = parseCoco('{\n  "images": [\n    {"id": 1,,}\n  ]\n}');
    expect(result.dataset).toBeNull();
    expect(result.problems[0]?.code).toBe('invalid-json');
    expect(result.problems[0]?.message).toMatch(/line 3, column 14/);
  });

  it('truncated JSON', () => {
    const p = parseCoco('{"images": [{"id": 1').problems[0]!;
    expect(p.code).toBe('invalid-json');
    expect(p.message).toMatch(/line 1, column 21/);
  });

  it('an empty file', () => {
    expect(parseCoco('  \n').problems[0]?.code).toBe('empty-file');
  });

  it.each([
    ['a number', 42],
    ['a string', 'hello'],
    ['an object of something else', { foo: 1 }],
    ['a list of numbers', [1, 2, 3]],
  ])('wrong top-level shape: %s', (_what, value) => {
    const result = parseCoco(JSON.stringify(value));
    expect(result.dataset).toBeNull();
    expect(result.problems[0]?.code).toBe('wrong-top-level');
  });

  it.each([
    ['images', 'nope', 'images is the text "nope", not a list: this is not a COCO file'],
    ['images', { a: 1 }, 'images is an object, not a list: this is not a COCO file'],
    ['categories', 3, 'categories is number 3, not a list: this is not a COCO file'],
  ])('a file whose %s is not a list is refused (%j)', (key, value, message) => {
    const file = { ...base(), [key]: value };
    const result = parseCoco(JSON.stringify(file));
    expect(result.dataset).toBeNull();
    expect(result.problems).toMatchObject([{ code: 'wrong-top-level', path: key, message }]);
  });

  it('CVAT XML converted to JSON is refused, not opened as an empty dataset', () => {
    const text = readCorpusText('quirks/not-coco-annotations-object.json');
    const result = parseCoco(text);
    expect(result.dataset).toBeNull();
    expect(result.problems[0]?.message).toBe(
      'annotations is an object, not a list: this is not a COCO file (CVAT XML converted to JSON?)',
    );
  });

  it('a missing section', () => {
    const file = base();
    delete (file as Record<string, unknown>).images;
    expectProblem(file, 'missing-section', 'images');
  });

  it.each([
    ['images', 'id'],
    ['images', 'width'],
    ['images', 'height'],
    ['annotations', 'id'],
    ['annotations', 'image_id'],
    ['annotations', 'category_id'],
    ['categories', 'id'],
    ['categories', 'name'],
  ] as const)('missing required field: %s[0].%s', (section, field) => {
    const file = base();
    delete file[section][0]![field];
    expectProblem(file, 'missing-field', `${section}[0].${field}`);
  });

  it.each([
    ['images', 'id', { a: 1 }, 'wrong-type'],
    ['images', 'width', 'wide', 'image-size-invalid'],
    ['images', 'height', -5, 'image-size-invalid'],
    ['images', 'file_name', 7, 'wrong-type'],
    ['annotations', 'id', [1], 'wrong-type'],
    ['annotations', 'image_id', null, 'wrong-type'],
    ['annotations', 'category_id', true, 'wrong-type'],
    ['annotations', 'segmentation', 'poly', 'wrong-type'],
    ['annotations', 'bbox', 'box', 'wrong-type'],
    ['annotations', 'area', 'big', 'wrong-type'],
    ['annotations', 'iscrowd', 'yes', 'wrong-type'],
    ['annotations', 'score', 'high', 'wrong-type'],
    ['annotations', 'attributes', [1], 'wrong-type'],
    ['categories', 'name', 3, 'wrong-type'],
  ] as const)('mistyped field: %s[0].%s = %j', (section, field, value, code) => {
    const file = base();
    file[section][0]![field] = value;
    expectProblem(file, code, `${section}[0].${field}`);
  });

  it('an entry that is not an object is kept aside and written back in place', () => {
    const file = base();
    file.annotations.unshift(null as never);
    const result = parseCoco(file);
    expect(result.problems.map((p) => p.path)).toContain('annotations[0]');
    expect(result.dataset?.annotations.length).toBe(1);
    expect(JSON.parse(exportCoco(result.dataset!))).toEqual(file);
  });

  it.each(['images', 'annotations', 'categories'] as const)('duplicate ids in %s', (section) => {
    const file = base();
    file[section].push({ ...file[section][0]! });
    const code = 'duplicate-id';
    expectProblem(file, code, `${section}[1].id`);
  });

  it('annotations pointing at unknown images or categories', () => {
    const file = base();
    file.annotations[0]!.image_id = 99;
    file.annotations[0]!.category_id = 7;
    const img = expectProblem(file, 'unknown-image', 'annotations[0].image_id');
    expect(img.annotationId).toBe(10);
    expectProblem(file, 'unknown-category', 'annotations[0].category_id');
  });

  it('category id 0 (CVAT reads it as "no label") and duplicate names', () => {
    const file = base();
    file.categories.push({ id: 0, name: 'cat' });
    expectProblem(file, 'category-id-zero', 'categories[1].id');
    expectProblem(file, 'duplicate-category-name', 'categories[1].name');
  });

  it('polygons with an odd number of values or fewer than 3 points', () => {
    const file = base();
    file.annotations[0]!.segmentation = [
      [0, 0, 4, 0, 4, 3, 1],
      [1, 1, 2, 2],
    ];
    expectProblem(file, 'polygon-odd-length', 'annotations[0].segmentation[0]');
    expectProblem(file, 'polygon-too-few-points', 'annotations[0].segmentation[1]');
  });

  it('polygons holding something other than numbers', () => {
    const file = base();
    file.annotations[0]!.segmentation = [[0, 0, 4, null, 4, 3]];
    expectProblem(file, 'polygon-not-finite', 'annotations[0].segmentation[0]');
  });

  it.each([
    [[0, 0, -1, 3], 'bbox-negative', 'error'],
    [[-2, 0, 1, 3], 'bbox-negative', 'warning'],
    [[0, 0, null, 3], 'bbox-not-finite', 'error'],
    [[0, 0, '1', 3], 'bbox-not-finite', 'error'],
    [[0, 0, 3], 'bbox-wrong-length', 'error'],
  ] as const)('bbox %j', (bbox, code, severity) => {
    const file = base();
    file.annotations[0]!.bbox = bbox as never;
    expect(expectProblem(file, code, 'annotations[0].bbox').severity).toBe(severity);
  });

  it('RLE whose counts do not sum to height × width', () => {
    const file = base();
    Object.assign(file.annotations[0]!, {
      iscrowd: 1,
      segmentation: { size: [4, 6], counts: [3, 5, 3] },
    });
    const p = expectProblem(file, 'rle-counts-sum', 'annotations[0].segmentation.counts');
    expect(p.message).toMatch(/sum to 11.*24 pixels/);
  });

  it('compressed RLE whose counts do not sum to its size', () => {
    const file = base();
    Object.assign(file.annotations[0]!, {
      iscrowd: 1,
      segmentation: { size: [4, 6], counts: '52' },
    });
    expectProblem(file, 'rle-counts-sum', 'annotations[0].segmentation.counts');
  });

  it('RLE whose size differs from its image', () => {
    const file = base();
    Object.assign(file.annotations[0]!, {
      iscrowd: 1,
      segmentation: { size: [6, 4], counts: [3, 5, 16] },
    });
    const p = expectProblem(file, 'rle-size-mismatch', 'annotations[0].segmentation.size');
    expect(p.message).toMatch(/6×4.*4×6/);
  });

  it('RLE that is malformed, empty, or on a non-crowd annotation', () => {
    const file = base();
    Object.assign(file.annotations[0]!, { iscrowd: 1, segmentation: { size: [4], counts: [24] } });
    expectProblem(file, 'rle-invalid', 'annotations[0].segmentation.size');
    Object.assign(file.annotations[0]!, { segmentation: { size: [4, 6], counts: [24] } });
    expectProblem(file, 'rle-empty', 'annotations[0].segmentation');
    Object.assign(file.annotations[0]!, {
      iscrowd: 0,
      segmentation: { size: [4, 6], counts: [3, 5, 16] },
    });
    expect(expectProblem(file, 'rle-not-crowd', 'annotations[0].segmentation').severity).toBe(
      'info',
    );
  });

  it('a crowd annotation given as polygons', () => {
    const file = base();
    file.annotations[0]!.iscrowd = 1;
    expectProblem(file, 'crowd-not-rle', 'annotations[0].segmentation');
  });

  it('keypoints of the wrong length, 0-based and out-of-range skeletons', () => {
    const file = base();
    file.categories[0]!.keypoints = ['nose', 'eye'];
    file.categories[0]!.skeleton = [
      [0, 1],
      [1, 2],
    ];
    file.annotations[0]!.keypoints = [1, 1, 2, 2, 2];
    expectProblem(file, 'keypoints-wrong-length', 'annotations[0].keypoints');
    expectProblem(file, 'skeleton-zero-based', 'categories[0].skeleton');
    // The bone [1, 2] joins a third point of a category naming two: reported, not drawn.
    expectProblem(file, 'skeleton-out-of-range', 'categories[0].skeleton[1]');
    expect(parseCoco(file).dataset?.categories[0]?.skeleton).toEqual([[0, 1]]);
  });

  it('a 1-based skeleton is read as COCO means it', () => {
    const file = base();
    file.categories[0]!.keypoints = ['a', 'b', 'c'];
    file.categories[0]!.skeleton = [
      [1, 2],
      [2, 3],
    ];
    expect(parseCoco(file).dataset?.categories[0]?.skeleton).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('a 1-based bone past the named keypoints is reported at its path and left out', () => {
    const file = base();
    file.categories[0]!.keypoints = ['a', 'b', 'c'];
    file.categories[0]!.skeleton = [
      [1, 2],
      [3, 4],
      [2, 3],
    ];
    const problem = expectProblem(file, 'skeleton-out-of-range', 'categories[0].skeleton[1]');
    expect(problem.message).toContain('[3, 4] (1-based)');
    expect(parseCoco(file).dataset?.categories[0]?.skeleton).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('images without a file name fall back to coco_url', () => {
    const file = base();
    delete file.images[0]!.file_name;
    file.images[0]!.coco_url = 'http://images.cocodataset.org/val2017/000000397133.jpg';
    expectProblem(file, 'image-file-name-missing', 'images[0].file_name');
    expect(parseCoco(file).dataset?.images[0]?.fileName).toBe('000000397133.jpg');
  });

  it('a huge image size is reported, not allocated', () => {
    const file = base();
    Object.assign(file.images[0]!, { width: 100000, height: 100000 });
    Object.assign(file.annotations[0]!, {
      iscrowd: 1,
      segmentation: { size: [100000, 100000], counts: [1e10] },
    });
    expectProblem(file, 'too-large', 'images[0]');
  });

  it('problems past the per-code limit are counted, not kept', () => {
    const file = base();
    file.annotations = Array.from({ length: 50 }, (_, i) => ({
      id: i,
      image_id: 1,
      category_id: 1,
      bbox: [0, 0, -1, 1],
    }));
    const result = parseCoco(file, { problemLimitPerCode: 5 });
    expect(result.problems.filter((p) => p.code === 'bbox-negative').length).toBe(5);
    expect(result.problemCounts.get('bbox-negative')).toBe(50);
  });

  it('keys like __proto__ are data: kept, written back, and pollute nothing', () => {
    const text =
      '{"images":[{"id":1,"width":2,"height":2,"file_name":"a","__proto__":{"polluted":1}}],"annotations":[],"categories":[{"id":1,"name":"constructor","__proto__":{"x":1}}]}';
    const result = parseCoco(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.dataset?.categories[0]?.name).toBe('constructor');
    expect(exportCoco(result.dataset!)).toBe(text);
  });
});
