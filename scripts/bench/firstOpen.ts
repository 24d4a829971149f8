/**
 * Open and image switch as a user meets them (issue 18): the first open of a val2017-scale
 * json in a fresh page (new page, goto, one drop), the same file opened again in one page
 * (warm), and the image switch on that dataset with its median and p95.
 */
import { statSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { measureImageSwitches, measureOpen, newBenchPage } from './page';
import { fmt, median, percentile, verdict, type Row } from './stats';

const FRESH_PAGES = 3;
const WARM_OPENS = 3;
const SWITCHES = 40;

export async function firstOpenSuite(browser: Browser, url: string, val: string): Promise<Row[]> {
  const size = fmt.mb(statSync(val).size);
  const fresh: number[] = [];
  for (let i = 0; i < FRESH_PAGES; i++) {
    const page = await newBenchPage(browser, url);
    fresh.push((await measureOpen(page, [val])).toFirstRenderMs);
    await page.close();
  }
  const page = await newBenchPage(browser, url);
  const first = (await measureOpen(page, [val])).toFirstRenderMs;
  const warm: number[] = [];
  for (let i = 0; i < WARM_OPENS; i++) warm.push((await measureOpen(page, [val])).toFirstRenderMs);
  const { drawn: switches, settled } = await measureImageSwitches(page, SWITCHES);
  await page.close();
  const freshMs = median(fresh);
  const warmMs = median(warm);
  const spread = (values: number[]) => values.map((v) => fmt.ms(v)).join(', ');
  const switchMedian = median(switches);
  const switchP95 = percentile(switches, 0.95);
  return [
    {
      work: `val2017-scale json (${size}) → first image drawn, first open in a fresh page, median of ${FRESH_PAGES} pages (${spread(fresh)})`,
      measured: fmt.ms(freshMs),
      reference: '≤ 0.35 s',
      verdict: verdict(freshMs <= 350),
    },
    {
      work: `same, warm: opened again in one page, median of ${WARM_OPENS} (first ${fmt.ms(first)}; ${spread(warm)})`,
      measured: fmt.ms(warmMs),
      reference: '≤ 0.25 s',
      verdict: verdict(warmMs <= 250),
    },
    {
      work: `switch to the next image on val2017-scale, ${SWITCHES} switches, pressed → drawn: median (p95, max; one frame later ${fmt.ms(median(settled))})`,
      measured: `${fmt.ms(switchMedian)} (${fmt.ms(switchP95)}, ${fmt.ms(Math.max(...switches))})`,
      reference: '≤ 16 ms median, ≤ 33 ms p95',
      verdict: verdict(switchMedian <= 16 && switchP95 <= 33),
    },
  ];
}
