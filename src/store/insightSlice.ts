/** The deeper checks' findings and the statistics of the current subset (asked of the engine). */
import type { StateCreator } from 'zustand';
import type { DatasetStats, FindingKind } from '../coco';
import type { FindingInfo } from '../worker/protocol';
import { engine } from './engine';
import type { AppState } from './store';

export type InsightSlice = {
  findings: FindingInfo[] | null;
  findingCounts: Partial<Record<FindingKind, number>>;
  /** `datasetVersion:editVersion:subset` the findings / stats were computed for. */
  findingsFor: string;
  /** Share (0..1) of the annotations checked while the checks run; null otherwise. */
  checkProgress: number | null;
  stats: DatasetStats | null;
  statsFor: string;
  /** Runs the checks unless they are fresh for the dataset as it is now. */
  runChecks: () => Promise<void>;
  loadStats: () => Promise<void>;
};

/** What findings and statistics depend on: the dataset, its edits, the subset shown. */
export const insightKey = (s: AppState) => `${s.datasetVersion}:${s.editVersion}:${s.subsetIndex}`;

/** The findings are of the dataset as it is now (checked since the last change, not running). */
export const findingsFresh = (s: AppState) =>
  s.findingsFor === insightKey(s) && s.checkProgress === null;

export const createInsightSlice: StateCreator<AppState, [], [], InsightSlice> = (set, get) => ({
  findings: null,
  findingCounts: {},
  findingsFor: '',
  checkProgress: null,
  stats: null,
  statsFor: '',

  runChecks: async () => {
    const key = insightKey(get());
    if (get().findingsFor === key || get().summary === null) return;
    set({ findingsFor: key, checkProgress: 0 });
    try {
      const { findings, counts } = await engine.check(get().subsetIndex, (event) => {
        if (insightKey(get()) === key && event.total > 0)
          set({ checkProgress: event.done / event.total });
      });
      if (insightKey(get()) === key) set({ findings, findingCounts: counts, checkProgress: null });
    } catch (error) {
      set({ findingsFor: '', checkProgress: null });
      throw error;
    }
  },

  loadStats: async () => {
    const key = insightKey(get());
    if (get().statsFor === key || get().summary === null) return;
    set({ statsFor: key });
    const stats = await engine.stats(get().subsetIndex);
    if (insightKey(get()) === key) set({ stats });
  },
});
