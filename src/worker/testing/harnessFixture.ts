/**
 * Test-only: a small instances file the engine harness opens. Two 8×6 images: on `a.jpg`
 * a polygon (cat) and a crowd RLE mask (dog), on `b.jpg` a box (cat). Written indented,
 * with Python's `2.0`, so a faithful export shows it kept the file's own bytes.
 */
import { EngineHarness, sourcesOf } from './engineHarness';

export const TINY_JSON = `{
  "info": { "description": "engine harness" },
  "licenses": [],
  "images": [
    { "id": 1, "file_name": "a.jpg", "width": 8, "height": 6 },
    { "id": 2, "file_name": "b.jpg", "width": 8, "height": 6 }
  ],
  "annotations": [
    { "id": 1, "image_id": 1, "category_id": 1, "segmentation": [[1.0, 1.0, 4.0, 1.0, 4.0, 4.0, 1.0, 4.0]], "area": 9.0, "bbox": [1.0, 1.0, 3.0, 3.0], "iscrowd": 0 },
    { "id": 2, "image_id": 1, "category_id": 2, "segmentation": { "size": [6, 8], "counts": [13, 4, 2, 4, 25] }, "area": 8, "bbox": [2, 1, 2, 4], "iscrowd": 1 },
    { "id": 3, "image_id": 2, "category_id": 1, "segmentation": [], "area": 6.0, "bbox": [0.0, 0.0, 3.0, 2.0], "iscrowd": 0 }
  ],
  "categories": [
    { "id": 1, "name": "cat", "supercategory": "animal" },
    { "id": 2, "name": "dog", "supercategory": "animal" }
  ]
}
`;

/** The crowd mask of TINY_JSON (annotation 2): columns 2–3, rows 1–4, so a 2×4 crop, all set. */
export const TINY_MASK = { x: 2, y: 1, width: 2, height: 4, pixels: 8 };

/** Stand-ins for the pictures (the engine never decodes them; it hands them over). */
export const PICTURE_A = 'JPEG a';
export const PICTURE_B = 'JPEG b';

/** A harness with TINY_JSON and `a.jpg` open, what the open made forgotten. */
export async function openTinyWithPicture(): Promise<EngineHarness> {
  const h = new EngineHarness();
  const files = sourcesOf({ 'instances_default.json': TINY_JSON, 'a.jpg': PICTURE_A });
  await h.request({ type: 'open', files });
  h.forgetMade();
  return h;
}
