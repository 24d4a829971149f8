/**
 * Edits and their history. An edit is a command sent to the engine; the engine answers
 * with the patch it applied, which is what the history keeps (plain data: undo sends its
 * inverse, redo sends it again) and what autosave stores.
 */
import type { StateCreator } from 'zustand';
import type { EditCommand } from '../worker/protocol';
import type { AppState } from './appStore';
import type { StoreDeps } from './deps';
import { planMoves, type HistoryEntry, type Move } from './historyMoves';
import { withRecent } from './labelSearch';
import { isExportedHistory } from './sessionFormat';
import { withDeltas } from './summaryUpdate';

/**
 * The tokens of an image's masks the page holds, kept held until the image's next view is
 * made (the canvas gives them: canvas/imageViews.ts); none until it says.
 */
let heldMasksOf: (subset: number, imageIndex: number) => string[] = () => [];

export function setHeldMasksSource(source: typeof heldMasksOf): void {
  heldMasksOf = source;
}

export type { HistoryEntry } from './historyMoves';

export type EditSlice = {
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /** Grows with every store update by edits, undos or redos: cached views of images are stale. */
  editVersion: number;
  /** The history differs from the one last exported (or, before any export, is not empty). */
  unexported: boolean;
  /** The history as it was last exported; null when nothing was exported since the open. */
  exportedHistory: HistoryEntry[] | null;
  /**
   * Edits, undos and redos asked for and not yet answered by the engine (counted when a
   * step starts: presses while one runs show from the next step on), 0 once all are.
   */
  editsQueued: number;
  edit: (label: string, command: EditCommand) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Re-applies a saved history (session restore); rejects when it does not apply. */
  replay: (entries: HistoryEntry[]) => Promise<void>;
  /** The history now is what was exported. */
  markExported: (history: HistoryEntry[]) => void;
  /** Resolves once every edit, undo and redo asked for so far is applied (or failed). */
  editsSettled: () => Promise<void>;
};

type Job =
  | { kind: 'edit'; label: string; command: EditCommand }
  | { kind: Move }
  | { kind: 'replay'; entries: HistoryEntry[] };
type Queued = { job: Job; resolve: () => void; reject: (error: unknown) => void };

const isMove = (job: Job): job is { kind: Move } => job.kind === 'undo' || job.kind === 'redo';

/**
 * Resolves at the next frame (or after 50 ms where frames are not drawn: a hidden tab), so
 * that the presses of a held key gather meanwhile; at once outside a page (Node tests).
 */
function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      resolve();
    };
    const timer = setTimeout(done, 50);
    const frame = requestAnimationFrame(done);
  });
}

