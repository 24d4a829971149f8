/**
 * Keypoint sets of an annotation: COCO's own `keypoints`, and the extra sets
 * COCO-WholeBody writes beside it (`face_kpts` 68 points, `lefthand_kpts` and
 * `righthand_kpts` 21 each, `foot_kpts` 6), each `[x, y, v]` triples in image pixels,
 * each with a `*_valid` flag (and face and hands with a `*_box`). WholeBody's category
 * names only the 17 body points; the other sets' point names are WholeBody's
 * (as MMPose's `coco_wholebody` metainfo spells them; face points are numbered).
 */

/** Where an annotation holds a set of keypoints. */
export type KeypointSetName =
  'keypoints' | 'face_kpts' | 'lefthand_kpts' | 'righthand_kpts' | 'foot_kpts';

/** COCO-WholeBody's extra sets, in the order its files write them. */
export const WHOLEBODY_SETS = [
  'foot_kpts',
  'face_kpts',
  'lefthand_kpts',
  'righthand_kpts',
] as const;

export type WholeBodySetName = (typeof WHOLEBODY_SETS)[number];

/** Whether `name` is one of COCO-WholeBody's extra keypoint fields. */
export function isWholeBodySet(name: string): name is WholeBodySetName {
  return (WHOLEBODY_SETS as readonly string[]).includes(name);
}

const HAND_POINTS = [
  'wrist',
  ...['thumb', 'forefinger', 'middle_finger', 'ring_finger', 'pinky_finger'].flatMap((f) =>
    [1, 2, 3, 4].map((k) => `${f}${k}`),
  ),
];

/** The point names of WholeBody's extra sets, in their order in the file. */
export const WHOLEBODY_POINT_NAMES: Readonly<Record<WholeBodySetName, readonly string[]>> = {
  foot_kpts: [
    'left_big_toe',
    'left_small_toe',
    'left_heel',
    'right_big_toe',
    'right_small_toe',
    'right_heel',
  ],
  face_kpts: Array.from({ length: 68 }, (_, i) => `face-${i}`),
  lefthand_kpts: HAND_POINTS.map((n) => `left_hand_${n}`),
  righthand_kpts: HAND_POINTS.map((n) => `right_hand_${n}`),
};

/** A set's flag saying it was annotated (`face_kpts` → `face_valid`). */
export function validFieldOf(set: WholeBodySetName): string {
  return set.replace('_kpts', '_valid');
}

/** What a user calls a set: "face", "left hand", … */
export function setLabel(set: KeypointSetName): string {
  switch (set) {
    case 'keypoints':
      return 'body';
    case 'face_kpts':
      return 'face';
    case 'lefthand_kpts':
      return 'left hand';
    case 'righthand_kpts':
      return 'right hand';
    case 'foot_kpts':
      return 'feet';
  }
}
