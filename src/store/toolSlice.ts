/** The canvas tool: select (and edit the selected shape), or draw a box or a polygon. */
import type { StateCreator } from 'zustand';
import type { CocoId } from '../coco';
import type { AppState } from './store';

export type Tool = 'select' | 'box' | 'polygon';

export type ToolSlice = {
  tool: Tool;
  /** The category new shapes get; null until the user or the dataset sets one. */
  drawCategory: CocoId | null;
  setTool: (tool: Tool) => void;
  setDrawCategory: (id: CocoId) => void;
};

export const createToolSlice: StateCreator<AppState, [], [], ToolSlice> = (set) => ({
  tool: 'select',
  drawCategory: null,
  setTool: (tool) => set({ tool }),
  setDrawCategory: (id) => set({ drawCategory: id }),
});
