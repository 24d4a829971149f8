/**
 * A stored table whose elements are all regular is indexed without a map of ids (see
 * parseStored's `regularRows`); a duplicate id anywhere, or an element the scanner cannot
 * read, sends the whole list the checked way. Both give what the object model gives.
 */
import { describe, expect, it } from 'vitest';
import { parseCoco, type ParseResult } from '../coco';
import { StoredAnnotations } from '../coco/columnar';
import { splitStoredJson } from './readStoredJson';

function datasetText(
  ids: number[],
  irregularAt = -1,
  imageOf: (k: number) => number = (k) => 1 + (k % 3),
): string {
  const annotations = ids.map((id, k) => ({
    id,
    image_id: imageOf(k),
    category_id: 1 + (k % 2),
    iscrowd: 0,
    area: 10 + k,
    bbox: [k, 1, 2, 3],
    segmentation: [[k, 0, k + 1, 0, k + 1, 1]],
    // A string area is read, and reported, only by the full parse.
    ...(k === irregularAt ? { area: 'big' } : {}),
  }));
  return JSON.stringify({
    images: [1, 2, 3].map((id) => ({ id, file_name: `${id}.jpg`, width: 9, height: 9 })),
    categories: [1, 2].map((id) => ({ id, name: `c${id}` })),
    annotations,
  });
}

function readStored(text: string, pieceBytes: number): ParseResult {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += pieceBytes)
    pieces.push(bytes.subarray(at, at + pieceBytes));
  const split = splitStoredJson(pieces);
  return parseCoco(split.root, { stored: split.stored ?? undefined });
}

function table(result: ParseResult): StoredAnnotations {
  const annotations = result.dataset?.annotations;
  if (!(annotations instanceof StoredAnnotations)) throw new Error('not a stored table');
  return annotations;
}

const ids = Array.from({ length: 200 }, (_, k) => 1000 + ((k * 37) % 200));

describe('indexing a stored table', () => {
  it('parsed twice from one read, gives the same table both times', () => {
    const bytes = new TextEncoder().encode(datasetText(ids));
    const pieces = Array.from({ length: Math.ceil(bytes.length / 300) }, (_, k) =>
      bytes.subarray(300 * k, 300 * (k + 1)),
    );
    const split = splitStoredJson(pieces);
    const fields = (result: ParseResult) =>
      [...result.dataset!.annotations].map((a) => [a.id, a.imageId, a.categoryId, a.bbox, a.area]);
    const first = fields(parseCoco(split.root, { stored: split.stored ?? undefined }));
    const again = fields(parseCoco(split.root, { stored: split.stored ?? undefined }));
    expect(first.length).toBe(ids.length);
    expect(again).toEqual(first);
  });

  // 7-byte pieces: no element is read whole while the file is read, all are scanned after.
  for (const pieceBytes of [1 << 20, 7, 300]) {
    it(`all regular, read in ${pieceBytes}-byte pieces: no map of ids until asked`, () => {
      const text = datasetText(ids);
      const stored = readStored(text, pieceBytes);
      const objects = parseCoco(text);
      expect(table(stored).idIndex).toBeNull();
      expect(stored.problems).toEqual(objects.problems);
      expect([...stored.dataset!.index.annotationById]).toEqual([
        ...objects.dataset!.index.annotationById,
      ]);
      expect(table(stored).length).toBe(ids.length);
    });

    it(`a duplicate id last, read in ${pieceBytes}-byte pieces, is reported`, () => {
      const text = datasetText([...ids, ids[5]!]);
      const stored = readStored(text, pieceBytes);
      const objects = parseCoco(text);
      expect(objects.problems.some((p) => p.code === 'duplicate-id')).toBe(true);
      expect(stored.problems).toEqual(objects.problems);
      expect([...stored.dataset!.index.annotationById]).toEqual([
        ...objects.dataset!.index.annotationById,
      ]);
    });

    it(`an irregular element, read in ${pieceBytes}-byte pieces, is checked`, () => {
      const text = datasetText(ids, 150);
      const stored = readStored(text, pieceBytes);
      const objects = parseCoco(text);
      expect(objects.problems.length).toBeGreaterThan(0);
      expect(stored.problems).toEqual(objects.problems);
      expect(table(stored).length).toBe(objects.dataset!.annotations.length);
    });

    it(`an unknown image among runs of one image, read in ${pieceBytes}-byte pieces, is reported`, () => {
      // Annotations of one image come together, as in most files; one names image 99.
      const text = datasetText(ids, -1, (k) => (k === 120 ? 99 : 1 + Math.floor(k / 70)));
      const stored = readStored(text, pieceBytes);
      const objects = parseCoco(text);
      expect(objects.problems.map((p) => p.code)).toContain('unknown-image');
      expect(stored.problems).toEqual(objects.problems);
      expect(stored.dataset!.index.imageOffsets).toEqual(objects.dataset!.index.imageOffsets);
      expect(stored.dataset!.index.annotationOrder).toEqual(objects.dataset!.index.annotationOrder);
    });
  }
});
