/** The canvas tool: select (and edit the selected shape), or draw a box or a polygon. */
import type { StateCreator } from 'zustand';
import type { BoxSegmentation, CocoId } from '../coco';
import type { AppState } from './appStore';

export type Tool = 'select' | 'box' | 'polygon';

export type ToolSlice = {
  tool: Tool;
  /** The category new shapes get; null until the user or the dataset sets one. */
  drawCategory: CocoId | null;
  /** How a drawn box's segmentation is written: its 4-corner polygon, or Datumaro's `[]`. */
  boxSegmentation: BoxSegmentation;
  setTool: (tool: Tool) => void;
  setDrawCategory: (id: CocoId) => void;
  setBoxSegmentation: (value: BoxSegmentation) => void;
};

export const createToolSlice: StateCreator<AppState, [], [], ToolSlice> = (set) => ({
  tool: 'select',
  drawCategory: null,
  boxSegmentation: 'polygon',
  setTool: (tool) => set({ tool }),
  setDrawCategory: (id) => set({ drawCategory: id }),
  setBoxSegmentation: (boxSegmentation) => set({ boxSegmentation }),
});
