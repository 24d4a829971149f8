/** Which image is shown, its annotations (plain data), selection and hover. */
import type { StateCreator } from 'zustand';
import type { CocoId } from '../coco';
import { firstImageIndex, type ProblemInfo, type ViewAnnotation } from '../worker/protocol';
import type { WithoutBitmap } from './plainAnnotation';
import type { PlainPrediction } from './predictionsSlice';
import type { AppState } from './appStore';
import { imageFromHash, writeImageHash } from './urlHash';

/** A view annotation without its bitmap: what the store may hold. */
export type PlainAnnotation = WithoutBitmap<ViewAnnotation>;

export type ViewSlice = {
  imageIndex: number;
  /** The image `annotations` belong to; they lag `imageIndex` while the next one loads. */
  loaded: { subset: number; imageIndex: number } | null;
  annotations: PlainAnnotation[];
  imageProblems: ProblemInfo[];
  /** Annotation keys. */
  selection: number[];
  hovered: number | null;
  /** What to select once the image shown next has loaded: an annotation's view key or id. */
  pendingSelect: { key: number | null; id: CocoId | null; prediction?: boolean } | null;
  setImage: (index: number) => void;
  /** Goes to an image and selects one of its annotations by id. */
  /** Shows an image and selects one of its annotations, by view key when known, else by id. */
  showAnnotation: (imageIndex: number, annotationId: CocoId | null, key?: number | null) => void;
  /** Shows an image and selects one of its detections, by key. */
  showPrediction: (imageIndex: number, key: number) => void;
  /** After an open or a subset switch: the image named in the URL, else the first. */
  showFirstImage: () => void;
  setLoaded: (
    loaded: { subset: number; imageIndex: number },
    annotations: PlainAnnotation[],
    problems: ProblemInfo[],
    predictions: PlainPrediction[],
  ) => void;
  select: (keys: number[]) => void;
  hover: (key: number | null) => void;
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  imageIndex: 0,
  loaded: null,
  annotations: [],
  imageProblems: [],
  selection: [],
  hovered: null,
  pendingSelect: null,

  setImage: (index) => {
    const images = get().summary?.subsets[get().subsetIndex]?.images;
    if (images === undefined || images.ids.length === 0) return;
    const clamped = Math.max(0, Math.min(images.ids.length - 1, index));
    if (clamped === get().imageIndex && get().loaded !== null) return;
    set({ imageIndex: clamped, selection: [], hovered: null });
    writeImageHash(images.fileNames[clamped] || String(images.ids[clamped]));
  },

  showFirstImage: () => {
    const images = get().summary?.subsets[get().subsetIndex]?.images;
    set({
      // The engine sends this image's view with an open's answer (it asks the same function).
      imageIndex: images === undefined ? 0 : firstImageIndex(images, imageFromHash()),
      loaded: null,
      annotations: [],
      imageProblems: [],
      selection: [],
      hovered: null,
    });
  },

  showAnnotation: (imageIndex, annotationId, key = null) => {
    get().setImage(imageIndex);
    const loaded = get().loaded;
    const wanted = { key, id: annotationId };
    if (
      loaded !== null &&
      loaded.imageIndex === imageIndex &&
      loaded.subset === get().subsetIndex
    ) {
      const hit = findWanted(get().annotations, wanted);
      set({ selection: hit ? [hit.key] : [], pendingSelect: null });
    } else set({ pendingSelect: wanted });
  },

  showPrediction: (imageIndex, key) => {
    get().setImage(imageIndex);
    const loaded = get().loaded;
    if (loaded?.imageIndex === imageIndex && loaded.subset === get().subsetIndex) {
      const hit = get().predictions.some((p) => p.key === key);
      set({ selection: [], selectedPrediction: hit ? key : null, pendingSelect: null });
    } else set({ pendingSelect: { key, id: null, prediction: true } });
  },

  setLoaded: (loaded, annotations, problems, predictions) => {
    const pending = get().pendingSelect;
    const hit =
      pending === null || pending.prediction === true
        ? undefined
        : findWanted(annotations, pending);
    const detection =
      pending?.prediction === true && predictions.some((p) => p.key === pending.key)
        ? pending.key
        : null;
    const same =
      get().loaded?.imageIndex === loaded.imageIndex && get().loaded?.subset === loaded.subset;
    set({
      loaded,
      annotations,
      imageProblems: problems,
      predictions,
      ...(same ? {} : { selectedPrediction: null }),
      pendingSelect: null,
      ...(hit ? { selection: [hit.key] } : {}),
      ...(detection !== null ? { selection: [], selectedPrediction: detection } : {}),
    });
  },
  // Selecting ground truth unselects a detection (one thing is inspected at a time).
  select: (keys) =>
    set(keys.length > 0 ? { selection: keys, selectedPrediction: null } : { selection: keys }),
  hover: (key) => set({ hovered: key }),
});

function findWanted(
  annotations: readonly PlainAnnotation[],
  wanted: { key: number | null; id: CocoId | null },
): PlainAnnotation | undefined {
  return wanted.key !== null
    ? annotations.find((a) => a.key === wanted.key)
    : annotations.find((a) => a.id === wanted.id);
}
