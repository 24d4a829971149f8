/** What the problems panel calls each kind of finding and each fix. */
import type { FindingKind, FixKind } from '../coco';

export const FINDING_TITLES: Record<FindingKind, string> = {
  'unknown-image': 'Annotations of unknown images',
  'unknown-category': 'Annotations of unknown categories',
  'duplicate-id': 'Duplicate annotation ids',
  'outside-image': 'Outside their image',
  'bbox-mismatch': 'Box differs from the shape',
  'area-mismatch': 'Area differs from the shape',
  'zero-area': 'Shapes with no area',
  'too-few-points': 'Polygons with fewer than 3 points',
  'self-intersecting': 'Self-intersecting polygons',
  'duplicate-annotation': 'Duplicate annotations',
  'keypoints-outside-box': 'Keypoints outside their box',
  'empty-image': 'Images without annotations',
  'unused-category': 'Unused categories',
};

export const FIX_TITLES: Record<FixKind, string> = {
  'recompute-geometry': 'Recompute area and bbox',
  'clip-to-image': 'Clip to the image',
  'drop-short-parts': 'Drop the short parts',
  'new-id': 'Give a new id',
  'delete-annotation': 'Delete',
  'delete-category': 'Delete category',
};

/**
 * Problems parsing found that the checks find again on the dataset as it is now (after
 * edits): the panel lists the checks' findings for these and not the parser's.
 */
export const CHECKED_AGAIN = new Set([
  'unknown-image',
  'unknown-category',
  'polygon-too-few-points',
]);
