/**
 * Patches on a stored table (coco/columnar) give what they give on the object model, over
 * a long run of relabels (kept apart from the table's slots until there are many, then
 * written out) mixed with inserts and removes; and an edited table leaves the one before
 * it (undo's) as it was.
 */
import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../../scripts/gen/dataset';
import { checkDataset } from '../checks';
import { FileBytes, StoredAnnotations } from '../columnar';
import { elementSpans } from '../columnar/elementSpans';
import { parseCoco } from '../parse/parseCoco';
import type { AnnotationRecord, Dataset } from '../model';
import { seeded } from '../testing/mutate';
import { applyPatch, type Patch } from './patch';

function plain(dataset: Dataset) {
  return [...dataset.annotations].map((a) => [a.id, a.categoryId, a.sourceIndex, a.file]);
}

/** `plain`, the records read in order a run at a time (runs of ~`runBytes` of the file). */
function plainInRuns(dataset: Dataset, runBytes: number) {
  const table = dataset.annotations as StoredAnnotations;
  const out: AnnotationRecord[] = [];
  while (out.length < table.length) out.push(...table.readFrom(out.length, runBytes));
  return out.map((a) => [a.id, a.categoryId, a.sourceIndex, a.file]);
}

describe('patches on a stored table', () => {
  it('give what they give on objects, over 3,000 edits, and leave earlier tables alone', () => {
    const coco = generateCoco({ images: 60, annotations: 1500, seed: 4 });
    const text = JSON.stringify(coco);
    const bytes = new TextEncoder().encode(text);
    const source = {
      bytes: new FileBytes([bytes]),
      spans: Float64Array.from(elementSpans(bytes, 'annotations')!),
    };
    const root = { ...coco, annotations: [] };
    let stored = parseCoco(root, { fileName: 'x.json', stored: source }).dataset!;
    let objects = parseCoco(text, { fileName: 'x.json' }).dataset!;
    expect(stored.annotations).toBeInstanceOf(StoredAnnotations);
    const rand = seeded(5);
    const categories = coco.categories.map((c) => c.id);
    const history: { table: Dataset; seen: ReturnType<typeof plain> }[] = [];
    for (let k = 0; k < 3000; k++) {
      const n = objects.annotations.length;
      // First 1,200 relabels of distinct records (more than are kept apart), then anything.
      const at = k < 1200 ? k : Math.floor(rand() * n);
      const file = objects.annotations.at(at)!.file as Record<string, unknown>;
      let patch: Patch;
      if (k >= 1200 && k % 97 === 0)
        patch = [{ op: 'remove', collection: 'annotations', at, value: file }];
      else if (k >= 1200 && k % 89 === 0)
        patch = [{ op: 'insert', collection: 'annotations', at, value: { ...file, id: 1e6 + k } }];
      else {
        const after = { ...file, category_id: categories[Math.floor(rand() * categories.length)] };
        // Two relabels in one patch now and then.
        const second = (at + 1) % n;
        const other = objects.annotations.at(second)!.file as Record<string, unknown>;
        patch = [{ op: 'replace', collection: 'annotations', at, before: file, after }];
        if (k >= 1200 && k % 5 === 0 && second !== at)
          patch.push({
            op: 'replace',
            collection: 'annotations',
            at: second,
            before: other,
            after: { ...other, category_id: categories[0] },
          });
      }
      if (k % 250 === 0) history.push({ table: stored, seen: plain(stored) });
      stored = applyPatch(stored, patch);
      objects = applyPatch(objects, patch);
      if (k % 50 === 0 || (k > 1020 && k < 1030) || k > 2990)
        expect(plain(stored)).toEqual(plain(objects));
      if (k % 500 === 0 || k === 1025 || k === 2999) {
        // Passes in order (the checks) read the edited table run by run: the same records,
        // the same findings.
        for (const runBytes of [1, 3000, 1 << 20])
          expect(plainInRuns(stored, runBytes)).toEqual(plain(objects));
        expect(checkDataset(stored)).toEqual(checkDataset(objects));
      }
    }
    for (const { table, seen } of history) expect(plain(table)).toEqual(seen);
  });
});
