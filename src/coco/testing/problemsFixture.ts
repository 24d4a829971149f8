/**
 * A dataset with one problem of each kind parsing and the checks find, on images of
 * 100 × 50 (wide, so a transposed size shows). The unit tests and the e2e specs share it.
 * Each annotation's comment says what is wrong with it; the others are right.
 */
const square = (x: number, y: number, s: number) => [x, y, x + s, y, x + s, y + s, x, y + s];

export const problemsFixture = {
  info: { description: 'one problem of each kind' },
  images: [1, 2, 3].map((id) => ({ id, file_name: `${id}.jpg`, width: 100, height: 50 })),
  categories: [
    { id: 1, name: 'a' },
    { id: 2, name: 'b' },
    { id: 3, name: 'unused' }, // unused-category
  ],
  annotations: [
    // outside-image: the polygon runs past x = 100 (area and bbox are of what is inside)
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: [[90, 10, 120, 10, 120, 40, 90, 40]],
      area: 300,
      bbox: [90, 10, 30, 30],
      iscrowd: 0,
    },
    // bbox-mismatch: the square is 20 × 20 at (10, 10)
    {
      id: 2,
      image_id: 1,
      category_id: 1,
      segmentation: [square(10, 10, 20)],
      area: 400,
      bbox: [0, 0, 50, 50],
      iscrowd: 0,
    },
    // area-mismatch
    {
      id: 3,
      image_id: 1,
      category_id: 2,
      segmentation: [square(10, 10, 20)],
      area: 99,
      bbox: [10, 10, 20, 20],
      iscrowd: 0,
    },
    // self-intersecting: a bow tie
    {
      id: 4,
      image_id: 2,
      category_id: 2,
      segmentation: [[10, 10, 30, 30, 30, 10, 10, 30]],
      area: 200,
      bbox: [10, 10, 20, 20],
      iscrowd: 0,
    },
    // zero-area: a sliver inside one pixel
    {
      id: 5,
      image_id: 2,
      category_id: 1,
      segmentation: [[1, 1, 1.1, 1, 1.1, 1.1]],
      area: 0,
      bbox: [1, 1, 0.1, 0.1],
      iscrowd: 0,
    },
    {
      id: 6,
      image_id: 2,
      category_id: 2,
      segmentation: [],
      area: 100,
      bbox: [50, 20, 10, 10],
      iscrowd: 0,
    },
    // duplicate-annotation: the same box as 6
    {
      id: 7,
      image_id: 2,
      category_id: 2,
      segmentation: [],
      area: 100,
      bbox: [50, 20, 10, 10],
      iscrowd: 0,
    },
    // keypoints-outside-box: the second keypoint
    {
      id: 8,
      image_id: 2,
      category_id: 1,
      segmentation: [],
      area: 100,
      bbox: [60, 5, 10, 10],
      iscrowd: 0,
      keypoints: [65, 10, 2, 90, 45, 2],
    },
    // unknown-image
    {
      id: 9,
      image_id: 99,
      category_id: 1,
      segmentation: [],
      area: 25,
      bbox: [0, 0, 5, 5],
      iscrowd: 0,
    },
    // unknown-category
    {
      id: 10,
      image_id: 1,
      category_id: 42,
      segmentation: [],
      area: 25,
      bbox: [70, 40, 5, 5],
      iscrowd: 0,
    },
    // duplicate-id: 2 is taken
    {
      id: 2,
      image_id: 1,
      category_id: 2,
      segmentation: [],
      area: 25,
      bbox: [40, 40, 5, 5],
      iscrowd: 0,
    },
    // too-few-points: a polygon of 2 points
    {
      id: 12,
      image_id: 1,
      category_id: 2,
      segmentation: [[40, 5, 60, 5]],
      area: 21,
      bbox: [40, 5, 20, 0],
      iscrowd: 0,
    },
    // crowd-not-rle: a crowd instance given as a polygon
    {
      id: 13,
      image_id: 2,
      category_id: 1,
      segmentation: [square(20, 36, 10)],
      area: 100,
      bbox: [20, 36, 10, 10],
      iscrowd: 1,
    },
    // rle-size-mismatch: the mask says 10 × 10, the image is 100 × 50
    {
      id: 14,
      image_id: 1,
      category_id: 1,
      segmentation: { size: [10, 10], counts: [0, 100] },
      area: 100,
      bbox: [0, 0, 10, 10],
      iscrowd: 1,
    },
    // rle-not-crowd: a mask on a non-crowd instance (COCO-Stuff does this on purpose)
    {
      id: 15,
      image_id: 2,
      category_id: 1,
      segmentation: { size: [50, 100], counts: [4010, 10, 40, 10, 930] },
      area: 20,
      bbox: [80, 10, 2, 10],
      iscrowd: 0,
    },
  ],
};
