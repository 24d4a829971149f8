/**
 * A big json's untouched records are read back from the file itself (issue 18), so the
 * file may change on disk while it is open. Then the app says so, naming the file, and
 * keeps working with what it holds: the images already shown, and the edits.
 */
import { appendFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generatedJson } from './fileMakers';
import { expectStatus, pickLabel, waitForImage } from './helpers';

const IMAGES = 15_000;
const ANNOTATIONS = 130_000;

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const images = (page: Page) => page.getByRole('list', { name: 'Images' }).getByRole('listitem');

test('a big json changed on disk while open: the app says so and keeps the edits it holds', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // 83 MB: past the size from which records are read back from the file.
  const path = testInfo.outputPath('changing.json');
  generatedJson(path, IMAGES, ANNOTATIONS);
  await page.goto('/');
  await page.getByLabel('Dataset files').setInputFiles(path);
  await expectStatus(page, IMAGES, ANNOTATIONS, 80, 120_000);
  await waitForImage(page, 0);
  const first = rows(page).first();
  await first.click();
  await pickLabel(page, 'banana');
  await expect(first).toContainText('edited');

  appendFileSync(path, '\n');
  await images(page).first().click();
  await page.keyboard.press('End');
  await expect(page.getByRole('alert')).toContainText(
    'changing.json can no longer be read: it was moved, deleted or changed on disk after it was opened',
  );
  await expectStatus(page, IMAGES, ANNOTATIONS, 80);
  // The app keeps working: the first image, read before, is still there with its edit.
  await page.keyboard.press('Home');
  await waitForImage(page, 0);
  await expect(rows(page).first()).toContainText('banana');
});
