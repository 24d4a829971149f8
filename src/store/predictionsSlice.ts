/**
 * Predictions shown over the ground truth: adding a results list, evaluating it (in the
 * engine), the IoU threshold of the true/false positive verdicts, and how they are drawn.
 */
import type { StateCreator } from 'zustand';
import type { IouType } from '../coco';
import type { ProgressEvent } from '../worker/client';
import type {
  ConfusionReport,
  EvaluationReport,
  ImageMistakes,
  PredictionsSummary,
  SourceFile,
  ViewPrediction,
} from '../worker/protocol';
import type { StoreDeps } from './deps';
import type { AppState } from './appStore';
import type { WithoutBitmap } from './plainAnnotation';
import { withSubset } from './summaryUpdate';

/** A detection of the current image without its bitmap: what the store may hold. */
export type PlainPrediction = WithoutBitmap<ViewPrediction>;

export type PredictionsSlice = {
  /** Grows when the verdicts change (evaluated, another threshold): image views are stale. */
  marksVersion: number;
  /** The current subset's evaluations, by kind; cleared by a new open. */
  reports: Partial<Record<IouType, EvaluationReport>>;
  confusion: ConfusionReport | null;
  /** False positives and misses of each image by the verdicts (stale once the summary says so). */
  imageMistakes: ImageMistakes | null;
  /** The results list just opened, as it was read: the page says what it held. */
  loadedPredictions: PredictionsSummary | null;
  /** The evaluation in progress. */
  evaluating: (ProgressEvent & { iouType: IouType }) | null;
  evaluationError: string | null;
  showGroundTruth: boolean;
  showPredictions: boolean;
  /** Detections scored below this are not drawn (nor listed). */
  predictionScore: number;
  /** The current image's detections (set with its annotations). */
  predictions: PlainPrediction[];
  /** A detection picked in the list or on the canvas (its position in the results list). */
  selectedPrediction: number | null;
  /** The detection under the pointer (its position in the results list). */
  hoveredPrediction: number | null;
  addPredictions: (files: SourceFile[]) => Promise<void>;
  evaluate: (iouType: IouType) => Promise<void>;
  setIouThreshold: (threshold: number) => Promise<void>;
  setPredictionScore: (score: number) => void;
  setShown: (source: 'showGroundTruth' | 'showPredictions', value: boolean) => void;
  selectPrediction: (key: number | null) => void;
  hoverPrediction: (key: number | null) => void;
  clearPredictionState: () => void;
  /**
   * After the ground truth was edited the verdicts are stale: evaluates again when that is
   * cheap (the last run took under QUICK_EVALUATION_MS), or always with `force`.
   */
  refreshStaleVerdicts: (force: boolean) => void;
};

/** Evaluations quicker than this are redone after each edit, so the verdicts stay true. */
const QUICK_EVALUATION_MS = 300;

/** The kind of evaluation whose matches mark the detections first: masks when both have them. */
export function defaultIouType(p: PredictionsSummary): IouType {
  return p.iouTypes.includes('segm') ? 'segm' : 'bbox';
}

export const createPredictionsSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], PredictionsSlice> =>
  (set, get) => ({
    marksVersion: 0,
    reports: {},
    confusion: null,
    imageMistakes: null,
    loadedPredictions: null,
    evaluating: null,
    evaluationError: null,
    showGroundTruth: true,
    showPredictions: true,
    predictionScore: 0,
    predictions: [],
    selectedPrediction: null,
    hoveredPrediction: null,

    addPredictions: async (files) => {
      const label = files.length === 1 ? files[0]!.path : `${files.length} files`;
      set({ opening: { phase: 'reading', file: '', done: 0, total: 1, label } });
      try {
        const { summary, subset } = await engine.addPredictions(get().subsetIndex, files, (event) =>
          set({ opening: { ...event, label } }),
        );
        // The predictions may be for another subset than the one shown: show that one.
        const moved = subset !== get().subsetIndex;
        set((s) => ({
          summary,
          reports: {},
          confusion: null,
          imageMistakes: null,
          loadedPredictions: summary.subsets[subset]?.predictions ?? null,
          marksVersion: s.marksVersion + 1,
          subsetIndex: subset,
        }));
        if (moved) {
          get().clearFilter();
          get().showFirstImage();
        }
      } finally {
        set({ opening: null });
      }
    },

    evaluate: async (iouType) => {
      const subset = get().subsetIndex;
      const dataset = get().datasetVersion;
      set({ evaluating: { phase: 'evaluating', file: iouType, done: 0, total: 1, iouType } });
      try {
        const result = await engine.evaluate(subset, iouType, (event) =>
          set({ evaluating: { ...event, iouType } }),
        );
        const summary = get().summary;
        if (summary === null || get().subsetIndex !== subset || get().datasetVersion !== dataset)
          return;
        set((s) => ({
          summary: withSubset(summary, subset, (s) => ({ ...s, predictions: result.predictions })),
          reports: { ...s.reports, [iouType]: result.report },
          confusion: result.confusion,
          imageMistakes: result.mistakes,
          evaluationError: null,
          marksVersion: s.marksVersion + 1,
        }));
        void refilterByMistakes(get);
      } catch (error) {
        if (get().datasetVersion === dataset)
          set({ evaluationError: error instanceof Error ? error.message : String(error) });
      } finally {
        set({ evaluating: null });
      }
      // Edits made while it ran (browsing and editing go on): match them too, if quick.
      get().refreshStaleVerdicts(false);
    },

    setIouThreshold: async (threshold) => {
      const subset = get().subsetIndex;
      const result = await engine.matchThreshold(subset, threshold);
      const summary = get().summary;
      if (summary === null || get().subsetIndex !== subset) return;
      set((s) => ({
        summary: withSubset(summary, subset, (s) => ({ ...s, predictions: result.predictions })),
        confusion: result.confusion,
        imageMistakes: result.mistakes,
        marksVersion: s.marksVersion + 1,
      }));
      void refilterByMistakes(get);
    },

    setPredictionScore: (score) => set({ predictionScore: score }),
    setShown: (source, value) => set({ [source]: value }),
    selectPrediction: (key) => set({ selectedPrediction: key }),
    hoverPrediction: (key) => set({ hoveredPrediction: key }),
    refreshStaleVerdicts: (force) => {
      const verdicts = get().summary?.subsets[get().subsetIndex]?.predictions?.verdicts;
      if (verdicts == null || !verdicts.stale || get().evaluating !== null) return;
      const last = get().reports[verdicts.iouType];
      if (!force && (last === undefined || last.ms > QUICK_EVALUATION_MS)) return;
      void get().evaluate(verdicts.iouType);
    },
    clearPredictionState: () =>
      set((s) => ({
        reports: {},
        confusion: null,
        imageMistakes: null,
        loadedPredictions: null,
        evaluationError: null,
        predictions: [],
        selectedPrediction: null,
        hoveredPrediction: null,
        marksVersion: s.marksVersion + 1,
      })),
  });

/** New verdicts: a list filtered or sorted by mistakes is asked again. */
function refilterByMistakes(get: () => AppState): Promise<void> | undefined {
  const { filter, setFilter } = get();
  if (filter.falsePositives || filter.misses || filter.sort !== 'file') return setFilter({});
}

/** What image views depend on: the dataset, its edits, and the verdicts. */
export const viewVersion = (s: AppState) =>
  `${s.datasetVersion}:${s.editVersion}:${s.marksVersion}`;
