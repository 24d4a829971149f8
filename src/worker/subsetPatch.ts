/** Subset patches on the page's side: inverted for undo, counted for the edit count. */
import { invertPatch } from '../coco';
import type { SubsetPatch } from './protocol';

export function invertSubsetPatch(patch: SubsetPatch): SubsetPatch {
  // `create` stays: a source made by an edit is made again when its undo is redone first.
  return [...patch].reverse().map((entry) => ({ ...entry, patch: invertPatch(entry.patch) }));
}
