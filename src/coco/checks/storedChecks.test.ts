/**
 * The checks on a stored table (coco/columnar), which they read run by run, find what they
 * find on the object model: the same findings in the same order, before and after edits
 * (relabels kept apart from the table's slots, a remove and an insert that rewrite them).
 */
import { describe, expect, it } from 'vitest';
import { FileBytes, StoredAnnotations } from '../columnar';
import { elementSpans } from '../columnar/elementSpans';
import { applyPatch, type Patch } from '../edit/patch';
import type { Dataset } from '../model';
import { parseCoco } from '../parse/parseCoco';
import { problemsFixture } from '../testing/problemsFixture';
import { checkDataset, type FindingKind } from './index';

/** Copies of the fixture on images of their own: a file of several runs of the checks. */
const COPIES = 600;

function manyProblems() {
  const images = [];
  const annotations = [];
  for (let c = 0; c < COPIES; c++) {
    const shift = (id: number) => (id <= 3 ? id + 1000 * c : id);
    for (const image of problemsFixture.images) images.push({ ...image, id: shift(image.id) });
    for (const a of problemsFixture.annotations)
      annotations.push({ ...a, id: a.id + 1000 * c, image_id: shift(a.image_id) });
  }
  return { ...problemsFixture, images, annotations };
}

function openBothWays(): { stored: Dataset; objects: Dataset } {
  const coco = manyProblems();
  const text = JSON.stringify(coco);
  const bytes = new TextEncoder().encode(text);
  expect(bytes.length).toBeGreaterThan(1 << 20); // runs of the checks are 0.5 MB
  const source = {
    bytes: new FileBytes([bytes]),
    spans: Float64Array.from(elementSpans(bytes, 'annotations')!),
  };
  const root = { ...coco, annotations: [] };
  const stored = parseCoco(root, { fileName: 'x.json', stored: source }).dataset!;
  const objects = parseCoco(text, { fileName: 'x.json' }).dataset!;
  return { stored, objects };
}

describe('checks on a stored table', () => {
  let { stored, objects } = openBothWays();
  const before = checkDataset(objects);

  it('find what they find on objects, of every kind', () => {
    expect(stored.annotations).toBeInstanceOf(StoredAnnotations);
    const findings = checkDataset(stored);
    expect(findings).toEqual(before);
    const kinds = new Set(findings.map((f) => f.kind));
    const every: FindingKind[] = [
      'outside-image',
      'bbox-mismatch',
      'area-mismatch',
      'self-intersecting',
      'zero-area',
      'duplicate-annotation',
      'keypoints-outside-box',
      'unknown-image',
      'unknown-category',
      'duplicate-id',
      'too-few-points',
      'empty-image',
      'unused-category',
    ];
    expect(every.filter((k) => !kinds.has(k))).toEqual([]);
    expect(findings.filter((f) => f.kind === 'duplicate-annotation')).toHaveLength(COPIES);
  });

  it('find what they find on objects after edits', () => {
    const file = (at: number) => objects.annotations.at(at)!.file as Record<string, unknown>;
    const n = objects.annotations.length;
    const edits: Patch[] = [
      // Relabels (kept apart from the slots): one makes a duplicate pair no longer one.
      ...[6, 5 + 15 * 7, n - 1].map((at): Patch => {
        const before = file(at);
        return [
          {
            op: 'replace',
            collection: 'annotations',
            at,
            before,
            after: { ...before, category_id: 2 },
          },
        ];
      }),
      [{ op: 'remove', collection: 'annotations', at: 20, value: file(20) }],
      [{ op: 'insert', collection: 'annotations', at: 40, value: { ...file(6), id: 1e7 } }],
    ];
    for (const patch of edits) {
      stored = applyPatch(stored, patch);
      objects = applyPatch(objects, patch);
      expect(checkDataset(stored)).toEqual(checkDataset(objects));
    }
    expect(checkDataset(stored)).not.toEqual(before);
  });
});
