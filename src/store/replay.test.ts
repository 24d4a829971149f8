import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../worker/protocol';
import { createAppStore } from './appStore';
import { FakeEngine } from './testing/fakeEngine';
import { DATASET, keyOf, relabel } from './testing/openStore';

/** A zip of two subsets, train and val, each the test dataset. */
function twoSubsets(): SourceFile {
  const json = new TextEncoder().encode(JSON.stringify(DATASET));
  const zip = zipSync({
    'annotations/instances_train.json': json,
    'annotations/instances_val.json': json,
  });
  return { path: 'data.zip', file: new Blob([zip]) };
}

async function open() {
  const engine = new FakeEngine();
  const store = createAppStore(engine);
  await store.getState().openFiles([twoSubsets()]);
  expect(store.getState().summary?.subsets.map((s) => s.name)).toEqual(['train', 'val']);
  return { engine, store };
}

describe('replaying a saved history (session restore)', () => {
  it('sends each subset its patches in order, one request per subset, and ends as the edits did', async () => {
    const edited = await open();
    const s = () => edited.store.getState();
    await s().edit('train 1', relabel(1, 2));
    s().setSubset(1);
    await s().edit('val 3', relabel(3, 2));
    s().setSubset(0);
    await s().edit('train 2', { type: 'delete', keys: [keyOf(2)] });
    const history = s().undoStack;
    expect(history.map((e) => e.subset)).toEqual([0, 1, 0]);

    const restored = await open();
    await restored.store.getState().replay(history);
    expect(restored.engine.of('applyPatches').map((r) => r.args)).toEqual([
      [0, [history[0]!.patch, history[2]!.patch]],
      [1, [history[1]!.patch]],
    ]);
    const r = restored.store.getState();
    expect(r.undoStack).toBe(history);
    expect(r.redoStack).toEqual([]);
    expect(r.unexported).toBe(true);
    for (const i of [0, 1]) {
      const [want, got] = [s().summary!.subsets[i]!, r.summary!.subsets[i]!];
      expect(got.categories).toEqual(want.categories);
      expect(Array.from(got.images.annotationCounts)).toEqual(
        Array.from(want.images.annotationCounts),
      );
      expect(Array.from(got.images.flags)).toEqual(Array.from(want.images.flags));
    }
    // Undo goes on from the replayed history.
    await restored.store.getState().undo();
    expect(restored.store.getState().summary!.subsets[0]!.annotationCount).toBe(4);
  });

  it('a run of undos over two subsets goes move by move, each to its subset', async () => {
    const { engine, store } = await open();
    const s = () => store.getState();
    await s().edit('train 1', relabel(1, 2));
    s().setSubset(1);
    await s().edit('val 3', relabel(3, 2));
    const [train, val] = s().undoStack;
    await Promise.all([s().undo(), s().undo()]);
    expect(engine.of('applyPatches').map((r) => r.args[0])).toEqual([1, 0]);
    expect(s().redoStack).toEqual([val, train]);
    for (const subset of s().summary!.subsets)
      expect(subset.categories.map((c) => c.annotationCount)).toEqual([2, 2]);
  });

  it('rejects when the edits do not apply, leaving the history empty', async () => {
    const edited = await open();
    await edited.store.getState().edit('delete', { type: 'delete', keys: [keyOf(1)] });
    const history = edited.store.getState().undoStack;
    const restored = await open();
    // The same deletion twice: the second finds annotation 1 gone.
    await expect(restored.store.getState().replay([...history, ...history])).rejects.toThrow();
    expect(restored.store.getState().undoStack).toEqual([]);
    expect(restored.store.getState().editsQueued).toBe(0);
    // Nothing of it was applied.
    expect(restored.store.getState().summary!.subsets[0]!.annotationCount).toBe(4);
  });
});
