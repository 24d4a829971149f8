/** Small datasets the specs share, with coordinates chosen to be easy to reason about. */
import type { Page } from '@playwright/test';
import { expectStatus, openFiles, payload, waitForImage } from './helpers';

/** One image 200 × 100 with a box (id 1, a) and a square polygon (id 2, b). */
export const editDataset = {
  info: { description: 'edit e2e' },
  images: [{ id: 1, file_name: 'wide.png', width: 200, height: 100 }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: [],
      area: 1200,
      bbox: [20, 20, 40, 30],
      iscrowd: 0,
    },
    {
      id: 2,
      image_id: 1,
      category_id: 2,
      segmentation: [[100, 20, 160, 20, 160, 80, 100, 80]],
      area: 3600,
      bbox: [100, 20, 60, 60],
      iscrowd: 0,
      attributes: { occluded: false },
    },
  ],
  categories: [
    { id: 1, name: 'apple', supercategory: 'fruit' },
    { id: 2, name: 'banana', supercategory: 'fruit' },
  ],
};

export async function openEditDataset(page: Page) {
  await page.goto('/');
  await openFiles(page, [payload('edit.json', JSON.stringify(editDataset))]);
  await expectStatus(page, 1, 2, 2);
  await waitForImage(page, 0);
}
