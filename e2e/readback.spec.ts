/**
 * Every export reads back in the tool it is for, and the app never flags its own output:
 * drawn shapes land in the instances file, panoptic files open without false problems,
 * and what is not COCO is refused with a message.
 */
import { expect, test } from '@playwright/test';
import { corpusFile, openFiles } from './helpers';

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
