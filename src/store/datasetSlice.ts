/** The open dataset as the page knows it: its summary, the open in progress, alerts. */
import type { StateCreator } from 'zustand';
import { Cancelled, EngineFailure, type ProgressEvent } from '../worker/client';
import type { OpenSummary, SourceFile } from '../worker/protocol';
import type { StoreDeps } from './deps';
import { mark } from './timingMarks';
import { imageFromHash } from './urlHash';
import { defaultIouType } from './predictionsSlice';
import { isJsonArray } from '../io/sniff';
import { unexportedCount } from './sessionFormat';
import type { ReplaceChoice } from './sessionSlice';
import type { AppState } from './appStore';

export type Alert = { id: number; file: string; place: string; message: string };

export type DatasetSlice = {
  summary: OpenSummary | null;
  /** Grows whenever what the engine holds changes (an open, pictures added): views cached before are stale. */
  datasetVersion: number;
  subsetIndex: number;
  /** The open in progress, with what the engine last said; null when idle. */
  opening: (ProgressEvent & { label: string }) | null;
  alerts: Alert[];
  /**
   * Opens files: pictures and predictions join the open dataset; anything else replaces
   * it once it has opened, after asking (replaceAsk) when it has edits not exported.
   */
  openFiles: (files: SourceFile[]) => Promise<void>;
  /** The answer to replaceAsk. */
  answerReplace: (choice: ReplaceChoice) => void;
  cancelOpen: () => void;
  setSubset: (index: number) => void;
  dismissAlert: (id: number) => void;
};

/** Every file is a json holding a bare array: detections, not a dataset. */
async function areResultsLists(files: SourceFile[]): Promise<boolean> {
  if (!files.every((f) => /\.json$/i.test(f.path))) return false;
  const arrays = await Promise.all(files.map((f) => isJsonArray(f.file)));
  return arrays.every(Boolean);
}

function describeFiles(files: SourceFile[]): string {
  return files.length === 1 ? files[0]!.path : `${files.length} files`;
}

