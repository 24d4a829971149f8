/**
 * Keypoint editing on the page: the current point (clicked on the canvas or in the
 * inspector; keys 0/1/2 set its visibility, Delete deletes it) and the set whose next
 * missing point a canvas click places ("Add keypoint"). Both belong to the one selected
 * annotation: with another selection (or another tool) they are not in effect.
 */
import type { StateCreator } from 'zustand';
import type { KeypointSetName } from '../coco';
import type { AppState } from './appStore';

/** A point of one set of an annotation (its view key); `index` is 0-based in the set. */
export type KeypointRef = { key: number; set: KeypointSetName; index: number };

/** The set of an annotation a canvas click adds the next missing point to. */
export type KeypointPlacing = { key: number; set: KeypointSetName };

export type KeypointSlice = {
  currentKeypoint: KeypointRef | null;
  placingKeypoint: KeypointPlacing | null;
  setCurrentKeypoint: (ref: KeypointRef | null) => void;
  setPlacingKeypoint: (placing: KeypointPlacing | null) => void;
};

export const createKeypointSlice: StateCreator<AppState, [], [], KeypointSlice> = (set) => ({
  currentKeypoint: null,
  placingKeypoint: null,
  setCurrentKeypoint: (ref) => set({ currentKeypoint: ref, placingKeypoint: null }),
  setPlacingKeypoint: (placing) => set({ placingKeypoint: placing }),
});

/** Whether the select tool is on with exactly the annotation `key` selected. */
function editsOnly(s: AppState, key: number): boolean {
  return s.tool === 'select' && s.selection.length === 1 && s.selection[0] === key;
}

/** The current point, when its annotation is the one selected (and the select tool is on). */
export function activeKeypoint(s: AppState): KeypointRef | null {
  const ref = s.currentKeypoint;
  return ref !== null && editsOnly(s, ref.key) ? ref : null;
}

/** The set a canvas click adds a point to, when its annotation is the one selected. */
export function activePlacing(s: AppState): KeypointPlacing | null {
  const p = s.placingKeypoint;
  return p !== null && editsOnly(s, p.key) ? p : null;
}
