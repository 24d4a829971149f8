/**
 * The page's state: one zustand store built from typed slices. It holds only plain,
 * serializable data — no workers, bitmaps, files or Konva nodes (those live beside the
 * code that owns them: store/engine.ts, canvas/imageViews.ts). The engine and the session
 * keeper are handed in, so the store runs in Node against fakes (testing/fakeEngine.ts).
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { categoryIndex } from './categoryIndex';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { downloadBlob } from '../io/download';
import { NO_SESSIONS, type Download, type EngineApi, type SessionKeeper } from './deps';
import { createEditSlice, type EditSlice } from './editSlice';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createFiltersSlice, type FiltersSlice } from './filtersSlice';
import { createInsightSlice, type InsightSlice } from './insightSlice';
import { createKeypointSlice, type KeypointSlice } from './keypointSlice';
import { createPredictionsSlice, type PredictionsSlice } from './predictionsSlice';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createMaskPreviewSlice, type MaskPreviewSlice } from './maskPreviewSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createToolSlice, type ToolSlice } from './toolSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createWalkSlice, type WalkSlice } from './walkSlice';

export type AppState = DatasetSlice &
  ViewSlice &
  LayersSlice &
  FiltersSlice &
  EditSlice &
  MaskPreviewSlice &
  ToolSlice &
  ReviewSlice &
  ExportSlice &
  InsightSlice &
  PredictionsSlice &
  SessionSlice &
  WalkSlice &
  KeypointSlice;

export type AppStore = UseBoundStore<StoreApi<AppState>>;

/**
 * A store over `engine`, telling `sessions` what was opened (autosave.ts; nothing is
 * saved without one) and handing exports to `download` (the browser's, by default).
 */
export function createAppStore(
  engine: EngineApi,
  {
    sessions = NO_SESSIONS,
    download = downloadBlob,
  }: { sessions?: SessionKeeper; download?: Download } = {},
): AppStore {
  const deps = { engine, sessions, download };
  const store = create<AppState>()((...a) => ({
    ...createDatasetSlice(deps)(...a),
    ...createViewSlice(...a),
    ...createLayersSlice(...a),
    ...createFiltersSlice(deps)(...a),
    ...createEditSlice(deps)(...a),
    ...createMaskPreviewSlice(deps)(...a),
    ...createToolSlice(...a),
    ...createReviewSlice(...a),
    ...createExportSlice(deps)(...a),
    ...createInsightSlice(deps)(...a),
    ...createPredictionsSlice(deps)(...a),
    ...createSessionSlice(...a),
    ...createWalkSlice(deps)(...a),
    ...createKeypointSlice(...a),
  }));
  // Category lookups are indexed as a summary arrives (part of opening), never lazily on
  // the first selection after it: 10^6 categories take a few hundred ms to index.
  store.subscribe((state, previous) => {
    if (state.summary === previous.summary) return;
    for (const subset of state.summary?.subsets ?? []) categoryIndex(subset.categories);
  });
  // A preview is of one annotation on one history: another image, selection or edit ends it.
  store.subscribe((state, previous) => {
    if (state.maskPreview === null) return;
    if (
      state.editVersion !== previous.editVersion ||
      state.imageIndex !== previous.imageIndex ||
      state.subsetIndex !== previous.subsetIndex ||
      state.selection !== previous.selection
    )
      state.cancelMaskPreview();
  });
  return store;
}

/** The current subset's summary, or undefined. */
export function currentSubset(state: AppState) {
  return state.summary?.subsets[state.subsetIndex];
}
