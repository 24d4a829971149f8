/**
 * An export under a nearly full disk gives the whole file or says it cannot: never a file
 * cut half way. The browser's quota for the page is lowered through the DevTools protocol.
 */
import { expect, test, type Page } from '@playwright/test';
import { download, expectStatus, openFiles, payload, waitForImage } from './helpers';

/** About 700 kB: one image, 3,000 boxes in two categories. */
function bigDataset(): string {
  const annotations = Array.from({ length: 3000 }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: 1 + (i % 2),
    segmentation: [[i % 90, 1, (i % 90) + 9, 1, (i % 90) + 9, 8, i % 90, 8]],
    area: 63.0,
    bbox: [i % 90, 1, 9, 7],
    iscrowd: 0,
    attributes: { occluded: false, note: 'x'.repeat(60) },
  }));
  return JSON.stringify({
    images: [{ id: 1, file_name: 'a.png', width: 100, height: 10 }],
    annotations,
    categories: [
      { id: 1, name: 'apple', supercategory: '' },
      { id: 2, name: 'pear', supercategory: '' },
    ],
  });
}

async function limitQuota(page: Page, bytes: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

async function openAndEdit(page: Page, text: string): Promise<void> {
  await page.goto('/');
  await openFiles(page, [payload('big.json', text)]);
  await expectStatus(page, 1, 3000, 2);
  await waitForImage(page, 0);
  const rows = page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
  await rows.first().click();
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: '2 · pear' });
  await expect(rows.first()).toContainText('edited');
}

test('Export JSON with too little space left: an alert that says so, no cut file', async ({
  page,
}) => {
  const text = bigDataset();
  expect(text.length).toBeGreaterThan(650_000);
  await openAndEdit(page, text);
  await limitQuota(page, 400_000);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: /Export JSON/ });
  await expect(alert).toContainText(/storage/, { timeout: 30_000 });
  await expect(alert).toContainText(/edits are kept/);
  // The export is over (the button is usable again) and nothing was downloaded.
  await expect(page.getByRole('button', { name: 'Export JSON', exact: true })).toBeEnabled();
  expect(downloads).toEqual([]);
});

test('Export JSON with room to spare under a small quota: the whole file', async ({ page }) => {
  const text = bigDataset();
  await openAndEdit(page, text);
  await limitQuota(page, 3_000_000);
  const { bytes } = await download(page, 'Export JSON');
  expect(bytes.length).toBe(text.length);
  const json = JSON.parse(bytes.toString('utf8')) as { annotations: { category_id: number }[] };
  expect(json.annotations).toHaveLength(3000);
  expect(json.annotations[0]!.category_id).toBe(2);
});
