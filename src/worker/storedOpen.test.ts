/** Which jsons the engine keeps as a stored table (coco/columnar): big ones, or all in project "stored". */
import { describe, expect, it } from 'vitest';
import { StoredAnnotations } from '../coco';
import { readCorpusText } from '../coco/testing/corpus';
import { openFiles } from './openFiles';

const everyFileStored = import.meta.env.VITE_STORED_FROM_BYTES === '0';

describe('stored annotations in the engine', () => {
  it(`a small instances file is ${everyFileStored ? '' : 'not '}stored in this project`, async () => {
    const text = readCorpusText('datumaro/coco_dataset/coco/annotations/instances_val.json');
    const opened = await openFiles(
      [{ path: 'instances_val.json', file: new Blob([text]) }],
      () => {},
    );
    const table = opened.subsets[0]!.sources[0]!.dataset.annotations;
    expect(table.length).toBeGreaterThan(0);
    expect(table instanceof StoredAnnotations).toBe(everyFileStored);
  });
});
