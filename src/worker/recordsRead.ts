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
