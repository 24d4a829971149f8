import { describe, expect, it } from 'vitest';
import { invertPatchSequence } from '../coco';
import { ImageFlag } from '../worker/protocol';
import { currentSubset } from './appStore';
import { keyOf, openStore, relabel } from './testing/openStore';

const countOf = (s: Parameters<typeof currentSubset>[0], name: string) =>
  currentSubset(s)!.categories.find((c) => c.name === name)!.annotationCount;

describe('the edit queue', () => {
  it('applies an Undo pressed while the edit is on its way to the edit, not the one before', async () => {
    const { store, engine } = await openStore();
    await store.getState().edit('Label 3 as dog', relabel(3, 2));
    engine.hold('edit');
    const edited = store.getState().edit('Label 1 as dog', relabel(1, 2));
    const undone = store.getState().undo();
    const inFlight = await engine.nth('edit', 2);
    // The undo waits for the edit's answer: nothing else was asked of the engine.
    expect(engine.of('applyPatches')).toHaveLength(0);
    inFlight.release();
    await Promise.all([edited, undone]);
    const s = store.getState();
    expect(s.undoStack.map((e) => e.label)).toEqual(['Label 3 as dog']);
    expect(s.redoStack.map((e) => e.label)).toEqual(['Label 1 as dog']);
    expect(engine.of('applyPatches').map((r) => r.args)).toEqual([
      [0, [invertPatchSequence(s.redoStack[0]!.patch)]],
    ]);
    expect(countOf(s, 'cat')).toBe(1);
    expect(countOf(s, 'dog')).toBe(3);
  });

  it('keeps undo and redo stacks: a new edit empties the redo stack', async () => {
    const { store } = await openStore();
    const { edit, undo, redo } = store.getState();
    await edit('a', relabel(1, 2));
    await edit('b', relabel(2, 1));
    await undo();
    await undo();
    await redo();
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['a']);
    expect(store.getState().redoStack.map((e) => e.label)).toEqual(['b']);
    await edit('c', relabel(3, 2));
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['a', 'c']);
    expect(store.getState().redoStack).toEqual([]);
    expect(countOf(store.getState(), 'dog')).toBe(4);
  });

  it('alerts a failed edit, with its label, and goes on with the next', async () => {
    const { store, engine } = await openStore();
    engine.failNext('edit', 'the engine refused');
    const failed = store.getState().edit('Label 1 as dog', relabel(1, 2));
    const next = store.getState().edit('Label 2 as cat', relabel(2, 1));
    await Promise.all([failed, next]);
    const s = store.getState();
    expect(s.alerts.map((a) => [a.file, a.message])).toEqual([
      ['Label 1 as dog', 'the engine refused'],
    ]);
    expect(s.undoStack.map((e) => e.label)).toEqual(['Label 2 as cat']);
    expect(s.editsQueued).toBe(0);
  });

  it('an edit’s answer and the end of the queue’s count are one store update', async () => {
    const { store, engine } = await openStore();
    engine.hold('edit');
    const states: { edits: number; queued: number }[] = [];
    const stop = store.subscribe((s) =>
      states.push({ edits: s.undoStack.length, queued: s.editsQueued }),
    );
    const edited = store.getState().edit('Label 3 as dog', relabel(3, 2));
    const inFlight = await engine.nth('edit', 1);
    // Counted once as on its way.
    expect(states).toEqual([{ edits: 0, queued: 1 }]);
    inFlight.release();
    await edited;
    stop();
    // No update with the edit applied and still counted as on its way.
    expect(states.filter((s) => s.edits === 1).map((s) => s.queued)).not.toContain(1);
    expect(store.getState().editsQueued).toBe(0);
  });

  it('editsSettled waits for every edit asked for, including ones asked for meanwhile', async () => {
    const { store, engine } = await openStore();
    engine.hold('edit');
    void store.getState().edit('a', relabel(1, 2));
    let settled = false;
    const done = store
      .getState()
      .editsSettled()
      .then(() => (settled = true));
    void store.getState().edit('b', relabel(2, 1));
    (await engine.nth('edit', 1)).release();
    const second = await engine.nth('edit', 2);
    expect(settled).toBe(false);
    expect(store.getState().editsQueued).toBeGreaterThan(0);
    second.release();
    await done;
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['a', 'b']);
    expect(store.getState().editsQueued).toBe(0);
  });

  it('says whether the history differs from the one exported', async () => {
    const { store } = await openStore();
    expect(store.getState().unexported).toBe(false);
    await store.getState().edit('a', relabel(1, 2));
    expect(store.getState().unexported).toBe(true);
    store.getState().markExported(store.getState().undoStack);
    expect(store.getState().unexported).toBe(false);
    await store.getState().undo();
    expect(store.getState().unexported).toBe(true);
    await store.getState().redo();
    expect(store.getState().unexported).toBe(false);
  });

  it("puts the engine's delta in the summary: counts and flags of the touched images", async () => {
    const { store } = await openStore();
    const before = currentSubset(store.getState())!;
    const version = store.getState().editVersion;
    await store.getState().edit('Crowd', { type: 'set-crowd', keys: [keyOf(1)], on: true });
    await store.getState().edit('Delete', { type: 'delete', keys: [keyOf(2)] });
    const after = currentSubset(store.getState())!;
    expect(store.getState().editVersion).toBe(version + 2);
    expect(after.annotationCount).toBe(before.annotationCount - 1);
    expect(after.crowdCount).toBe(before.crowdCount + 1);
    expect(Array.from(after.images.annotationCounts)).toEqual([1, 2, 0]);
    expect(after.images.flags[0]! & (ImageFlag.hasCrowd | ImageFlag.edited)).toBe(
      ImageFlag.hasCrowd | ImageFlag.edited,
    );
    expect(after.images.flags[1]).toBe(before.images.flags[1]);
    // The summary before is left as it was (a new table, not the old one changed).
    expect(Array.from(before.images.annotationCounts)).toEqual([2, 2, 0]);
    await store.getState().undo();
    await store.getState().undo();
    const undone = currentSubset(store.getState())!;
    expect(Array.from(undone.images.annotationCounts)).toEqual([2, 2, 0]);
    expect(undone.images.flags[0]! & ImageFlag.hasCrowd).toBe(0);
    expect(undone.crowdCount).toBe(before.crowdCount);
    expect(undone.categories).toEqual(before.categories);
  });

  it('keeps the image table when an edit changes no image’s count or flags', async () => {
    const { store } = await openStore();
    await store.getState().edit('Crowd', { type: 'set-crowd', keys: [keyOf(1)], on: true });
    const edited = currentSubset(store.getState())!;
    // Image 0 is edited and has a crowd already: its count and flags stay.
    await store.getState().edit('Crowd too', { type: 'set-crowd', keys: [keyOf(2)], on: true });
    const again = currentSubset(store.getState())!;
    expect(again.crowdCount).toBe(edited.crowdCount + 1);
    expect(again.images).toBe(edited.images);
    // A change of count does make a new table, the one before left as it was.
    await store.getState().edit('Delete', { type: 'delete', keys: [keyOf(2)] });
    const deleted = currentSubset(store.getState())!;
    expect(deleted.images).not.toBe(again.images);
    expect(Array.from(deleted.images.annotationCounts)).toEqual([1, 2, 0]);
    expect(Array.from(again.images.annotationCounts)).toEqual([2, 2, 0]);
  });

  it('selects what an edit inserts', async () => {
    const { store } = await openStore();
    await store.getState().edit('Draw', {
      type: 'add-annotation',
      imageIndex: 2,
      categoryId: 1,
      shape: { kind: 'box', bbox: [1, 1, 5, 5] },
    });
    expect(store.getState().selection).toEqual([4]);
    expect(currentSubset(store.getState())!.images.annotationCounts[2]).toBe(1);
  });
});
