/**
 * Endurance: open → edit → export, many times in one page. The page's JS heap (after a
 * forced garbage collection) and the renderer processes' memory should come back to where
 * they were after the first round, not grow with every round.
 */
import type { Page } from '@playwright/test';
import { typeOtherLabel } from './editing';
import { chromiumRss } from './page';

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 300));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function round(page: Page, file: string, i: number): Promise<void> {
  await page.evaluate(() => performance.clearMarks());
  await page.getByLabel('Dataset files').setInputFiles([file]);
  // The open is done when its first image is drawn (the status still shows the last one until then).
  await page.waitForFunction(
    () => performance.getEntriesByName('cocoscope:first-render').length > 0,
  );
  await typeOtherLabel(page, i);
  await page.getByRole('combobox', { name: 'Category', exact: true }).press('Enter');
  await page.locator('.undo-redo').getByText('1 edit').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  await download.path();
  await download.delete();
}

export type Endurance = {
  rounds: number;
  heapAfterFirst: number;
  heapAfterLast: number;
  rssAfterFirst: number;
  rssAfterLast: number;
  ms: number;
};

export async function measureEndurance(
  page: Page,
  file: string,
  rounds: number,
): Promise<Endurance> {
  const t0 = Date.now();
  await round(page, file, 0);
  const heapAfterFirst = await heapAfterGc(page);
  const rssAfterFirst = chromiumRss();
  for (let i = 1; i < rounds; i++) await round(page, file, i);
  const heapAfterLast = await heapAfterGc(page);
  // Let terminated workers' memory go back before reading the processes' size.
  await new Promise((r) => setTimeout(r, 1500));
  return {
    rounds,
    heapAfterFirst,
    heapAfterLast,
    rssAfterFirst,
    rssAfterLast: chromiumRss(),
    ms: Date.now() - t0,
  };
}
