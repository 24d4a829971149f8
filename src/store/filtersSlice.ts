/** The image list's filter, and the images that pass it (asked of the engine). */
import type { StateCreator } from 'zustand';
import { NO_FILTER, type ImageFilter } from '../worker/protocol';
import type { StoreDeps } from './deps';
import type { AppState } from './appStore';

export type FiltersSlice = {
  filter: ImageFilter;
  /** Positions of the images shown, ascending; null when nothing filters. */
  shownImages: Int32Array | null;
  setFilter: (change: Partial<ImageFilter>) => Promise<void>;
  clearFilter: () => void;
};

function isEmpty(f: ImageFilter): boolean {
  return (
    f.text.trim() === '' &&
    f.categories.length === 0 &&
    !f.hasCrowd &&
    !f.hasProblems &&
    !f.notAnnotated &&
    !f.edited &&
    !f.falsePositives &&
    !f.misses &&
    f.sort === 'file' &&
    f.annotationCount === null &&
    f.size === null
  );
}

export const createFiltersSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], FiltersSlice> =>
  (set, get) => {
    /** Grows with every change of the filter: an answer for an older filter is dropped. */
    let generation = 0;
    return {
      filter: NO_FILTER,
      shownImages: null,
      setFilter: async (change) => {
        const filter = { ...get().filter, ...change };
        const mine = ++generation;
        set({ filter });
        if (isEmpty(filter)) {
          set({ shownImages: null });
          return;
        }
        // "problems" means what the problems panel lists: the deeper checks' findings too.
        if (filter.hasProblems) await get().runChecks();
        if (mine !== generation) return;
        const shown = await engine.filterImages(get().subsetIndex, filter);
        if (mine !== generation) return;
        set({ shownImages: shown });
        // Keep the current image if it passes; otherwise go to the first that does.
        const current = get().imageIndex;
        if (shown.length > 0 && !shown.includes(current)) get().setImage(shown[0]!);
      },
      clearFilter: () => {
        generation++;
        set({ filter: NO_FILTER, shownImages: null });
      },
    };
  };
