/**
 * What the page shows: the side panels, and what the canvas draws (layer toggles, mask
 * opacity, score threshold, hidden categories).
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export type Layers = {
  masks: boolean;
  polygons: boolean;
  boxes: boolean;
  /** Every annotation's bbox, not only box-only annotations'. */
  allBoxes: boolean;
  keypoints: boolean;
  /** COCO-WholeBody's extra keypoint sets (face, hands, feet). */
  wholeBody: boolean;
  labels: boolean;
  /** The lines between image pixels, from GRID_MIN_SCALE (canvas/pixelGrid.ts). */
  pixelGrid: boolean;
  /** Masks drawn as their outline only: the edges between pixels in and out. */
  maskOutlines: boolean;
};

/** The side panels beside the canvas; either can be hidden to give the canvas the room. */
export type Panels = { imageList: boolean; details: boolean };

export type LayersSlice = {
  panels: Panels;
  togglePanel: (panel: keyof Panels) => void;
  layers: Layers;
  /** Fill opacity of masks and polygons, 0..1. */
  opacity: number;
  /** Annotations with a score below this are hidden. */
  scoreThreshold: number;
  /** Category ids (as strings) not drawn. */
  hiddenCategories: string[];
  /** Draw crowd annotations only, to verify them. */
  crowdOnly: boolean;
  /** Colours the user picked, by category id (as a string). */
  customColors: Record<string, string>;
  setCategoryColor: (id: string, color: string) => void;
  toggleLayer: (layer: keyof Layers) => void;
  setOpacity: (value: number) => void;
  setScoreThreshold: (value: number) => void;
  toggleCategory: (id: string) => void;
  setHiddenCategories: (ids: string[]) => void;
  setCrowdOnly: (value: boolean) => void;
};

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  panels: { imageList: true, details: true },
  togglePanel: (panel) => set((s) => ({ panels: { ...s.panels, [panel]: !s.panels[panel] } })),
  layers: {
    masks: true,
    polygons: true,
    boxes: true,
    allBoxes: false,
    keypoints: true,
    wholeBody: true,
    labels: true,
    pixelGrid: false,
    maskOutlines: false,
  },
  opacity: 0.45,
  scoreThreshold: 0,
  hiddenCategories: [],
  crowdOnly: false,
  customColors: {},
  setCategoryColor: (id, color) =>
    set((s) => ({ customColors: { ...s.customColors, [id]: color } })),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  setOpacity: (value) => set({ opacity: value }),
  setScoreThreshold: (value) => set({ scoreThreshold: value }),
  toggleCategory: (id) =>
    set((s) => ({
      hiddenCategories: s.hiddenCategories.includes(id)
        ? s.hiddenCategories.filter((c) => c !== id)
        : [...s.hiddenCategories, id],
    })),
  setCrowdOnly: (value) => set({ crowdOnly: value }),
  setHiddenCategories: (ids) => set({ hiddenCategories: ids }),
});