export const createDatasetSlice =
  ({ engine, sessions }: StoreDeps): StateCreator<AppState, [], [], DatasetSlice> =>
  (set, get) => {
    let nextAlertId = 1;
    /** Settles the question asked before an open replaces the dataset (replaceAsk). */
    let answering: ((choice: ReplaceChoice) => void) | null = null;
    const alert = (detail: Omit<Alert, 'id'>) =>
      set((s) => ({ alerts: [...s.alerts, { id: nextAlertId++, ...detail }] }));

    /** Pictures (or a zip of them) given while a dataset is open are matched to it. */
    const addPictures = async (files: SourceFile[]) => {
      set({
        opening: { phase: 'matching', file: '', done: 0, total: 1, label: describeFiles(files) },
      });
      try {
        const summary = await engine.addImages(files);
        set((s) => ({ summary, datasetVersion: s.datasetVersion + 1 }));
        sessions.added(files);
      } catch (error) {
        alert({
          file: describeFiles(files),
          place: '',
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        set({ opening: null });
      }
    };

    /** Results lists dropped on an open dataset are its predictions. */
    const addPredictionsOf = async (files: SourceFile[]) => {
      try {
        await get().addPredictions(files);
        // Saved with the session: a restore opens them with the dataset, which attaches them.
        sessions.added(files);
        evaluateIfPredictions();
      } catch (error) {
        const detail =
          error instanceof EngineFailure
            ? error.detail
            : {
                file: '',
                place: '',
                message: error instanceof Error ? error.message : String(error),
              };
        alert({
          file: detail.file || describeFiles(files),
          place: detail.place,
          message: detail.message,
        });
      }
    };

    /** Predictions are matched as soon as they are open, so their verdicts show at once. */
    const evaluateIfPredictions = () => {
      const predictions = get().summary?.subsets[get().subsetIndex]?.predictions;
      if (predictions != null && predictions.verdicts === null)
        void get().evaluate(defaultIouType(predictions));
    };

    /**
     * Asks whether the opened files may replace the dataset with unexported edits; resolves
     * with whether they may, and whether its session is to be discarded.
     */
    const ask = async (files: SourceFile[]): Promise<{ replace: boolean; discard: boolean }> => {
      for (;;) {
        const edits = unexportedCount(get().undoStack, get().exportedHistory);
        const choice = await new Promise<ReplaceChoice>((resolve) => {
          answering = resolve;
          set({ opening: null, replaceAsk: { label: describeFiles(files), edits } });
        });
        if (choice === 'cancel' || choice === 'export') return { replace: false, discard: false };
        if (choice === 'discard') return { replace: true, discard: true };
        await sessions.flush();
        // Keeping a session that could not be saved would lose it: ask again.
        if (get().autosave.state !== 'failed') return { replace: true, discard: false };
      }
    };

    /** Opens `files` in place of the dataset open now (which stays if the open fails). */
    const replaceWith = async (files: SourceFile[]) => {
      mark('open-start');
      const label = describeFiles(files);
      set({ opening: { phase: 'listing', file: '', done: 0, total: 1, label } });
      // Every edit is exported (or there is none): the session before needs no keeping,
      // unless it holds review marks or colours, which no export carries.
      const s = get();
      let discardPrevious =
        Object.keys(s.marks).length === 0 && Object.keys(s.customColors).length === 0;
      const confirm = async () => {
        // Asked once the files have opened (a broken file needs no question), about the
        // edits made until then, including any still on their way to the engine.
        await get().editsSettled();
        if (!get().unexported) return true;
        const answer = await ask(files);
        discardPrevious = answer.discard;
        return answer.replace;
      };
      try {
        const summary = await engine.open(
          files,
          (event) => set({ opening: { ...event, label } }),
          confirm,
          imageFromHash(),
        );
        get().clearFilter();
        set((s) => ({
          summary,
          datasetVersion: s.datasetVersion + 1,
          subsetIndex: 0,
          opening: null,
          alerts: [],
          undoStack: [],
          redoStack: [],
          unexported: false,
          exportedHistory: null,
          // Review marks and colours belong to the dataset before (its session keeps them).
          marks: {},
          customColors: {},
        }));
        get().clearPredictionState();
        set({ loadedPredictions: summary.subsets[0]?.predictions ?? null });
        get().showFirstImage();
        sessions.opened(files, label, discardPrevious);
        evaluateIfPredictions();
      } catch (error) {
        set({ opening: null });
        if (error instanceof Cancelled) return;
        if (
          error instanceof EngineFailure &&
          error.detail.code === 'no-annotations' &&
          engine.hasDataset
        ) {
          return addPictures(files);
        }
        const detail =
          error instanceof EngineFailure
            ? error.detail
            : {
                file: label,
                place: '',
                message: error instanceof Error ? error.message : String(error),
              };
        alert({ file: detail.file || label, place: detail.place, message: detail.message });
      }
    };

    return {
      summary: null,
      datasetVersion: 0,
      subsetIndex: 0,
      opening: null,
      alerts: [],

      openFiles: async (files) => {
        if (files.length === 0) return;
        const hasJson = files.some((f) => /\.json$/i.test(f.path));
        const hasZip = files.some((f) => /\.zip$/i.test(f.path));
        if (!hasJson && !hasZip && engine.hasDataset) return addPictures(files);
        if (engine.hasDataset && (await areResultsLists(files))) return addPredictionsOf(files);
        // A question still open is about files this open supersedes.
        if (answering !== null) get().answerReplace('cancel');
        return replaceWith(files);
      },

      answerReplace: (choice) => {
        const answer = answering;
        answering = null;
        set({ replaceAsk: null });
        answer?.(choice);
      },

      cancelOpen: () => {
        engine.cancel();
        set({ opening: null });
      },

      setSubset: (index) => {
        get().clearFilter();
        get().clearPredictionState();
        set({ subsetIndex: index });
        get().showFirstImage();
        evaluateIfPredictions();
      },

      dismissAlert: (id) => set((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) })),
    };
  };
