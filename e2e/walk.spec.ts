import { expect, test, type Page } from '@playwright/test';
import { expectStatus, openFiles, payload, waitForImage } from './helpers';

/** Eight images; crowd annotations on some of them, ordinary ones on all. */
const IMAGES = 8;
const crowdOn = [1, 2, 2, 5, 7];
function dataset() {
  const annotations: object[] = [];
  let id = 100;
  for (let i = 0; i < IMAGES; i++) {
    annotations.push({
      id: id++,
      image_id: i + 1,
      category_id: 1,
      bbox: [10, 10, 30, 30],
      area: 900,
      iscrowd: 0,
      segmentation: [[10, 10, 40, 10, 40, 40, 10, 40]],
    });
    crowdOn.forEach((image, k) => {
      if (image !== i) return;
      const x = 100 + 60 * k;
      annotations.push({
        id: id++,
        image_id: i + 1,
        category_id: 2,
        bbox: [x, 200, 40, 20],
        area: 800,
        iscrowd: 1,
        segmentation: [[x, 200, x + 40, 200, x + 40, 220, x, 220]],
      });
    });
  }
  return {
    images: Array.from({ length: IMAGES }, (_, i) => ({
      id: i + 1,
      file_name: `${i}.jpg`,
      width: 640,
      height: 480,
    })),
    annotations,
    categories: [
      { id: 1, name: 'car' },
      { id: 2, name: 'crowd of people' },
    ],
  };
}

const selectedRow = (page: Page) =>
  page.getByRole('list', { name: 'Annotations' }).locator('li[aria-selected="true"]');
const scaleOf = async (page: Page) =>
  Number((await page.locator('.canvas').getAttribute('data-viewport'))!.split(',')[0]);

test('N walks every crowd annotation of the dataset in order, zoomed to each; Shift+N goes back', async ({
  page,
}) => {
  const data = dataset();
  const crowd = (data.annotations as { id: number; image_id: number; iscrowd: number }[]).filter(
    (a) => a.iscrowd === 1,
  );
  await page.goto('/');
  await openFiles(page, [payload('walk.json', JSON.stringify(data))]);
  await expectStatus(page, IMAGES, data.annotations.length, 2);
  await waitForImage(page, 0);
  const fitted = await scaleOf(page);
  await page.getByRole('checkbox', { name: 'crowd', exact: true }).check();
  for (const [k, a] of crowd.entries()) {
    await page.keyboard.press('n');
    await expect(page.locator('.canvas')).toHaveAttribute('data-image', `0:${a.image_id - 1}`);
    await expect(selectedRow(page)).toContainText(`#${a.id}`);
    await expect(page.getByLabel('Walk position')).toHaveText(`crowd ${k + 1} of ${crowd.length}`);
    await expect.poll(() => scaleOf(page)).toBeGreaterThan(fitted);
  }
  // Past the last, back to the first; Shift+N steps back to the last.
  await page.keyboard.press('n');
  await expect(selectedRow(page)).toContainText(`#${crowd[0]!.id}`);
  await expect(page.getByLabel('Walk position')).toHaveText(`crowd 1 of ${crowd.length}`);
  await page.keyboard.press('Shift+N');
  await expect(selectedRow(page)).toContainText(`#${crowd.at(-1)!.id}`);
  await expect(page.getByLabel('Walk position')).toHaveText(
    `crowd ${crowd.length} of ${crowd.length}`,
  );
});
