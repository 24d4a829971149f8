/**
 * Edits and their history. An edit is a command sent to the engine; the engine answers
 * with the patch it applied, which is what the history keeps (plain data: undo sends its
 * inverse, redo sends it again) and what autosave stores.
 */
import type { StateCreator } from 'zustand';
import { invertPatchSequence } from '../coco';
import { withCategoryCounts } from './categoryIndex';
import { withRecent } from './labelSearch';
import type { EditCommand, SubsetDelta, SubsetPatch, SubsetSummary } from '../worker/protocol';
import { engine } from './engine';
import { isExportedHistory } from './sessionFormat';
import type { AppState } from './store';
import { withSubset } from './summaryUpdate';

export type HistoryEntry = { label: string; subset: number; patch: SubsetPatch };

export type EditSlice = {
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /** Grows with every applied edit, undo or redo: cached views of images are stale. */
  editVersion: number;
  /** The history differs from the one last exported (or, before any export, is not empty). */
  unexported: boolean;
  /** The history as it was last exported; null when nothing was exported since the open. */
  exportedHistory: HistoryEntry[] | null;
  /** Edits, undos and redos asked for and not yet answered by the engine. */
  editsQueued: number;
  /** The last edit that failed, for the alert. */
  edit: (label: string, command: EditCommand) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Re-applies a saved history (session restore). */
  replay: (entries: HistoryEntry[]) => Promise<void>;
  /** The history now is what was exported. */
  markExported: (history: HistoryEntry[]) => void;
  /** Resolves once every edit, undo and redo asked for so far is applied (or failed). */
  editsSettled: () => Promise<void>;
};

/** Whether annotation keys stay valid across a patch (nothing inserted or removed). */
function keepsKeys(patch: SubsetPatch): boolean {
  return patch.every((p) => p.patch.every((op) => op.op === 'replace'));
}

function applyDelta(summary: SubsetSummary, delta: SubsetDelta): SubsetSummary {
  const images = {
    ...summary.images,
    annotationCounts: summary.images.annotationCounts.slice(),
    flags: summary.images.flags.slice(),
  };
  for (const d of delta.images) {
    images.annotationCounts[d.index] = d.annotationCount;
    images.flags[d.index] = d.flags;
  }
  return {
    ...summary,
    images,
    annotationCount: delta.annotationCount,
    crowdCount: delta.crowdCount,
    categories: delta.categories ?? withCategoryCounts(summary.categories, delta.categoryCounts),
    predictions: delta.predictions,
  };
}

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get) => {
  /**
   * Edits, undos and redos run one after another, each on the history the one before left:
   * an Undo pressed while an edit is on its way to the engine undoes that edit.
   */
  let queue: Promise<void> = Promise.resolve();
  const inOrder = (step: () => Promise<void>): Promise<void> => {
    set((s) => ({ editsQueued: s.editsQueued + 1 }));
    const counted = () => step().finally(() => set((s) => ({ editsQueued: s.editsQueued - 1 })));
    return (queue = queue.then(counted, counted));
  };
  const unexportedAfter = (history: HistoryEntry[]) =>
    !isExportedHistory(history, get().exportedHistory);
  /** Puts the engine's answer in the store. */
  const settle = (delta: SubsetDelta, extra: Partial<AppState>) => {
    set((s) => {
      const summary = s.summary;
      if (summary === null) return extra;
      return {
        ...extra,
        summary: withSubset(summary, delta.subset, (sub) => applyDelta(sub, delta)),
        editVersion: s.editVersion + 1,
      };
    });
    get().refreshStaleMarks(false);
  };
  const fail = (label: string, error: unknown) =>
    set((s) => ({
      alerts: [
        ...s.alerts,
        {
          id: Date.now(),
          file: label,
          place: '',
          message: error instanceof Error ? error.message : String(error),
        },
      ],
    }));

  return {
    undoStack: [],
    redoStack: [],
    editVersion: 0,
    unexported: false,
    exportedHistory: null,
    editsQueued: 0,

    edit: (label, command) =>
      inOrder(async () => {
        const subset = get().subsetIndex;
        try {
          const { patch, delta, inserted } = await engine.edit(subset, command);
          if (patch.every((p) => p.patch.length === 0)) return;
          const undoStack = [...get().undoStack, { label, subset, patch }];
          const recentLabels =
            command.type === 'relabel'
              ? withRecent(get().recentLabels, String(command.categoryId))
              : get().recentLabels;
          settle(delta, {
            undoStack,
            recentLabels,
            redoStack: [],
            unexported: unexportedAfter(undoStack),
            ...(inserted.length > 0 ? { selection: inserted } : {}),
          });
        } catch (error) {
          fail(label, error);
        }
      }),

    undo: () =>
      inOrder(async () => {
        const entry = get().undoStack.at(-1);
        if (entry === undefined) return;
        try {
          // `create` stays: a source made by an edit is made again when its undo is redone first.
          const { delta } = await engine.applyPatches(entry.subset, [
            invertPatchSequence(entry.patch),
          ]);
          const undoStack = get().undoStack.slice(0, -1);
          settle(delta, {
            undoStack,
            redoStack: [...get().redoStack, entry],
            unexported: unexportedAfter(undoStack),
            ...(keepsKeys(entry.patch) ? {} : { selection: [] }),
          });
        } catch (error) {
          fail(`Undo ${entry.label}`, error);
        }
      }),

    redo: () =>
      inOrder(async () => {
        const entry = get().redoStack.at(-1);
        if (entry === undefined) return;
        try {
          const { delta } = await engine.applyPatches(entry.subset, [entry.patch]);
          const undoStack = [...get().undoStack, entry];
          settle(delta, {
            undoStack,
            redoStack: get().redoStack.slice(0, -1),
            unexported: unexportedAfter(undoStack),
            ...(keepsKeys(entry.patch) ? {} : { selection: [] }),
          });
        } catch (error) {
          fail(`Redo ${entry.label}`, error);
        }
      }),

    replay: (entries) =>
      inOrder(async () => {
        const bySubset = new Map<number, SubsetPatch[]>();
        for (const e of entries)
          bySubset.set(e.subset, [...(bySubset.get(e.subset) ?? []), e.patch]);
        for (const [subset, patches] of bySubset) {
          const { delta } = await engine.applyPatches(subset, patches);
          settle(delta, {});
        }
        set({
          undoStack: entries,
          redoStack: [],
          exportedHistory: null,
          unexported: entries.length > 0,
        });
      }),

    markExported: (history) =>
      set({ exportedHistory: history, unexported: !isExportedHistory(get().undoStack, history) }),

    editsSettled: async () => {
      // An edit asked for while waiting joins the queue: wait until it stops growing.
      for (let last = queue; ; last = queue) {
        await last.catch(() => {});
        if (last === queue) return;
      }
    },
  };
};
