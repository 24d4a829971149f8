/**
 * N / Shift+N: the next or previous annotation matching the image list's filter, across
 * images (crowd, problems, edited, false positives, misses; every annotation when nothing
 * filters), selected and zoomed to, with where it is in the walk ("crowd 12 of 401").
 */
import type { StateCreator } from 'zustand';
import type { WalkKind } from '../worker/protocol';
import type { AppState } from './appStore';
import type { StoreDeps } from './deps';

/** Where the canvas should zoom: an annotation (or detection) of an image, once it is shown. */
export type Focus = { imageIndex: number; key: number; prediction: boolean; nonce: number };

export type WalkSlice = {
  walkPosition: { kind: WalkKind; position: number; total: number } | null;
  focus: Focus | null;
  walk: (step: 1 | -1) => Promise<void>;
};

/** What the filter asks to look at, most specific first. */
export function walkKindOf(s: AppState): WalkKind {
  if (s.filter.falsePositives && s.filter.misses) return 'mistake';
  if (s.filter.falsePositives) return 'false-positive';
  if (s.filter.misses) return 'miss';
  if (s.filter.hasProblems) return 'problem';
  if (s.filter.edited) return 'edited';
  if (s.filter.hasCrowd || s.crowdOnly) return 'crowd';
  return 'annotation';
}

export const createWalkSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], WalkSlice> =>
  (set, get) => {
    let nonce = 0;
    return {
      walkPosition: null,
      focus: null,
      walk: async (step) => {
        const s = get();
        if (s.summary === null) return;
        const kind = walkKindOf(s);
        // From the selected detection when the walk visits detections and one is selected.
        const fromPrediction =
          kind === 'false-positive' || (kind === 'mistake' && s.selectedPrediction !== null);
        const key = fromPrediction ? s.selectedPrediction : (s.selection.at(-1) ?? null);
        const walked = await engine.walk(
          s.subsetIndex,
          kind,
          { imageIndex: s.imageIndex, key, prediction: fromPrediction },
          step,
        );
        set({ walkPosition: { kind, position: walked.position, total: walked.total } });
        const stop = walked.stop;
        if (stop === null) return;
        if (stop.prediction) get().showPrediction(stop.imageIndex, stop.key);
        else get().showAnnotation(stop.imageIndex, null, stop.key);
        set({ focus: { ...stop, nonce: ++nonce } });
      },
    };
  };
