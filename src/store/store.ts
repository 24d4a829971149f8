/**
 * The page's state: one zustand store built from typed slices. It holds only plain,
 * serializable data — no workers, bitmaps, files or Konva nodes (those live beside the
 * code that owns them: store/engine.ts, canvas/imageViews.ts).
 */
import { create } from 'zustand';
import { categoryIndex } from './categoryIndex';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createEditSlice, type EditSlice } from './editSlice';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createFiltersSlice, type FiltersSlice } from './filtersSlice';
import { createInsightSlice, type InsightSlice } from './insightSlice';
import { createPredictionsSlice, type PredictionsSlice } from './predictionsSlice';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createToolSlice, type ToolSlice } from './toolSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = DatasetSlice &
  ViewSlice &
  LayersSlice &
  FiltersSlice &
  EditSlice &
  ToolSlice &
  ReviewSlice &
  ExportSlice &
  InsightSlice &
  PredictionsSlice &
  SessionSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createDatasetSlice(...a),
  ...createViewSlice(...a),
  ...createLayersSlice(...a),
  ...createFiltersSlice(...a),
  ...createEditSlice(...a),
  ...createToolSlice(...a),
  ...createReviewSlice(...a),
  ...createExportSlice(...a),
  ...createInsightSlice(...a),
  ...createPredictionsSlice(...a),
  ...createSessionSlice(...a),
}));

// Category lookups are indexed as a summary arrives (part of opening), never lazily on the
// first selection after it: 10^6 categories take a few hundred ms to index.
useApp.subscribe((state, previous) => {
  if (state.summary === previous.summary) return;
  for (const subset of state.summary?.subsets ?? []) categoryIndex(subset.categories);
});

/** The current subset's summary, or undefined. */
export function currentSubset(state: AppState) {
  return state.summary?.subsets[state.subsetIndex];
}
