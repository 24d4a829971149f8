import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, exportCoco, parseCoco, planExport, type Dataset } from '../index';
import { readCorpusText } from '../testing/corpus';
import { planAddAnnotation, planMergeToCrowd } from './commands';
import { planRelabel, planSetCrowd, planSetScore } from './fieldCommands';
import { applyPatch, invertPatch, type Patch } from './patch';

type Json = { annotations: Record<string, unknown>[] };
const json = (d: Dataset) => JSON.parse(exportCoco(d)) as Json;

/** Applying a patch and then its inverse gives back the same file, byte for byte. */
function expectUndoable(dataset: Dataset, patch: Patch): Dataset {
  const after = applyPatch(dataset, patch);
  expect(exportCoco(applyPatch(after, invertPatch(patch)))).toBe(exportCoco(dataset));
  // Commands are plain data: they survive a round trip through JSON (history, autosave).
  expect(JSON.parse(JSON.stringify(patch))).toEqual(patch);
  return after;
}

const bools = () => parseCoco(readCorpusText('quirks/iscrowd-bool.json')).dataset!;

function numbered(
  annotations: Record<string, unknown>[],
  categoryIds: (number | string)[] = [1, 2],
) {
  return parseCoco({
    images: [{ id: 1, file_name: 'a.jpg', width: 40, height: 30 }],
    categories: categoryIds.map((id) => ({ id, name: `c${id}` })),
    annotations: annotations.map((a, i) => ({
      id: i + 1,
      image_id: 1,
      category_id: 1,
      bbox: [1, 1, 4, 4],
      ...a,
    })),
  }).dataset!;
}

describe('setCrowd writes iscrowd as the file does', () => {
  it('a file of booleans gets booleans back, both ways', () => {
    const d = bools();
    let after = expectUndoable(d, planSetCrowd(d, [0], true));
    expect(json(after).annotations[0]!.iscrowd).toBe(true);
    after = expectUndoable(d, planSetCrowd(d, [1], false));
    expect(json(after).annotations[1]!.iscrowd).toBe(false);
  });

  it('and the export of a crowd made so keeps the boolean', () => {
    const d = bools();
    const after = applyPatch(d, planSetCrowd(d, [0], true));
    for (const segmentation of ['guess', 'masks'] as const) {
      const out = JSON.parse(
        exportCoco(
          after,
          planExport(after, { ...DEFAULT_EXPORT, segmentation }, () => true),
        ),
      ) as Json;
      expect(out.annotations[0]!.iscrowd).toBe(true);
      expect(Array.isArray(out.annotations[0]!.segmentation)).toBe(false);
    }
    const polygons = JSON.parse(
      exportCoco(d, planExport(d, { ...DEFAULT_EXPORT, segmentation: 'polygons' })),
    ) as Json;
    expect(polygons.annotations[1]!.iscrowd).toBe(false);
  });

  it('0/1 files get numbers; an annotation without iscrowd follows the others', () => {
    const d = numbered([{ iscrowd: 0 }, {}]);
    const after = expectUndoable(d, planSetCrowd(d, [0, 1], true));
    expect(json(after).annotations.map((a) => a.iscrowd)).toEqual([1, 1]);
    const b = numbered([{ iscrowd: false }, {}]);
    expect(json(applyPatch(b, planSetCrowd(b, [1], true))).annotations[1]!.iscrowd).toBe(true);
    const none = numbered([{}]);
    expect(json(applyPatch(none, planSetCrowd(none, [0], true))).annotations[0]!.iscrowd).toBe(1);
  });

  it('a merge into a crowd keeps the boolean too', () => {
    const d = bools();
    const after = expectUndoable(d, planMergeToCrowd(d, [0, 1], d.images[0]!));
    expect(json(after).annotations).toMatchObject([{ id: 1, iscrowd: true }]);
    const n = numbered([{ iscrowd: 0 }, { iscrowd: 0, bbox: [5, 5, 2, 2] }]);
    expect(
      json(applyPatch(n, planMergeToCrowd(n, [0, 1], n.images[0]!))).annotations,
    ).toMatchObject([{ iscrowd: 1 }]);
  });

  it('a drawn shape in a file of booleans gets false', () => {
    const d = bools();
    const shape = { kind: 'polygons' as const, polygons: [[1, 1, 6, 1, 6, 6]] };
    const patch = planAddAnnotation(d, { imageId: 1, categoryId: 1, shape }, d.images[0]!);
    expect(json(expectUndoable(d, patch)).annotations[2]!.iscrowd).toBe(false);
  });

  it('annotations already as asked are left alone', () => {
    const d = bools();
    expect(planSetCrowd(d, [0], false)).toEqual([]);
    expect(planSetCrowd(d, [0, 1], true)).toHaveLength(1);
  });
});

describe('relabel', () => {
  it("writes the category's id as the file spells it", () => {
    const d = numbered([{ category_id: '1' }], ['1', '2']);
    const after = expectUndoable(d, planRelabel(d, [0], 2));
    expect(json(after).annotations[0]!.category_id).toBe('2');
    expect(after.annotations.at(0)!.categoryId).toBe('2');
  });

  it('leaves annotations of that category alone', () => {
    const d = numbered([{ category_id: 1 }, { category_id: 2 }]);
    const patch = planRelabel(d, [0, 1], 2);
    expect(patch).toHaveLength(1);
    expect(json(expectUndoable(d, patch)).annotations.map((a) => a.category_id)).toEqual([2, 2]);
  });
});

describe('setScore', () => {
  it('sets, changes and removes a score; refuses one outside 0..1', () => {
    const d = numbered([{}, { score: 0.5 }]);
    let after = expectUndoable(d, planSetScore(d, [0, 1], 0.75));
    expect(json(after).annotations.map((a) => a.score)).toEqual([0.75, 0.75]);
    after = expectUndoable(d, planSetScore(d, [0, 1], null));
    expect(json(after).annotations.map((a) => 'score' in a)).toEqual([false, false]);
    expect(planSetScore(d, [0], null)).toEqual([]);
    expect(planSetScore(d, [1], 0.5)).toEqual([]);
    expect(() => planSetScore(d, [0], 2)).toThrow(RangeError);
  });
});
