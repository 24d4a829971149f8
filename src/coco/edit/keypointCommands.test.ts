import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { exportCoco, parseCoco, type Dataset } from '../index';
import { findExactIntegers, planSplice, spliceBytes } from '../faithful';
import { readCorpusText } from '../testing/corpus';
import type { KeypointSetName } from '../keypointSets';
import {
  countLabeled,
  nextMissingPoint,
  planKeypointEdit,
  type KeypointEdit,
} from './keypointCommands';
import { applyPatch, invertPatch } from './patch';

/** A person (5 named points, one unlabeled) and a COCO-WholeBody person with feet and a face. */
function fixture(): Dataset {
  const face = Array.from({ length: 68 * 3 }, () => 0);
  const file = {
    images: [{ id: 1, file_name: 'a.jpg', width: 100, height: 80 }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [10, 10, 50, 60],
        keypoints: [20, 15, 2, 25, 15, 1, 0, 0, 0, 30, 40, 2, 35, 60.5, 2],
        num_keypoints: 4,
        iscrowd: 0,
      },
      {
        id: 2,
        image_id: 1,
        category_id: 1,
        bbox: [50, 10, 40, 60],
        iscrowd: 0,
        keypoints: [60, 12, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        foot_kpts: [60, 70, 2, 62, 70, 2, 58, 69, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        face_kpts: face,
        face_box: [0, 0, 0, 0],
        foot_valid: true,
        face_valid: false,
        num_keypoints: 1,
      },
    ],
    categories: [
      {
        id: 1,
        name: 'person',
        keypoints: ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'],
        skeleton: [
          [1, 2],
          [1, 3],
          [2, 4],
          [3, 5],
        ],
      },
    ],
  };
  return parseCoco(JSON.stringify(file)).dataset!;
}

function annotation(d: Dataset, at: number): Record<string, unknown> {
  return (JSON.parse(exportCoco(d)) as { annotations: Record<string, unknown>[] }).annotations[at]!;
}

const EDITS: [number, KeypointSetName, KeypointEdit][] = [
  [0, 'keypoints', { kind: 'move', index: 0, x: 21.257, y: 16 }],
  [0, 'keypoints', { kind: 'move', index: 2, x: 40, y: 20 }],
  [0, 'keypoints', { kind: 'set-visibility', index: 3, v: 0 }],
  [0, 'keypoints', { kind: 'set-visibility', index: 1, v: 2 }],
  [0, 'keypoints', { kind: 'add-next', x: 11, y: 12 }],
  [0, 'keypoints', { kind: 'delete', index: 4 }],
  [1, 'foot_kpts', { kind: 'move', index: 2, x: 57, y: 68 }],
  [1, 'foot_kpts', { kind: 'add-next', x: 70, y: 71 }],
  [1, 'face_kpts', { kind: 'add-next', x: 64, y: 20 }],
  [1, 'foot_kpts', { kind: 'delete', index: 0 }],
];

describe('keypoint commands', () => {
  for (const [at, set, edit] of EDITS) {
    it(`${set} ${edit.kind}: changes the export; its inverse gives the bytes back`, () => {
      const d = fixture();
      const patch = planKeypointEdit(d, at, set, edit);
      const edited = applyPatch(d, patch);
      expect(exportCoco(edited)).not.toBe(exportCoco(d));
      expect(exportCoco(applyPatch(edited, invertPatch(patch)))).toBe(exportCoco(d));
      const a = annotation(edited, at);
      // num_keypoints counts the body's labeled points after every edit of any set.
      expect(a.num_keypoints).toBe(countLabeled(a.keypoints as number[]));
    });
  }

  it('moves a point (rounded to 2 decimals), keeping its v; an unlabeled point moved is visible', () => {
    const d = fixture();
    let a = annotation(applyPatch(d, planKeypointEdit(d, 0, 'keypoints', EDITS[0]![2])), 0);
    expect((a.keypoints as number[]).slice(0, 3)).toEqual([21.26, 16, 2]);
    a = annotation(applyPatch(d, planKeypointEdit(d, 0, 'keypoints', EDITS[1]![2])), 0);
    expect((a.keypoints as number[]).slice(6, 9)).toEqual([40, 20, 2]);
    expect(a.num_keypoints).toBe(5);
  });

  it('hides a point keeping x, y, restores it where it was; delete writes 0, 0, 0', () => {
    const d = fixture();
    const hidden = applyPatch(
      d,
      planKeypointEdit(d, 0, 'keypoints', { kind: 'set-visibility', index: 3, v: 0 }),
    );
    expect((annotation(hidden, 0).keypoints as number[]).slice(9, 12)).toEqual([30, 40, 0]);
    expect(annotation(hidden, 0).num_keypoints).toBe(3);
    const restored = applyPatch(
      hidden,
      planKeypointEdit(hidden, 0, 'keypoints', { kind: 'set-visibility', index: 3, v: 2 }),
    );
    expect(exportCoco(restored)).toBe(exportCoco(d));
    const deleted = applyPatch(
      d,
      planKeypointEdit(d, 0, 'keypoints', { kind: 'delete', index: 4 }),
    );
    expect((annotation(deleted, 0).keypoints as number[]).slice(12)).toEqual([0, 0, 0]);
    expect(annotation(deleted, 0).num_keypoints).toBe(3);
  });

  it('adds the first unlabeled point in the category order, visible', () => {
    const d = fixture();
    expect(nextMissingPoint(d.annotations.at(0)!.keypoints!, 5)).toBe(2);
    const added = applyPatch(
      d,
      planKeypointEdit(d, 0, 'keypoints', { kind: 'add-next', x: 11, y: 12 }),
    );
    expect((annotation(added, 0).keypoints as number[]).slice(6, 9)).toEqual([11, 12, 2]);
    expect(nextMissingPoint(added.annotations.at(0)!.keypoints!, 5)).toBeNull();
    expect(() => planKeypointEdit(added, 0, 'keypoints', { kind: 'add-next', x: 1, y: 1 })).toThrow(
      RangeError,
    );
  });

  it('an edit that changes nothing is an empty patch; a point past the set is refused', () => {
    const d = fixture();
    expect(planKeypointEdit(d, 0, 'keypoints', { kind: 'set-visibility', index: 0, v: 2 })).toEqual(
      [],
    );
    expect(() => planKeypointEdit(d, 0, 'keypoints', { kind: 'delete', index: 5 })).toThrow(
      RangeError,
    );
  });

  it('writes num_keypoints on an annotation that had none, at its end', () => {
    const file = JSON.parse(exportCoco(fixture())) as { annotations: Record<string, unknown>[] };
    delete file.annotations[0]!.num_keypoints;
    const d = parseCoco(JSON.stringify(file)).dataset!;
    const edited = annotation(
      applyPatch(d, planKeypointEdit(d, 0, 'keypoints', { kind: 'delete', index: 0 })),
      0,
    );
    expect(Object.keys(edited).at(-1)).toBe('num_keypoints');
    expect(edited.num_keypoints).toBe(3);
  });

  it("WholeBody: an extra set's flag follows it; num_keypoints stays the body's", () => {
    const d = fixture();
    const face = annotation(
      applyPatch(d, planKeypointEdit(d, 1, 'face_kpts', { kind: 'add-next', x: 64, y: 20 })),
      1,
    );
    expect((face.face_kpts as number[]).slice(0, 3)).toEqual([64, 20, 2]);
    expect(face.face_valid).toBe(true);
    expect(face.num_keypoints).toBe(1);
    let feet = d;
    for (const index of [0, 1, 2])
      feet = applyPatch(feet, planKeypointEdit(feet, 1, 'foot_kpts', { kind: 'delete', index }));
    expect(annotation(feet, 1).foot_valid).toBe(false);
    expect(annotation(feet, 1).foot_kpts).toEqual(Array.from({ length: 18 }, () => 0));
  });

  it("Datumaro's keypoints file: an edit and its undo splice back to the file's own bytes", () => {
    const path =
      'datumaro/coco_dataset/coco_person_keypoints/annotations/person_keypoints_train.json';
    const text = readCorpusText(path);
    const d = parseCoco(text, { fileName: path }).dataset!;
    const patch = planKeypointEdit(d, 0, 'keypoints', { kind: 'move', index: 1, x: 3, y: 2 });
    const edited = applyPatch(d, patch);
    const write = (current: Dataset) =>
      new TextDecoder().decode(
        spliceBytes(strToU8(text), planSplice(d, current, {}, findExactIntegers(text))),
      );
    const text2 = write(edited);
    // The touched record's untouched numbers keep the file's spelling (Python's 3.0, 2.0).
    expect(text2).toContain('"area":3.0');
    expect(text2).toContain('"bbox":[\n          2.0,');
    const written = JSON.parse(text2) as { annotations: Record<string, unknown>[] };
    expect(written.annotations[0]!.keypoints).toEqual([0, 0, 0, 3, 2, 1, 4, 1, 2]);
    expect(written.annotations[0]!.num_keypoints).toBe(2);
    expect(write(applyPatch(edited, invertPatch(patch)))).toBe(text);
  });
});
