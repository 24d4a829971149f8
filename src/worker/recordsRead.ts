/** Whole-dataset passes over a stored table's records. */
import { StoredAnnotations, type Dataset } from '../coco';

/**
 * The dataset with a stored table's records all read (in runs, see `readAll`): statistics
 * and evaluation look at every shape, once each, so reading them together is several times
 * quicker than one by one. The records are dropped with the pass. (The checks read theirs
 * run by run instead, see checkDatasetSteps: they never hold all 860k of train2017.)
 */
export function withRecordsRead(dataset: Dataset): Dataset {
  const table = dataset.annotations;
  return table instanceof StoredAnnotations
    ? { ...dataset, annotations: table.readAll() }
    : dataset;
}

/**
 * Bytes read and parsed per step of `withRecordsReadSteps`: a step of a few milliseconds
 * (val2017-scale's records read in 4 MB runs made one task of ~0.2 s, which an image
 * switch asked meanwhile waited for).
 */
const STEP_RUN_BYTES = 512 << 10;

/** `withRecordsRead` a run at a time, yielding the share read (0..1) after each run. */
export function* withRecordsReadSteps(dataset: Dataset): Generator<number, Dataset> {
  const table = dataset.annotations;
  if (!(table instanceof StoredAnnotations)) return dataset;
  return { ...dataset, annotations: yield* table.readAllSteps(STEP_RUN_BYTES) };
}
