/** Whole-dataset passes over a stored table's records. */
import { StoredAnnotations, type Dataset } from '../coco';

/**
 * The dataset with a stored table's records all read (in runs, see `readAll`): checks,
 * statistics and evaluation look at every shape, once each, so reading them together is
 * several times quicker than one by one. The records are dropped with the pass.
 */
export function withRecordsRead(dataset: Dataset): Dataset {
  const table = dataset.annotations;
  return table instanceof StoredAnnotations
    ? { ...dataset, annotations: table.readAll() }
    : dataset;
}
