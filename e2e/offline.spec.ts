import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { corpusFile, expectStatus, openFiles } from './helpers';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app opens and works with no network', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open files' })).toBeVisible();
  // The service worker has cached the app once it controls the page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open files' })).toBeVisible();
  // The engine worker's script comes from the cache too: a dataset opens and is drawn.
  await openFiles(page, [
    corpusFile('datumaro/coco_dataset/coco_instances/annotations/instances_val.json'),
  ]);
  await expectStatus(page, 1, 2, 3);
  await expect(page.locator('.canvas')).toHaveAttribute('data-image', '0:0');

  // The sample ships with the app: it opens offline.
  await page.reload();
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await expectStatus(page, 4, 28, 6);
});

test('the browser can install the app', async ({ playwright, baseURL }, testInfo) => {
  // Chromium never offers to install from an off-the-record profile, which is what
  // Playwright's contexts are: this test runs a profile on disk, as a user's browser is.
  const profile = mkdtempSync(join(tmpdir(), 'cocoscope-install-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({
      short_name: 'cocoscope',
      display: 'standalone',
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
