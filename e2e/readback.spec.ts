/**
 * Every export reads back in the tool it is for, and the app never flags its own output:
 * drawn shapes land in the instances file, panoptic files open without false problems,
 * and what is not COCO is refused with a message.
 */
import { expect, test, type Page } from '@playwright/test';
import { corpusFile, expectStatus, openFiles, waitForImage } from './helpers';

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

test('a file that is not COCO (CVAT XML converted to JSON) is refused, naming the file', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [corpusFile('quirks/not-coco-annotations-object.json')]);
  const alert = page.getByRole('alert').filter({ hasText: 'not-coco-annotations-object.json' });
  await expect(alert).toContainText(
    'annotations is an object, not a list: this is not a COCO file (CVAT XML converted to JSON?)',
  );
  await expect(page.getByRole('status')).not.toHaveText(/images ·/);
});

test('panoptic segment ids repeated across images: no duplicate-id problem, nothing badged edited', async ({
  page,
}) => {
  await page.goto('/');
  const dir = 'quirks/panoptic-repeated-ids';
  await openFiles(page, [
    corpusFile(`${dir}/panoptic.json`),
    corpusFile(`${dir}/a.png`),
    corpusFile(`${dir}/b.png`),
  ]);
  await expectStatus(page, 2, 4, 1);
  for (const image of [0, 1]) {
    if (image === 1)
      await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
    await waitForImage(page, image);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).filter({ hasText: 'edited' })).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(/\d+ problems?/);
  await expect(problems).not.toContainText('Duplicate annotation ids');
});
