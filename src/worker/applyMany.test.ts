import { describe, expect, it } from 'vitest';
import { exportCoco, invertPatchSequence, parseCoco } from '../coco';
import { readCorpusText } from '../coco/testing/corpus';
import type { EditCommand, SubsetPatch } from './protocol';
import { applySubsetPatch, joinRuns, planEdit } from './edits';
import { buildSubset, type Subset } from './subset';
import { sourceOf } from './testing/sourceOf';

const dir = 'datumaro/coco_dataset/coco/annotations';

function subsetOf(...names: string[]): Subset {
  return buildSubset(
    'train',
    names.map((name) => {
      const path = `coco.zip: annotations/${name}`;
      return sourceOf(
        path,
        parseCoco(readCorpusText(`${dir}/${name}`), { fileName: path }).dataset!,
      );
    }),
  );
}

const files = (s: Subset) => s.sources.map((src) => exportCoco(src.dataset));

/** Edits of every kind of op (replace, insert, remove), each planned on the subset the one before left. */
const commands: EditCommand[] = [
  { type: 'relabel', keys: [0], categoryId: 2 },
  { type: 'set-crowd', keys: [0], on: true },
  {
    type: 'add-annotation',
    imageIndex: 0,
    categoryId: 1,
    shape: { kind: 'box', bbox: [1, 1, 2, 2] },
  },
  { type: 'add-category', name: 'extra', supercategory: '' },
  { type: 'delete', keys: [0] },
];

/** The patches of `commands` made one by one on a fresh subset, and that subset's files after each. */
function history(): { patches: SubsetPatch[]; after: string[][] } {
  const s = subsetOf('instances_train.json', 'person_keypoints_train.json');
  const patches: SubsetPatch[] = [];
  const after = [files(s)];
  for (const command of commands) {
    const patch = planEdit(s, command);
    applySubsetPatch(s, patch);
    patches.push(patch);
    after.push(files(s));
  }
  return { patches, after };
}

describe('many patches in one request (a run of undos or redos)', () => {
  it('leave the files as applying them one by one does, forwards and back', () => {
    const { patches, after } = history();
    const s = subsetOf('instances_train.json', 'person_keypoints_train.json');
    applySubsetPatch(s, patches.flat());
    expect(files(s)).toEqual(after.at(-1));
    const undos = patches
      .slice(2)
      .reverse()
      .flatMap((p) => invertPatchSequence(p));
    applySubsetPatch(s, undos);
    expect(files(s)).toEqual(after[2]);
  });

  it('are joined into one pass per file when consecutive', () => {
    const { patches } = history();
    const all = patches.flat();
    const joined = joinRuns(all);
    expect(joined.length).toBeLessThan(all.length);
    expect(joined.flatMap((p) => p.patch)).toEqual(all.flatMap((p) => p.patch));
    for (let i = 1; i < joined.length; i++)
      expect(joined[i]!.source !== joined[i - 1]!.source || joined[i]!.create).toBeTruthy();
  });

  it('apply all or nothing: one that does not fit leaves the subset as it was', () => {
    const { patches, after } = history();
    const s = subsetOf('instances_train.json', 'person_keypoints_train.json');
    // The last edit's patch again at the end: it no longer fits, so nothing is applied.
    const broken = [...patches.flat(), ...patches.at(-1)!];
    expect(() => applySubsetPatch(s, broken)).toThrow();
    expect(files(s)).toEqual(after[0]);
    expect(s.sources).toHaveLength(2);
    // The subset still takes the patches that fit.
    applySubsetPatch(s, patches.flat());
    expect(files(s)).toEqual(after.at(-1));
  });
});
