import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  checkDataset,
  clipToRect,
  exportCoco,
  invertPatch,
  parseCoco,
  planClipToImage,
  planDropShortParts,
  planNewIds,
  planRecomputeGeometry,
  selfIntersects,
  type Dataset,
  type FindingKind,
} from '../index';
import { readCorpusText } from '../testing/corpus';
import { problemsFixture } from '../testing/problemsFixture';

type Out = typeof problemsFixture;
const size = () => ({ width: 100, height: 50 });

describe('checkDataset', () => {
  const dataset = parseCoco(problemsFixture).dataset!;
  const findings = checkDataset(dataset);
  /** Kinds found on the annotation at file position `at`. */
  const kindsAt = (at: number) => findings.filter((f) => f.annotation === at).map((f) => f.kind);

  it('finds one problem of each kind, on the right annotation, and nothing on the others', () => {
    const expected: [number, FindingKind[]][] = [
      [0, ['outside-image']],
      [1, ['bbox-mismatch']],
      [2, ['area-mismatch']],
      [3, ['self-intersecting']],
      [4, ['zero-area']],
      [5, []],
      [6, ['duplicate-annotation']],
      [7, ['keypoints-outside-box']],
      [8, ['unknown-image']],
      [9, ['unknown-category']],
      [10, ['duplicate-id']],
      [11, ['too-few-points']],
      [12, []],
      [13, []],
      [14, []],
    ];
    for (const [at, kinds] of expected) expect([at, kindsAt(at)]).toEqual([at, kinds]);
    expect(findings.filter((f) => f.kind === 'empty-image').map((f) => f.image)).toEqual([2]);
    expect(findings.filter((f) => f.kind === 'unused-category').map((f) => f.category)).toEqual([
      2,
    ]);
  });

  it('messages say what is wrong, with numbers', () => {
    const message = (kind: FindingKind) => findings.find((f) => f.kind === kind)!.message;
    expect(message('bbox-mismatch')).toBe(
      "bbox [0, 0, 50, 50] differs from the shape's [10, 10, 20, 20]",
    );
    expect(message('area-mismatch')).toBe("area 99 differs from the shape's 400");
    expect(message('duplicate-annotation')).toBe(
      'overlaps annotation 6 of the same category (IoU 1.00)',
    );
    expect(message('duplicate-id')).toBe('id 2 is also the id of annotations[1]');
  });

  it('recomputing area and bbox, and clipping to the image, clear their findings', () => {
    let fixed = applyPatch(dataset, planRecomputeGeometry(dataset, [1, 2], size));
    fixed = applyPatch(fixed, planClipToImage(fixed, [0], size));
    const after = checkDataset(fixed).filter((f) => f.annotation !== undefined && f.annotation < 3);
    expect(after).toEqual([]);
    const out = JSON.parse(exportCoco(fixed)) as Out;
    expect(out.annotations[0]!.segmentation).toEqual([[90, 10, 100, 10, 100, 40, 90, 40]]);
    expect(out.annotations[1]!.bbox).toEqual([10, 10, 20, 20]);
    expect(out.annotations[2]!.area).toBe(400);
  });

  it('a new id for the second holder of an id; dropping short parts deletes a polygon left empty', () => {
    const renumbered = applyPatch(dataset, planNewIds(dataset, [10]));
    expect(renumbered.annotations.at(10)!.id).toBe(16);
    expect(renumbered.annotations.at(1)!.id).toBe(2);
    expect(checkDataset(renumbered).some((f) => f.kind === 'duplicate-id')).toBe(false);
    const dropped = applyPatch(dataset, planDropShortParts(dataset, [11], size));
    expect([...dropped.annotations].map((a) => a.id)).not.toContain(12);
    expect(dropped.annotations).toHaveLength(dataset.annotations.length - 1);
  });

  it('drops only the short parts of a multi-part polygon, and every fix inverts', () => {
    const file = structuredClone(problemsFixture);
    file.annotations[11]!.segmentation = [
      [40, 5, 60, 5],
      [40, 20, 50, 20, 50, 30, 40, 30],
    ];
    const d = parseCoco(file).dataset!;
    const patch = planDropShortParts(d, [11], size);
    const after = applyPatch(d, patch);
    expect(JSON.parse(exportCoco(after)).annotations[11]).toMatchObject({
      segmentation: [[40, 20, 50, 20, 50, 30, 40, 30]],
      area: 100,
      bbox: [40, 20, 10, 10],
    });
    const back: Dataset = applyPatch(after, invertPatch(patch));
    expect(exportCoco(back)).toBe(exportCoco(d));
  });

  it('every fix is undone by its inverse', () => {
    const plans = [
      planRecomputeGeometry(dataset, [1, 2], size),
      planClipToImage(dataset, [0], size),
      planNewIds(dataset, [10]),
      planDropShortParts(dataset, [11], size),
    ];
    for (const patch of plans) {
      expect(patch.length).toBeGreaterThan(0);
      const after = applyPatch(dataset, patch);
      expect(exportCoco(after)).not.toBe(exportCoco(dataset));
      expect(exportCoco(applyPatch(after, invertPatch(patch)))).toBe(exportCoco(dataset));
    }
  });

  it('self-intersection: a bow tie crosses, a square does not', () => {
    expect(selfIntersects([0, 0, 10, 10, 10, 0, 0, 10])).toBe(true);
    expect(selfIntersects([0, 0, 10, 0, 10, 10, 0, 10])).toBe(false);
  });

  it('clipToRect keeps what is inside', () => {
    expect(clipToRect([-10, -10, 10, -10, 10, 10, -10, 10], { width: 100, height: 100 })).toEqual([
      10, 0, 10, 10, 0, 10, 0, 0,
    ]);
  });
});

describe('panoptic segment ids', () => {
  const text = readCorpusText('quirks/panoptic-repeated-ids/panoptic.json');

  it('repeated across images are legal (unique per image): no duplicate-id finding', () => {
    const dataset = parseCoco(text).dataset!;
    expect(dataset.annotations).toHaveLength(4);
    expect(checkDataset(dataset).filter((f) => f.kind === 'duplicate-id')).toEqual([]);
  });

  it('repeated within one image are reported, with no fix (the PNG map would need repainting)', () => {
    const file = JSON.parse(text) as {
      annotations: { segments_info: { id: number }[] }[];
    };
    file.annotations[0]!.segments_info[1]!.id = 1;
    const findings = checkDataset(parseCoco(file).dataset!).filter(
      (f) => f.kind === 'duplicate-id',
    );
    expect(findings).toEqual([
      {
        kind: 'duplicate-id',
        annotation: 1,
        message: 'segment id 1 appears twice in the segments of image 1',
      },
    ]);
  });
});
