import { expect, test } from '@playwright/test';
import { openEditDataset } from './fixtures';
import { download } from './helpers';

test('the pre-flight says what pycocotools would refuse, and its fix makes the export evaluable', async ({
  page,
}) => {
  await openEditDataset(page); // annotation 1 is a box with "segmentation": []
  await page.getByRole('button', { name: 'Export options' }).click();
  const preflight = page.getByRole('region', { name: 'Pre-flight' });
  await expect(preflight).toContainText('pycocotools refuse 1 in instances_default.json');
  await expect(preflight).toContainText('COCOeval');
  await preflight.getByRole('button', { name: /Drop or fix what other tools fail on/ }).click();
  await expect(page.getByLabel(/Drop or fix what other tools fail on/)).toBeChecked();
  await expect(page.getByLabel('Pre-flight')).toHaveText(/read this export as it is/);
  await page.getByRole('button', { name: 'Close' }).click();
  const { bytes } = await download(page, 'Export JSON');
  const json = JSON.parse(bytes.toString('utf8')) as {
    annotations: { id: number; segmentation: unknown }[];
  };
  expect(json.annotations.find((a) => a.id === 1)!.segmentation).toEqual([
    [20, 20, 60, 20, 60, 50, 20, 50],
  ]);
});
