import { expect, test } from '@playwright/test';
import { expectStatus, openFiles, payload, waitForImage } from './helpers';

const dataset = {
  images: [1, 2, 3].map((id) => ({ id, file_name: `img${id}.png`, width: 50, height: 40 })),
  categories: [{ id: 1, name: 'thing' }],
  annotations: [1, 2, 3].map((id) => ({
    id,
    image_id: id,
    category_id: 1,
    segmentation: [],
    bbox: [5, 5, 10, 10],
    area: 100,
    iscrowd: 0,
  })),
};

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openFiles(page, [payload('three.json', JSON.stringify(dataset))]);
  await expectStatus(page, 3, 3, 1);
  await waitForImage(page, 0);
});

const images = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Images' }).getByRole('listitem');

test('"edited" shows only the images whose annotations were changed', async ({ page }) => {
  await images(page).nth(1).click();
  await waitForImage(page, 1);
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  await expect(images(page).nth(1)).toContainText('edited');
  await page.getByRole('checkbox', { name: 'edited', exact: true }).check();
  await expect(images(page)).toHaveText([/img2\.png/]);
});

test('R marks an image reviewed and moves on; "not reviewed" hides reviewed ones; Skip', async ({
  page,
}) => {
  await page.locator('.canvas').focus();
  await page.keyboard.press('r');
  await waitForImage(page, 1);
  await expect(images(page).first()).toContainText('✓');
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(images(page).nth(1)).toContainText('skipped');
  await page.getByRole('checkbox', { name: 'not reviewed' }).check();
  await expect(images(page)).toHaveText([/img2\.png/, /img3\.png/]);
  await page.getByRole('checkbox', { name: 'hide skipped' }).check();
  await expect(images(page)).toHaveText([/img3\.png/]);
});
