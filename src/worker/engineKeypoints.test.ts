/**
 * Keypoint edits through the engine: a COCO-WholeBody file opens with its extra sets in
 * the view (not among the extra fields), an edit of a set by name changes the view and
 * the export, and its undo gives the file's bytes back.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, invertPatchSequence } from '../coco';
import { EngineHarness, jsonFilesOf, sourcesOf } from './testing/engineHarness';

const WHOLEBODY = JSON.stringify(
  {
    images: [{ id: 1, file_name: 'a.jpg', width: 100, height: 80 }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [10, 10, 50, 60],
        keypoints: [20, 15, 2, 25, 15, 1, 0, 0, 0],
        foot_kpts: [30, 70, 2, 32, 70, 2, 0, 0, 0, 40, 70, 2, 0, 0, 0, 0, 0, 0],
        foot_valid: true,
        face_box: [0, 0, 0, 0],
        num_keypoints: 2,
        iscrowd: 0,
      },
    ],
    categories: [{ id: 1, name: 'person', keypoints: ['nose', 'left_eye', 'right_eye'] }],
  },
  null,
  2,
);

async function exportedAnnotation(h: EngineHarness): Promise<Record<string, unknown>> {
  const settings = { ...DEFAULT_EXPORT, includeImages: false };
  const { files } = await h.request({ type: 'export', format: 'json', subset: 0, settings });
  const [text] = [...(await jsonFilesOf(files)).values()];
  return (JSON.parse(text!) as { annotations: Record<string, unknown>[] }).annotations[0]!;
}

async function view(h: EngineHarness) {
  const answer = await h.request({
    type: 'image-view',
    subset: 0,
    imageIndex: 0,
    customColors: {},
  });
  return answer.view.annotations[0]!;
}

describe('keypoint edits in the engine', () => {
  it('shows WholeBody sets as keypoint sets, not as extra fields', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'person_keypoints_wb.json': WHOLEBODY }) });
    const a = await view(h);
    expect(a.keypointSets).toEqual([
      { set: 'foot_kpts', points: [30, 70, 2, 32, 70, 2, 0, 0, 0, 40, 70, 2, 0, 0, 0, 0, 0, 0] },
    ]);
    expect(Object.keys(a.extra)).toEqual(['foot_valid', 'face_box']);
  });

  it('a set addressed by name: edited, exported, undone to the bytes', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'person_keypoints_wb.json': WHOLEBODY }) });
    const edit = { kind: 'add-next', x: 41.5, y: 71 } as const;
    const { patch } = await h.request({
      type: 'edit',
      subset: 0,
      command: { type: 'keypoint', key: 0, set: 'foot_kpts', edit },
    });
    expect((await view(h)).keypointSets[0]!.points.slice(6, 9)).toEqual([41.5, 71, 2]);
    const a = await exportedAnnotation(h);
    expect((a.foot_kpts as number[]).slice(6, 9)).toEqual([41.5, 71, 2]);
    expect(a.num_keypoints).toBe(2);

    await h.request({ type: 'apply-patches', subset: 0, patches: [invertPatchSequence(patch)] });
    const settings = { ...DEFAULT_EXPORT, includeImages: false };
    const { files } = await h.request({ type: 'export', format: 'json', subset: 0, settings });
    expect([...(await jsonFilesOf(files)).values()]).toEqual([WHOLEBODY]);
  });

  it('hide, then restore a body point: num_keypoints follows each step', async () => {
    const h = new EngineHarness();
    await h.request({ type: 'open', files: sourcesOf({ 'person_keypoints_wb.json': WHOLEBODY }) });
    const send = (v: 0 | 1 | 2) =>
      h.request({
        type: 'edit',
        subset: 0,
        command: {
          type: 'keypoint',
          key: 0,
          set: 'keypoints',
          edit: { kind: 'set-visibility', index: 0, v },
        },
      });
    await send(0);
    let a = await exportedAnnotation(h);
    expect(a.keypoints).toEqual([20, 15, 0, 25, 15, 1, 0, 0, 0]);
    expect(a.num_keypoints).toBe(1);
    await send(2);
    a = await exportedAnnotation(h);
    expect(a.keypoints).toEqual([20, 15, 2, 25, 15, 1, 0, 0, 0]);
    expect(a.num_keypoints).toBe(2);
  });
});
