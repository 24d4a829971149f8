/**
 * The app never flags its own output: an edit exported as the worker exports it (planExport
 * + exportCoco), then opened again, gives the checks nothing they did not find before.
 */
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  checkDataset,
  exportCoco,
  idKey,
  parseCoco,
  planExport,
  planMergeToCrowd,
  planSetFields,
  DEFAULT_EXPORT,
  type Dataset,
  type Patch,
} from '../index';
import { readCorpusText } from '../testing/corpus';

/** Findings as "kind of annotation id" (or of image / category position). */
function findingsOf(dataset: Dataset): Set<string> {
  return new Set(
    checkDataset(dataset).map((f) => {
      const a = f.annotation === undefined ? undefined : dataset.annotations.at(f.annotation);
      const what =
        a !== undefined ? `annotation ${String(a.id)}` : `image ${f.image} category ${f.category}`;
      return `${f.kind} of ${what}`;
    }),
  );
}

/** Applies the edit, exports as the worker does (only edited records rewritten), reparses. */
function exportAndReopen(dataset: Dataset, patch: Patch): Dataset {
  const edited = applyPatch(dataset, patch);
  const originals = new Set<object>([...dataset.annotations].map((a) => a.file));
  const options = planExport(edited, DEFAULT_EXPORT, (a) => !originals.has(a.file));
  return parseCoco(exportCoco(edited, options)).dataset!;
}

/**
 * What the checks find in the reopened export, they found before it was written: in the
 * file as opened or in the edited dataset (a category merged away is unused either way).
 */
function expectNoNewFindings(dataset: Dataset, patch: Patch): Dataset {
  const before = new Set([...findingsOf(dataset), ...findingsOf(applyPatch(dataset, patch))]);
  const reopened = exportAndReopen(dataset, patch);
  expect([...findingsOf(reopened)].filter((f) => !before.has(f))).toEqual([]);
  return reopened;
}

const sizeOf = (dataset: Dataset, at: number) => {
  const a = dataset.annotations.at(at)!;
  return dataset.images[dataset.index.imageById.get(idKey(a.imageId))!]!;
};

describe('export → reopen → the checks find nothing new', () => {
  const gt = parseCoco(readCorpusText('reference/eval/gt.json')).dataset!;
  const polygonsOf = (imageId: number) =>
    [...gt.annotations].flatMap((a, at) =>
      a.imageId === imageId && a.segmentation.kind === 'polygons' && !a.iscrowd ? [at] : [],
    );

  it('a polygon made crowd (written as an RLE mask)', () => {
    for (const at of polygonsOf(100000).slice(0, 10)) {
      const reopened = expectNoNewFindings(gt, planSetFields(gt, [at], { iscrowd: 1 }));
      expect(reopened.annotations.at(at)!.segmentation.kind).toBe('rle');
    }
  });

  it('polygons merged into one crowd mask', () => {
    for (const image of [100000, 100063, 100007]) {
      const [a, b, c] = polygonsOf(image);
      expectNoNewFindings(gt, planMergeToCrowd(gt, [a!, b!], sizeOf(gt, a!)));
      expectNoNewFindings(gt, planMergeToCrowd(gt, [a!, b!, c!], sizeOf(gt, a!)));
    }
  });

  it('a polygon merged with a box (Datumaro corpus, CVAT group semantics)', () => {
    const d = parseCoco(
      readCorpusText('datumaro/coco_dataset/coco_instances/annotations/instances_val.json'),
    ).dataset!;
    const image = d.annotations.at(0)!.imageId;
    const positions = [...d.annotations].flatMap((a, at) => (a.imageId === image ? [at] : []));
    expect(positions.length).toBeGreaterThanOrEqual(2);
    expectNoNewFindings(d, planMergeToCrowd(d, positions, sizeOf(d, positions[0]!)));
  });
});
