/** Test-only: a subset's source made from a parsed dataset, as if opened from `path`. */
import type { Dataset } from '../../coco';
import { originalsOf, type SourceDataset } from '../subset';

export function sourceOf(path: string, dataset: Dataset): SourceDataset {
  return {
    path,
    file: null,
    original: dataset,
    exactIntegers: new Map(),
    originals: originalsOf(dataset),
    dataset,
    problems: [],
    problemCounts: new Map(),
  };
}
