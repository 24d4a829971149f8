/** Test-only: a small dataset every edit test starts from (two images, polygons, a box, attributes). */
import type { Dataset } from '../model';
import { parseCoco } from '../parse/parseCoco';

export function editFixture(): Dataset {
  const file = {
    info: { description: 'edit tests' },
    images: [
      { id: 1, file_name: 'a.jpg', width: 40, height: 30 },
      { id: 2, file_name: 'b.jpg', width: 40, height: 30 },
    ],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        segmentation: [[2, 2, 12, 2, 12, 12, 2, 12]],
        area: 100,
        bbox: [2, 2, 10, 10],
        iscrowd: 0,
        attributes: { occluded: false, color: 'red' },
      },
      {
        id: 2,
        image_id: 1,
        category_id: 2,
        segmentation: [],
        area: 20,
        bbox: [20, 5, 5, 4],
        iscrowd: 0,
        score: 0.5,
      },
      {
        id: 5,
        image_id: 2,
        category_id: 1,
        segmentation: [
          [1, 1, 9, 1, 9, 9, 1, 9],
          [20, 20, 30, 20, 30, 28],
        ],
        area: 104,
        bbox: [1, 1, 29, 27],
        iscrowd: 0,
        extra_field: 'kept',
      },
      {
        id: 7,
        image_id: 2,
        category_id: 2,
        segmentation: { size: [30, 40], counts: [100, 20, 1080] },
        area: 20,
        bbox: [3, 10, 1, 20],
        iscrowd: 1,
      },
    ],
    categories: [
      { id: 1, name: 'cat', supercategory: 'animal' },
      { id: 2, name: 'dog', supercategory: 'animal' },
    ],
  };
  return parseCoco(JSON.stringify(file)).dataset!;
}
