import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco } from './index';
import { corpusJsonFiles, readCorpusText } from './testing/corpus';

/** JSON equality that also holds keys to their order. */
function canonical(text: string): string {
  return JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, '')));
}

const files = corpusJsonFiles();

describe('every corpus file', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThanOrEqual(39);
  });

  it.each(files)('%s parses without errors', (path) => {
    const result = parseCoco(readCorpusText(path), { fileName: path });
    expect(result.dataset).not.toBeNull();
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it.each(files)('%s exports unedited to JSON equal to its input', (path) => {
    const text = readCorpusText(path);
    const { dataset } = parseCoco(text, { fileName: path });
    expect(canonical(exportCoco(dataset!))).toBe(canonical(text));
    expect(canonical(exportCoco(dataset!, { indent: 2, chunkRecords: 1 }))).toBe(canonical(text));
  });
});

describe('corpus kinds', () => {
  const kindOf = (path: string) =>
    parseCoco(readCorpusText(path), { fileName: path }).dataset?.kind;
  const base = 'datumaro/coco_dataset/coco/annotations/';
  it.each([
    ['instances_train.json', 'instances'],
    ['person_keypoints_val.json', 'person_keypoints'],
    ['captions_train.json', 'captions'],
    ['image_info_val.json', 'image_info'],
    ['labels_train.json', 'labels'],
    ['panoptic_val.json', 'panoptic'],
    ['stuff_train.json', 'stuff'],
  ])('%s is read as %s', (file, kind) => {
    expect(kindOf(base + file)).toBe(kind);
  });

  it('results lists are read as results, with images made up from their ids', () => {
    const { dataset } = parseCoco(
      readCorpusText('cocoapi/instances_val2014_fakesegm100_results.json'),
    );
    expect(dataset?.kind).toBe('results');
    expect(dataset?.annotations.length).toBeGreaterThan(0);
    const first = dataset!.annotations.at(0)!;
    const image = dataset!.images[dataset!.index.imageById.get(first.imageId)!]!;
    expect(first.segmentation.kind).toBe('rle');
    expect([image.height, image.width]).toEqual([478, 640]);
  });
});
