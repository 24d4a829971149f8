/** The deeper checks' findings and the statistics of the current subset (asked of the engine). */
import type { StateCreator } from 'zustand';
import type { DatasetStats, FindingKind } from '../coco';
import { withFindingFlags, type FindingInfo } from '../worker/protocol';
import { withSubset } from './summaryUpdate';
import type { StoreDeps } from './deps';
import type { AppState } from './appStore';

export type InsightSlice = {
  findings: FindingInfo[] | null;
  findingCounts: Partial<Record<FindingKind, number>>;
  /** `datasetVersion:editVersion:subset` the findings / stats were computed for. */
  findingsFor: string;
  /** Share (0..1) of the annotations checked while the checks run; null otherwise. */
  checkProgress: number | null;
  stats: DatasetStats | null;
  statsFor: string;
  /** Runs the checks unless they are fresh for the dataset as it is now (or running). */
  runChecks: () => Promise<void>;
  loadStats: () => Promise<void>;
};

/** What findings and statistics depend on: the dataset, its edits, the subset shown. */
export const insightKey = (s: AppState) => `${s.datasetVersion}:${s.editVersion}:${s.subsetIndex}`;

/** The findings are of the dataset as it is now (checked since the last change, not running). */
export const findingsFresh = (s: AppState) =>
  s.findingsFor === insightKey(s) && s.checkProgress === null;

export const createInsightSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], InsightSlice> =>
  (set, get) => {
    /** The checks running now, and what they are for. */
    let running: { key: string; done: Promise<void> } | null = null;
    return {
      findings: null,
      findingCounts: {},
      findingsFor: '',
      checkProgress: null,
      stats: null,
      statsFor: '',

      runChecks: () => {
        const key = insightKey(get());
        if (running?.key === key) return running.done;
        if (get().findingsFor === key || get().summary === null) return Promise.resolve();
        const subset = get().subsetIndex;
        set({ findingsFor: key, checkProgress: 0 });
        const done = (async () => {
          try {
            const { findings, counts, flagged } = await engine.check(subset, (event) => {
              if (insightKey(get()) === key && event.total > 0)
                set({ checkProgress: event.done / event.total });
            });
            if (insightKey(get()) !== key) return;
            const summary = get().summary;
            set({
              findings,
              findingCounts: counts,
              checkProgress: null,
              ...(summary === null
                ? {}
                : {
                    summary: withSubset(summary, subset, (s) => ({
                      ...s,
                      images: { ...s.images, flags: withFindingFlags(s.images.flags, flagged) },
                    })),
                  }),
            });
          } catch (error) {
            set({ findingsFor: '', checkProgress: null });
            throw error;
          } finally {
            if (running?.key === key) running = null;
          }
        })();
        running = { key, done };
        return done;
      },

      loadStats: async () => {
        const key = insightKey(get());
        if (get().statsFor === key || get().summary === null) return;
        set({ statsFor: key });
        const stats = await engine.stats(get().subsetIndex);
        if (insightKey(get()) === key) set({ stats });
      },
    };
  };
