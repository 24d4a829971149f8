/**
 * Where a drawn shape goes: the instances file of its subset. A subset opened from a
 * person_keypoints, labels or captions file alone has none, and a new shape must not go
 * there (Datumaro's keypoints importer and COCOeval('keypoints') refuse an annotation
 * without `keypoints`; Datumaro reads one in a labels file as an image label). Such a
 * subset gets a new source, `instances_<subset>.json`, holding the subset's images and
 * categories, created by the first edit that needs it and exported with the subset.
 */
import {
  parseCoco,
  withFields,
  type CocoCategory,
  type CocoFile,
  type CocoImage,
  type Dataset,
} from '../coco';
import type { SourceDataset, Subset } from './subset';

/** The position of the subset's instances file, or null when it has none. */
export function instancesSourceOf(subset: Subset): number | null {
  const at = subset.sources.findIndex((s) => s.dataset.kind === 'instances');
  return at < 0 ? null : at;
}

/** An instances file: the subset's images and categories (keypoint names left out), no annotations. */
export function newInstancesSource(subset: Subset): SourceDataset {
  const first = subset.sources[0]?.dataset.file ?? null;
  const file: CocoFile = {};
  if (first?.info !== undefined) file.info = first.info;
  if (first?.licenses !== undefined) file.licenses = first.licenses;
  file.categories = subset.categories.map(
    (c) => withFields(c.file, { keypoints: undefined, skeleton: undefined }) as CocoCategory,
  );
  file.images = subset.images.map(
    (im): CocoImage =>
      im.file ?? { id: im.id, file_name: im.fileName, width: im.width, height: im.height },
  );
  file.annotations = [];
  const parsed = parseCoco(file);
  if (parsed.dataset === null) throw new Error('the new instances file could not be made');
  // An instances file with no annotations yet: its kind is what it will hold.
  const dataset: Dataset = { ...parsed.dataset, kind: 'instances' };
  return {
    path: siblingPath(subset.sources[0]?.path ?? '', `instances_${subset.name}.json`),
    // Made here, not read: it is written from its records.
    file: null,
    original: dataset,
    exactIntegers: new Map(),
    originals: [],
    dataset,
    problems: [],
    problemCounts: new Map(),
  };
}

/** `data.zip: annotations/labels_train.json` → `data.zip: annotations/instances_train.json`. */
function siblingPath(path: string, name: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf(': ') + 1);
  return slash <= 0 ? name : `${path.slice(0, slash + 1)}${name}`;
}
