/**
 * The canvas tool: select (and edit the selected shape), draw a box or a polygon, or
 * paint a mask with the brush or the eraser (of `brushSize` image pixels).
 */
import type { StateCreator } from 'zustand';
import { MAX_BRUSH_SIZE, MIN_BRUSH_SIZE, type BoxSegmentation, type CocoId } from '../coco';
import type { AppState } from './appStore';
import { withRecent } from './labelSearch';

export type Tool = 'select' | 'box' | 'polygon' | 'brush' | 'eraser';

export const DEFAULT_BRUSH_SIZE = 10;

export type ToolSlice = {
  tool: Tool;
  /** The category new shapes get; null until the user or the dataset sets one. */
  drawCategory: CocoId | null;
  /** How a drawn box's segmentation is written: its 4-corner polygon, or Datumaro's `[]`. */
  boxSegmentation: BoxSegmentation;
  /** Category ids (as strings) last used to label or draw, most recent first. */
  recentLabels: string[];
  /** The brush's and eraser's diameter, whole image pixels (1..500). */
  brushSize: number;
  setTool: (tool: Tool) => void;
  setDrawCategory: (id: CocoId) => void;
  setBoxSegmentation: (value: BoxSegmentation) => void;
  /** Sets the brush size, rounded and kept within 1..500 (NaN is ignored). */
  setBrushSize: (size: number) => void;
};

/** The next brush size up (`]`) or down (`[`): one pixel at a time when small, ~20 % when large. */
export function steppedBrushSize(size: number, direction: 1 | -1): number {
  const next =
    direction > 0
      ? Math.max(size + 1, Math.round(size * 1.2))
      : Math.min(size - 1, Math.round(size / 1.2));
  return Math.min(MAX_BRUSH_SIZE, Math.max(MIN_BRUSH_SIZE, next));
}

export const createToolSlice: StateCreator<AppState, [], [], ToolSlice> = (set) => ({
  tool: 'select',
  drawCategory: null,
  boxSegmentation: 'polygon',
  recentLabels: [],
  brushSize: DEFAULT_BRUSH_SIZE,
  setTool: (tool) => set({ tool }),
  setDrawCategory: (id) =>
    set((s) => ({ drawCategory: id, recentLabels: withRecent(s.recentLabels, String(id)) })),
  setBoxSegmentation: (boxSegmentation) => set({ boxSegmentation }),
  setBrushSize: (size) => {
    if (Number.isNaN(size)) return;
    set({ brushSize: Math.min(MAX_BRUSH_SIZE, Math.max(MIN_BRUSH_SIZE, Math.round(size))) });
  },
});
