/**
 * pycocotools' `Params` (setDetParams / setKpParams) and the ground truth's catalog:
 * which images and categories are evaluated, in the sorted order pycocotools uses.
 */
import { idKey, type CategoryId, type IdKey, type ImageId } from '../ids';
import type { Dataset, ImageRecord } from '../model';
import { linspace } from './numeric';
import type { AreaRange, EvalParams, IouType } from './types';

/** COCO's person keypoint sigmas, `np.array([...]) / 10.0` as pycocotools writes them. */
export const COCO_KEYPOINT_SIGMAS: readonly number[] = [
  0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89,
  0.89,
].map((s) => s / 10.0);

/** `1e5 ** 2`, pycocotools' upper bound for "all" and "large". */
const AREA_MAX = 1e5 ** 2;

const DETECTION_AREAS: readonly AreaRange[] = [
  { label: 'all', min: 0, max: AREA_MAX },
  { label: 'small', min: 0, max: 32 ** 2 },
  { label: 'medium', min: 32 ** 2, max: 96 ** 2 },
  { label: 'large', min: 96 ** 2, max: AREA_MAX },
];

const KEYPOINT_AREAS: readonly AreaRange[] = [
  { label: 'all', min: 0, max: AREA_MAX },
  { label: 'medium', min: 32 ** 2, max: 96 ** 2 },
  { label: 'large', min: 96 ** 2, max: AREA_MAX },
];

/** Sorted as Python sorts ids: numbers ascending (strings, which COCO lacks, after them). */
function compareKeys(a: IdKey, b: IdKey): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ground truth's images and categories as pycocotools indexes them. */
export type Catalog = {
  readonly imageIds: readonly ImageId[];
  /** The image record of each sorted image (the last one of a repeated id, as `COCO.imgs`). */
  readonly images: readonly ImageRecord[];
  readonly imageIndex: ReadonlyMap<IdKey, number>;
  readonly categoryIds: readonly CategoryId[];
  readonly categoryPositions: Int32Array;
  readonly categoryIndex: ReadonlyMap<IdKey, number>;
};

export function catalogOf(gt: Dataset): Catalog {
  const imagesByKey = new Map<IdKey, ImageRecord>();
  for (const image of gt.images) imagesByKey.set(idKey(image.id), image);
  const imageKeys = [...imagesByKey.keys()].sort(compareKeys);
  const images = imageKeys.map((k) => imagesByKey.get(k)!);
  const imageIndex = new Map<IdKey, number>(imageKeys.map((k, i) => [k, i]));

  const categoryByKey = new Map<IdKey, number>();
  gt.categories.forEach((c, position) => {
    if (!categoryByKey.has(idKey(c.id))) categoryByKey.set(idKey(c.id), position);
  });
  const categoryKeys = [...categoryByKey.keys()].sort(compareKeys);
  const categoryPositions = Int32Array.from(categoryKeys, (k) => categoryByKey.get(k)!);
  return {
    imageIds: images.map((im) => im.id),
    images,
    imageIndex,
    categoryIds: Array.from(categoryPositions, (p) => gt.categories[p]!.id),
    categoryPositions,
    categoryIndex: new Map<IdKey, number>(categoryKeys.map((k, i) => [k, i])),
  };
}

export function paramsOf(
  catalog: Catalog,
  iouType: IouType,
  keypointSigmas: readonly number[] = COCO_KEYPOINT_SIGMAS,
): EvalParams {
  const keypoints = iouType === 'keypoints';
  return {
    iouType,
    imageIds: catalog.imageIds,
    categoryIds: catalog.categoryIds,
    categoryPositions: catalog.categoryPositions,
    iouThresholds: linspace(0.5, 0.95, Math.round((0.95 - 0.5) / 0.05) + 1),
    recallThresholds: linspace(0.0, 1.0, Math.round((1.0 - 0.0) / 0.01) + 1),
    areaRanges: keypoints ? KEYPOINT_AREAS : DETECTION_AREAS,
    maxDets: keypoints ? [20] : [1, 10, 100],
    keypointSigmas: Float64Array.from(keypointSigmas),
  };
}
