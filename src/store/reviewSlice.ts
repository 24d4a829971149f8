/**
 * Review marks on images (reviewed, skipped), kept by the page and saved with the
 * session; they are the user's bookkeeping, not part of the COCO file. Images are keyed
 * by subset name and file name (or id), which survive reopening the same files.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export type ReviewMark = 'reviewed' | 'skipped';

export type ReviewSlice = {
  marks: Record<string, ReviewMark>;
  hideSkipped: boolean;
  onlyUnreviewed: boolean;
  toggleMark: (imageIndex: number, mark: ReviewMark) => void;
  setReviewFilter: (change: { hideSkipped?: boolean; onlyUnreviewed?: boolean }) => void;
};

/** The key of image `i` of the current subset. */
export function imageKey(state: AppState, i: number): string {
  const subset = state.summary?.subsets[state.subsetIndex];
  if (subset === undefined) return '';
  return `${subset.name}/${subset.images.fileNames[i] || `#${String(subset.images.ids[i])}`}`;
}

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => ({
  marks: {},
  hideSkipped: false,
  onlyUnreviewed: false,
  toggleMark: (imageIndex, mark) => {
    const key = imageKey(get(), imageIndex);
    const marks = { ...get().marks };
    if (marks[key] === mark) delete marks[key];
    else marks[key] = mark;
    set({ marks });
  },
  setReviewFilter: (change) => set(change),
});
