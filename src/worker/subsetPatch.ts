/** Subset patches on the page's side: inverted for undo, counted for the edit count. */
import { invertPatch } from '../coco';
import type { SubsetPatch } from './protocol';

export function invertSubsetPatch(patch: SubsetPatch): SubsetPatch {
  return [...patch].reverse().map(({ source, patch: p }) => ({ source, patch: invertPatch(p) }));
}
