/**
 * The problems panel and the statistics in the page: from opening the tab to the list (or
 * charts) shown, and whether browsing goes on while the checks run in the engine.
 */
import type { Page } from '@playwright/test';
import { measureImageSwitch } from './page';

/** Opens a side-panel tab and waits until `region` shows text matching `done`. */
async function timeTab(page: Page, tab: string, region: string, done: RegExp, timeout: number) {
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('region', { name: region }).getByText(done).first().waitFor({ timeout });
  return (await page.evaluate(() => performance.now())) - t0;
}

export type CheckFigures = {
  ms: number;
  /** What the panel says when done: `59 problems`. */
  summary: string;
  /** An image switch started while the checks ran (null when they ended first). */
  switchDuringMs: number | null;
};

export async function measureChecks(page: Page, timeout = 120_000): Promise<CheckFigures> {
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('tab', { name: 'Problems' }).click();
  const panel = page.getByRole('region', { name: 'Problems' });
  const done = panel.getByText(/^[\d,]+ problems?$/);
  let switchDuringMs: number | null = null;
  if (await panel.getByText(/^Checking/).isVisible()) {
    const [ms] = await measureImageSwitch(page, 1);
    if (!(await done.isVisible())) switchDuringMs = ms!;
  }
  await done.waitFor({ timeout });
  const ms = (await page.evaluate(() => performance.now())) - t0;
  return { ms, summary: await done.innerText(), switchDuringMs };
}

export function measureStats(page: Page, timeout = 120_000): Promise<number> {
  return timeTab(page, 'Dataset', 'Statistics', /^Annotations per category/, timeout);
}
