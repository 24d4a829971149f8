/** The canvas tool: select (and edit the selected shape), or draw a box or a polygon. */
import type { StateCreator } from 'zustand';
import type { BoxSegmentation, CocoId } from '../coco';
import type { AppState } from './appStore';
import { withRecent } from './labelSearch';

export type Tool = 'select' | 'box' | 'polygon';

export type ToolSlice = {
  tool: Tool;
  /** The category new shapes get; null until the user or the dataset sets one. */
  drawCategory: CocoId | null;
  /** How a drawn box's segmentation is written: its 4-corner polygon, or Datumaro's `[]`. */
  boxSegmentation: BoxSegmentation;
  /** Category ids (as strings) last used to label or draw, most recent first. */
  recentLabels: string[];
  setTool: (tool: Tool) => void;
  setDrawCategory: (id: CocoId) => void;
  setBoxSegmentation: (value: BoxSegmentation) => void;
};

export const createToolSlice: StateCreator<AppState, [], [], ToolSlice> = (set) => ({
  tool: 'select',
  drawCategory: null,
  boxSegmentation: 'polygon',
  recentLabels: [],
  setTool: (tool) => set({ tool }),
  setDrawCategory: (id) =>
    set((s) => ({ drawCategory: id, recentLabels: withRecent(s.recentLabels, String(id)) })),
  setBoxSegmentation: (boxSegmentation) => set({ boxSegmentation }),
});
