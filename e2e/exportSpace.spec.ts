/**
 * An export under a nearly full disk gives the whole file or says it cannot: never a file
 * cut half way. The browser's quota for the page is lowered through the DevTools protocol.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { download, expectStatus, openFiles, payload, pickLabel, waitForImage } from './helpers';

/** About 800 kB: one image, 300 boxes in two categories, with long notes. */
function bigDataset(): string {
  const annotations = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: 1 + (i % 2),
    segmentation: [[i % 90, 1, (i % 90) + 9, 1, (i % 90) + 9, 8, i % 90, 8]],
    area: 63.0,
    bbox: [i % 90, 1, 9, 7],
    iscrowd: 0,
    attributes: { occluded: false, note: 'x'.repeat(2600) },
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

/** Fills `bytes` of the origin's storage with a file in its private file system. */
async function useStorage(page: Page, bytes: number): Promise<void> {
  await page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle('ballast.bin', { create: true });
    const writable = await handle.createWritable();
    await writable.write(new Uint8Array(n));
    await writable.close();
  }, bytes);
}

async function openAndEdit(page: Page, text: string): Promise<void> {
  await openFiles(page, [payload('big.json', text)]);
  await expectStatus(page, 1, 300, 2);
  await waitForImage(page, 0);
  const rows = page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
  await rows.first().click();
  await pickLabel(page, 'pear');
  await expect(rows.first()).toContainText('edited');
}

test('Export JSON on a nearly full disk: the whole file, or an alert that says so; never a cut file', async ({
  page,
}) => {
  const text = bigDataset();
  expect(text.length).toBeGreaterThan(650_000);
  await page.goto('/');
  // As a user's disk: 1 MB for the page, 450 kB of it already used by other data.
  await limitQuota(page, 1_000_000);
  await useStorage(page, 450_000);
  await openAndEdit(page, text);
  const downloads: Buffer[] = [];
  page.on('download', async (d) => downloads.push(readFileSync((await d.path())!)));
  await page.getByRole('button', { name: /^Export JSON/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: /^Export JSON/ });
  await expect(async () => {
    expect(downloads.length + (await alert.count())).toBeGreaterThan(0);
  }).toPass();
  // One of two outcomes, and nothing in between: an alert and no file, or the whole file.
  const said = (await alert.count()) > 0 ? await alert.textContent() : null;
  const outcome =
    said !== null
      ? `alert (${downloads.length} downloads): ${said}`
      : `downloaded ${downloads.map((b) => b.length).join(', ')} bytes`;
  expect(outcome).toMatch(
    new RegExp(
      `^(alert \\(0 downloads\\): .*storage is full.*edits are kept.*|downloaded ${text.length} bytes)$`,
    ),
  );
});

test('Export JSON with room to spare under a small quota: the whole file', async ({ page }) => {
  const text = bigDataset();
  await page.goto('/');
  await openAndEdit(page, text);
  await limitQuota(page, 3_000_000);
  const { bytes } = await download(page, 'Export JSON');
  expect(bytes).toHaveLength(text.length);
  const json = JSON.parse(bytes.toString('utf8')) as { annotations: { category_id: number }[] };
  expect(json.annotations).toHaveLength(300);
  expect(json.annotations[0]!.category_id).toBe(2);
});
