import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco } from '../index';
import { readCorpusText } from '../testing/corpus';
import { editFixture as fixture } from '../testing/editFixture';
import { newAnnotationIds, nextAnnotationId, planSetFields } from './commands';
import { applyPatch, invertPatch, invertPatchSequence } from './patch';

describe('new annotation ids', () => {
  it('new ids are unique across all files of a subset', () => {
    const d = fixture();
    const other = parseCoco(
      JSON.stringify({
        images: [{ id: 1, file_name: 'a.jpg', width: 40, height: 30 }],
        annotations: [{ id: 8, image_id: 1, category_id: 1, keypoints: [], num_keypoints: 0 }],
        categories: [{ id: 1, name: 'cat', keypoints: [], skeleton: [] }],
      }),
    ).dataset!;
    const next = newAnnotationIds([d, other]);
    expect([next(), next()]).toEqual([9, 10]);
    expect(nextAnnotationId(d)).toBe(8);
  });

  it('ids past 2^53 are never counted as the largest, and never collide', () => {
    const big = parseCoco(readCorpusText('quirks/big-ids.json')).dataset!;
    const next = newAnnotationIds([big]);
    const safe = [...big.annotations]
      .map((a) => a.id)
      .filter((id): id is number & typeof id => Number.isSafeInteger(id));
    const first = next();
    expect(first).toBe(Math.max(0, ...safe) + 1);
    expect(Number.isSafeInteger(first)).toBe(true);
    // Ids held as strings that spell a number, and ids in the way, are skipped.
    const crowded = parseCoco(
      JSON.stringify({
        images: [{ id: 1, file_name: 'a.jpg', width: 4, height: 4 }],
        annotations: [
          { id: 3, image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
          { id: '4', image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
          { id: 'BIG', image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
        ],
        categories: [{ id: 1, name: 'a' }],
      }).replace('"BIG"', '9007199254740993'),
    ).dataset!;
    const ids = newAnnotationIds([crowded]);
    expect([ids(), ids()]).toEqual([5, 6]);
    // At the edge of safe integers: the last one is given, then no more (2^53 is in use).
    const edge = parseCoco(
      JSON.stringify({
        images: [{ id: 1, file_name: 'a.jpg', width: 4, height: 4 }],
        annotations: [
          { id: Number.MAX_SAFE_INTEGER - 1, image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
          { id: 'BIG', image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
        ],
        categories: [{ id: 1, name: 'a' }],
      }).replace('"BIG"', '9007199254740993'),
    ).dataset!;
    const last = newAnnotationIds([edge]);
    expect(last()).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => last()).toThrow(RangeError);
  });
});

describe('invertPatchSequence', () => {
  it('undoes a sequence: entries reversed, each patch inverted, other fields kept', () => {
    const d = fixture();
    const first = planSetFields(d, [0], { category_id: 2 });
    const afterFirst = applyPatch(d, first);
    const second = planSetFields(afterFirst, [0], { iscrowd: 1 });
    const sequence = [
      { source: 0, patch: first },
      { source: 0, patch: second, create: 'instances' as const },
    ];
    const inverted = invertPatchSequence(sequence);
    expect(inverted).toEqual([
      { source: 0, patch: invertPatch(second), create: 'instances' },
      { source: 0, patch: invertPatch(first) },
    ]);
    const done = applyPatch(afterFirst, second);
    const undone = inverted.reduce((data, entry) => applyPatch(data, entry.patch), done);
    expect(exportCoco(undone)).toBe(exportCoco(d));
  });
});
