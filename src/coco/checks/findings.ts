/**
 * What the deeper checks report: each finding names its annotation (by position) or image
 * or category, says what is wrong in words a person understands, and which fix applies.
 */

export type FindingKind =
  | 'unknown-image'
  | 'unknown-category'
  | 'duplicate-id'
  | 'outside-image'
  | 'bbox-mismatch'
  | 'area-mismatch'
  | 'zero-area'
  | 'too-few-points'
  | 'self-intersecting'
  | 'duplicate-annotation'
  | 'keypoints-outside-box'
  | 'empty-image'
  | 'unused-category';

/** What the app can do about a finding, as an undoable edit (see edit/fixes.ts). */
export type FixKind =
  | 'recompute-geometry'
  | 'clip-to-image'
  | 'drop-short-parts'
  | 'new-id'
  | 'delete-annotation'
  | 'delete-category';

export type Finding = {
  kind: FindingKind;
  message: string;
  /** Position in `dataset.annotations`, when about an annotation. */
  annotation?: number;
  /** Position in `dataset.images`. */
  image?: number;
  /** Position in `dataset.categories`. */
  category?: number;
  fix?: FixKind;
};

/** How far (pixels) a stored box may be from the computed one before it is reported. */
export const BBOX_TOLERANCE = 1;
/** How far a stored area may be from the computed one: this share, and at least 1 pixel. */
export const AREA_TOLERANCE = 0.02;
/** Two annotations of one image and category overlapping this much are duplicates. */
export const DUPLICATE_IOU = 0.95;

export const round = (v: number) => Math.round(v * 100) / 100;
