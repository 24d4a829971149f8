import { describe, expect, it } from 'vitest';
import { invertPatchSequence } from '../coco';
import { currentSubset } from './appStore';
import { keyOf, openStore, type Opened } from './testing/openStore';

/** Relabels annotations 1, 2, 3 in turn (labels "1", "2", "3"). */
async function threeEdits(): Promise<Opened> {
  const opened = await openStore();
  for (const id of [1, 2, 3])
    await opened.store
      .getState()
      .edit(String(id), { type: 'relabel', keys: [keyOf(id)], categoryId: id === 2 ? 1 : 2 });
  return opened;
}

const labels = (stack: { label: string }[]) => stack.map((e) => e.label);

describe('a run of undos and redos (Ctrl+Z held down)', () => {
  it('asked for while one is on its way, goes to the engine as one request, in order', async () => {
    const { store, engine } = await threeEdits();
    const [first, second, third] = store.getState().undoStack;
    const version = store.getState().editVersion;
    engine.hold('applyPatches');
    const presses = [store.getState().undo()];
    (await engine.nth('applyPatches', 1)).release();
    presses.push(store.getState().undo(), store.getState().undo(), store.getState().undo());
    engine.release('applyPatches');
    await Promise.all(presses);
    expect(engine.of('applyPatches').map((r) => r.args)).toEqual([
      [0, [invertPatchSequence(third!.patch)]],
      [0, [invertPatchSequence(second!.patch), invertPatchSequence(first!.patch)]],
    ]);
    expect(store.getState().undoStack).toEqual([]);
    expect(labels(store.getState().redoStack)).toEqual(['3', '2', '1']);
    // One store update per request, not one per press.
    expect(store.getState().editVersion).toBe(version + 2);
    expect(currentSubset(store.getState())!.categories.map((c) => c.annotationCount)).toEqual([
      2, 2,
    ]);
  });

  it('presses in one task are one request', async () => {
    const { store, engine } = await threeEdits();
    const { undo } = store.getState();
    await Promise.all([undo(), undo(), undo(), undo(), undo()]);
    expect(engine.of('applyPatches')).toHaveLength(1);
    expect(engine.of('applyPatches')[0]!.args[1]).toHaveLength(3);
    expect(store.getState().undoStack).toEqual([]);
  });

  it('alternating undo and redo of the same edit cancel out: nothing is sent', async () => {
    const { store, engine } = await threeEdits();
    const { undo, redo } = store.getState();
    const stacks = [store.getState().undoStack, store.getState().redoStack];
    await Promise.all([undo(), redo(), undo(), redo(), undo(), redo()]);
    expect(engine.of('applyPatches')).toHaveLength(0);
    expect([store.getState().undoStack, store.getState().redoStack]).toEqual(stacks);
    // An odd run nets one undo.
    await Promise.all([undo(), redo(), undo(), redo(), undo()]);
    expect(engine.of('applyPatches').map((r) => r.args[1].length)).toEqual([1]);
    expect(labels(store.getState().redoStack)).toEqual(['3']);
  });

  it('mixed runs net out to what they leave: undo, undo, redo is one undo', async () => {
    const { store, engine } = await threeEdits();
    const { undo, redo } = store.getState();
    const third = store.getState().undoStack[2]!;
    await Promise.all([undo(), undo(), redo()]);
    expect(engine.of('applyPatches').map((r) => r.args)).toEqual([
      [0, [invertPatchSequence(third.patch)]],
    ]);
    expect(labels(store.getState().undoStack)).toEqual(['1', '2']);
    expect(labels(store.getState().redoStack)).toEqual(['3']);
  });

  it('keeps the selection across relabels, clears it when a move inserts or removes', async () => {
    const { store } = await threeEdits();
    store.getState().select([keyOf(1)]);
    const { undo, redo } = store.getState();
    await Promise.all([undo(), undo(), redo()]);
    expect(store.getState().selection).toEqual([keyOf(1)]);
    await store.getState().edit('Delete 4', { type: 'delete', keys: [keyOf(4)] });
    store.getState().select([keyOf(1)]);
    await Promise.all([undo(), redo()]);
    expect(store.getState().selection).toEqual([]);
  });

  it('when the run fails, retries it move by move: the failing one is alerted, the rest apply', async () => {
    const { store, engine } = await threeEdits();
    // Edit "2"'s patch no longer fits the dataset (as if the history were damaged).
    const [first, second, third] = store.getState().undoStack;
    const damaged = { ...second!, patch: third!.patch };
    store.setState({ undoStack: [first!, damaged, third!] });
    const { undo, edit } = store.getState();
    await Promise.all([undo(), undo()]);
    const sent = engine.of('applyPatches').map((r) => r.args[1].length);
    // The run (2 patches), then each move alone: "3" applies, "2" fails.
    expect(sent).toEqual([2, 1, 1]);
    expect(store.getState().alerts.map((a) => a.file)).toEqual(['Undo 2']);
    expect(labels(store.getState().undoStack)).toEqual(['1', '2']);
    expect(labels(store.getState().redoStack)).toEqual(['3']);
    // The queue goes on.
    await edit('4', { type: 'relabel', keys: [keyOf(4)], categoryId: 1 });
    expect(labels(store.getState().undoStack)).toEqual(['1', '2', '4']);
    expect(store.getState().editsQueued).toBe(0);
  });

  it('an undo with nothing to undo asks nothing of the engine', async () => {
    const { store, engine } = await openStore();
    await Promise.all([store.getState().undo(), store.getState().redo()]);
    expect(engine.of('applyPatches')).toHaveLength(0);
    expect(store.getState().editsQueued).toBe(0);
  });
});
