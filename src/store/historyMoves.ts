/**
 * What a run of undos and redos does to the history, planned before anything is sent: the
 * stacks after it, and the patches the engine applies for it. An undo followed by the redo
 * of the same edit (or a redo by its undo) cancels out, so Ctrl+Z and Ctrl+Shift+Z pressed
 * in turn send nothing, and Ctrl+Z held down sends one request however long the run.
 */
import { invertPatchSequence } from '../coco';
import type { SubsetPatch } from '../worker/protocol';

export type HistoryEntry = { label: string; subset: number; patch: SubsetPatch };

export type Move = 'undo' | 'redo';

export type MovesPlan = {
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /** Moves that had an entry to move (an undo with nothing to undo moves nothing). */
  moved: number;
  /** One request per subset, its patches in the order they apply; empty when all cancel out. */
  requests: { subset: number; patches: SubsetPatch[] }[];
  /** No moved entry inserts or removes anything: annotation keys (the selection) stay valid. */
  keepsKeys: boolean;
  /** How the first move is named, for an alert ("Undo Delete annotation"). */
  firstLabel: string;
};

/** Whether annotation keys stay valid across a patch (nothing inserted or removed). */
export function keepsKeys(patch: SubsetPatch): boolean {
  return patch.every((p) => p.patch.every((op) => op.op === 'replace'));
}

/** The history after `moves`, applied in order to `undoStack` and `redoStack` (not changed). */
export function planMoves(
  undoStack: readonly HistoryEntry[],
  redoStack: readonly HistoryEntry[],
  moves: readonly Move[],
): MovesPlan {
  const undo = undoStack.slice();
  const redo = redoStack.slice();
  const net: { entry: HistoryEntry; move: Move }[] = [];
  let moved = 0;
  let keys = true;
  let firstLabel = '';
  for (const move of moves) {
    const entry = (move === 'undo' ? undo : redo).pop();
    if (entry === undefined) continue;
    (move === 'undo' ? redo : undo).push(entry);
    if (moved++ === 0) firstLabel = `${move === 'undo' ? 'Undo' : 'Redo'} ${entry.label}`;
    keys &&= keepsKeys(entry.patch);
    const last = net.at(-1);
    if (last !== undefined && last.entry === entry && last.move !== move) net.pop();
    else net.push({ entry, move });
  }
  // Subsets are apart in the engine: each gets its patches in order, in one request.
  const bySubset = new Map<number, SubsetPatch[]>();
  for (const { entry, move } of net) {
    const patch = move === 'undo' ? invertPatchSequence(entry.patch) : entry.patch;
    const list = bySubset.get(entry.subset);
    if (list === undefined) bySubset.set(entry.subset, [patch]);
    else list.push(patch);
  }
  const requests = [...bySubset].map(([subset, patches]) => ({ subset, patches }));
  return { undoStack: undo, redoStack: redo, moved, requests, keepsKeys: keys, firstLabel };
}