export const createEditSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], EditSlice> =>
  (set, get) => {
    /**
     * Edits, undos and redos run one after another, each on the history the one before
     * left: an Undo pressed while an edit is on its way to the engine undoes that edit.
     * Undos and redos asked for while another step runs (Ctrl+Z held down) wait together
     * and go to the engine as one request, answered by one store update.
     */
    const waiting: Queued[] = [];
    let draining: Promise<void> | null = null;

    /** editsQueued, updated when a step starts or the queue empties: not once per key press. */
    const count = (n: number) => {
      if (get().editsQueued !== n) set({ editsQueued: n });
    };

    const enqueue = (job: Job) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (draining !== null) return;
        // Started after the current task, so presses of the same task already join the run;
        // counted there, as the step starts: the request goes to the engine before the page
        // renders the count.
        draining = Promise.resolve().then(drain);
      });

    const drain = async () => {
      let moved = false;
      while (waiting.length > 0) {
        // One store update per frame at most while a key is held: the next run of moves
        // waits for the frame, and takes every press that came meanwhile.
        if (moved && isMove(waiting[0]!.job)) await nextFrame();
        count(waiting.length);
        const first = waiting[0]!;
        moved = isMove(first.job);
        let n = 1;
        if (isMove(first.job)) while (n < waiting.length && isMove(waiting[n]!.job)) n++;
        const step = waiting.splice(0, n);
        try {
          if (isMove(first.job)) await runMoves(step.map((q) => q.job.kind as Move));
          else if (first.job.kind === 'edit') await runEdit(first.job.label, first.job.command);
          else if (first.job.kind === 'replay') await runReplay(first.job.entries);
          for (const q of step) q.resolve();
        } catch (error) {
          for (const q of step) q.reject(error);
        }
      }
      count(0);
      draining = null;
    };

    const unexportedAfter = (history: HistoryEntry[]) =>
      !isExportedHistory(history, get().exportedHistory);

    /** Puts the engine's answers in the store, with the history they leave. */
    const settle = (deltas: Parameters<typeof withDeltas>[1], extra: Partial<AppState>) => {
      set((s) =>
        s.summary === null
          ? extra
          : { ...extra, summary: withDeltas(s.summary, deltas), editVersion: s.editVersion + 1 },
      );
      get().refreshStaleVerdicts(false);
    };

    const fail = (label: string, error: unknown) =>
      set((s) => ({
        alerts: [
          ...s.alerts,
          {
            id: Date.now() + Math.random(),
            file: label,
            place: '',
            message: error instanceof Error ? error.message : String(error),
          },
        ],
      }));

    const runEdit = async (label: string, command: EditCommand) => {
      const subset = get().subsetIndex;
      try {
        // The image shown comes back redrawn with the answer (no second request), its masks
        // the page holds not made again; unless the edit is a brush stroke: a 4000×3000
        // mask's view takes ~0.1 s to make, which the answer (and the history, and
        // autosave) should not wait for. A mask command's new mask was made while its
        // preview showed (worker/preparedMask.ts).
        const imageIndex = get().imageIndex;
        const view =
          command.type === 'paint'
            ? undefined
            : {
                imageIndex,
                customColors: get().customColors,
                held: heldMasksOf(subset, imageIndex),
              };
        const { patch, delta, inserted } = await engine.edit(subset, command, view);
        if (patch.every((p) => p.patch.length === 0)) return;
        const undoStack = [...get().undoStack, { label, subset, patch }];
        const recentLabels =
          command.type === 'relabel'
            ? withRecent(get().recentLabels, String(command.categoryId))
            : get().recentLabels;
        settle([delta], {
          undoStack,
          recentLabels,
          redoStack: [],
          unexported: unexportedAfter(undoStack),
          // The steps still waiting, in the same update (the count costs no render of its own).
          editsQueued: waiting.length,
          ...(inserted.length > 0 ? { selection: inserted } : {}),
        });
      } catch (error) {
        fail(label, error);
      }
    };

    /**
     * Undos and redos in a row: what they change together goes to the engine at once (an
     * undo and the redo of the same edit cancel out). A failed run is retried move by
     * move (the engine applies a request all or nothing), so the failing one is named.
     */
    const runMoves = async (moves: Move[]) => {
      const plan = planMoves(get().undoStack, get().redoStack, moves);
      if (plan.moved === 0) return;
      const extra: Partial<AppState> = {
        undoStack: plan.undoStack,
        redoStack: plan.redoStack,
        unexported: unexportedAfter(plan.undoStack),
        ...(plan.keepsKeys ? {} : { selection: [] }),
      };
      // All cancelled out: the history is as it was (the selection goes as each move's would).
      if (plan.requests.length === 0) {
        if (!plan.keepsKeys) set({ selection: [] });
        return;
      }
      // Moves over several subsets (rare) go one by one: a failure then undoes no other.
      if (plan.requests.length > 1) {
        for (const move of moves) await runMoves([move]);
        return;
      }
      const [request] = plan.requests;
      try {
        const { delta } = await engine.applyPatches(request!.subset, request!.patches);
        settle([delta], { ...extra, editsQueued: waiting.length });
      } catch (error) {
        if (moves.length === 1) fail(plan.firstLabel, error);
        else for (const move of moves) await runMoves([move]);
      }
    };

    const runReplay = async (entries: HistoryEntry[]) => {
      const bySubset = new Map<number, HistoryEntry['patch'][]>();
      for (const e of entries) {
        const list = bySubset.get(e.subset);
        if (list === undefined) bySubset.set(e.subset, [e.patch]);
        else list.push(e.patch);
      }
      for (const [subset, patches] of bySubset) {
        const { delta } = await engine.applyPatches(subset, patches);
        settle([delta], {});
      }
      set({
        undoStack: entries,
        redoStack: [],
        exportedHistory: null,
        unexported: entries.length > 0,
      });
    };

    return {
      undoStack: [],
      redoStack: [],
      editVersion: 0,
      unexported: false,
      exportedHistory: null,
      editsQueued: 0,

      edit: (label, command) => enqueue({ kind: 'edit', label, command }),
      undo: () => enqueue({ kind: 'undo' }),
      redo: () => enqueue({ kind: 'redo' }),
      replay: (entries) => enqueue({ kind: 'replay', entries }),

      markExported: (history) =>
        set({
          exportedHistory: history,
          unexported: !isExportedHistory(get().undoStack, history),
        }),

      editsSettled: async () => {
        // A step asked for while waiting joins the queue: wait until it is empty.
        while (draining !== null) await draining;
      },
    };
  };
