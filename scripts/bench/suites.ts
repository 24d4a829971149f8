/** The page benchmarks, grouped; each returns rows for the table (figures against budgets). */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  measureExport,
  measureLabelChange,
  makeHistory,
  measureRestore,
  seedSession,
} from './editing';
import { measureEndurance } from './endurance';
import { switchRow } from './firstOpen';
import { undoRunRows } from './undoRun';
import { measureEvaluation, predictionsFile } from './evaluation';
import { measureChecks, measureStats, type CheckFigures } from './insight';
import { CACHE, deflatedJsonZip, denseDataset, picturesZip } from './fixtures';
import { launchPersistentChromium } from '../lib/browser';
import {
  chromiumRss,
  measureImageSwitches,
  measureOpen,
  measurePanZoom,
  newBenchPage,
  waitForIdlePage,
  type OpenFigures,
} from './page';
import { fmt, median, percentile, verdict, type Row } from './stats';

const SAMPLE_JPEG = 'public/sample/images/default/000000000001.jpg';

export async function openSuite(
  browser: Browser,
  url: string,
  val: string,
): Promise<{ rows: Row[]; openMs: number }> {
  const rows: Row[] = [];
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const page = await newBenchPage(browser, url);
    runs.push(await measureOpen(page, [val]));
    await page.close();
  }
  const open = median(runs.map((r) => r.toFirstRenderMs));
  const worst = runs.reduce((a, b) => (a.longestTaskMs > b.longestTaskMs ? a : b));
  rows.push({
    work: `open val2017-scale json (${fmt.mb(statSync(val).size)}) dropped at once after goto: open-start → first-render, median of 3 fresh pages`,
    measured: `${fmt.ms(open)} (ready ${fmt.ms(median(runs.map((r) => r.toReadyMs)))})`,
    reference: '≤ 0.6 s',
    verdict: verdict(open <= 600),
  });
  rows.push({
    work: 'same, main-thread long tasks over 200 ms (longest task, longest frame gap)',
    measured: `${worst.longTasksOver200} (${fmt.ms(worst.longestTaskMs)}, ${fmt.ms(worst.longestFrameGapMs)})`,
    reference: 'none over 200 ms',
    verdict: verdict(runs.every((r) => r.longTasksOver200 === 0)),
  });
  rows.push({
    work: 'same, peak Chromium RSS growth',
    measured: fmt.mb(Math.max(...runs.map((r) => r.peakRssDeltaBytes))),
    reference: '',
    verdict: '',
  });

  // Median of 3, as the json it is compared with (one open alone varies by ±30% here).
  const zipped = await deflatedJsonZip(join(CACHE, 'val2017-json.zip'), val);
  const zipRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await newBenchPage(browser, url);
    zipRuns.push((await measureOpen(page, [zipped])).toFirstRenderMs);
    await page.close();
  }
  const z = median(zipRuns);
  rows.push({
    work: `same json deflated in a zip (${fmt.mb(statSync(zipped).size)}), median of 3`,
    measured: `${fmt.ms(z)} = ${(z / open).toFixed(2)}x`,
    reference: '≤ 1.5x the json',
    verdict: verdict(z <= 1.5 * open),
  });
  return { rows, openMs: open };
}

export async function viewSuite(browser: Browser, url: string): Promise<Row[]> {
  const dense = denseDataset(join(CACHE, 'dense-100p-10m.json'), 40, 100, 10);
  const page = await newBenchPage(browser, url);
  await measureOpen(page, [dense]);
  const { drawn, settled: switches } = await measureImageSwitches(page, 30);
  await page.close();
  const pan = denseDataset(join(CACHE, 'dense-200p.json'), 3, 200, 0);
  const panPage = await newBenchPage(browser, url);
  await measureOpen(panPage, [pan]);
  const fps = await measurePanZoom(panPage, 3);
  await panPage.close();
  return [
    {
      work: 'switch to the next image (100 polygons + 10 crowd masks), median of 30 (max)',
      measured: `${fmt.ms(median(switches))} (${fmt.ms(Math.max(...switches))})`,
      reference: '≤ 50 ms',
      verdict: verdict(median(switches) <= 50),
    },
    {
      work: 'same, pressed → drawn (the frame Konva draws it in): median (p95)',
      measured: `${fmt.ms(median(drawn))} (${fmt.ms(percentile(drawn, 0.95))})`,
      reference: '≤ 16 ms median, ≤ 33 ms p95',
      verdict: verdict(median(drawn) <= 16 && percentile(drawn, 0.95) <= 33),
    },
    {
      work: 'zoom/pan an image with 200 polygons (wheel every frame, 3 s)',
      measured: `${fps.fps.toFixed(0)} fps (worst frame ${fmt.ms(fps.worstFrameMs)})`,
      reference: '≥ 50 fps',
      verdict: verdict(fps.fps >= 50),
    },
  ];
}

export async function editSuite(browser: Browser, url: string, val: string): Promise<Row[]> {
  const rows: Row[] = [];
  const page = await newBenchPage(browser, url);
  await measureOpen(page, [val]);
  const labels = await measureLabelChange(page, 10);
  rows.push({
    work: 'label change on val2017-scale, shown in the list, median of 10 (max)',
    measured: `${fmt.ms(median(labels))} (${fmt.ms(Math.max(...labels))})`,
    reference: '≤ 50 ms',
    verdict: verdict(median(labels) <= 50),
  });
  const exported = [];
  for (let i = 0; i < 3; i++) exported.push(await measureExport(page, 'Export JSON'));
  const ms = median(exported.map((e) => e.ms));
  rows.push({
    work: `Export JSON of val2017-scale (${fmt.mb(exported[0]!.bytes)}), click → download, median of 3`,
    measured: `${fmt.ms(ms)}; peak RSS growth ${fmt.mb(Math.max(...exported.map((e) => e.peakRssDelta)))}`,
    reference: '≤ 1 s',
    verdict: verdict(ms <= 1000),
  });
  rows.push(...insightRows('val2017', await measureChecks(page), await measureStats(page), 10_000));
  await page.close();

  // Opened once the page is set up (cocoscope:idle), as a user who evaluates finds it: the
  // spare engine has warmed up its evaluation too (worker/warmUp.ts).
  const evalPage = await newBenchPage(browser, url);
  await waitForIdlePage(evalPage);
  await measureOpen(evalPage, [val]);
  const ev = await measureEvaluation(evalPage, predictionsFile(val));
  await evalPage.close();
  for (const [kind, total, inPage, engine, ap, pycocotools, budget] of [
    ['segm', ev.segmMs, ev.segmInPageMs, ev.segmEngineMs, ev.segmAp, '14.4 s', 1200],
    ['bbox', ev.bboxMs, ev.bboxInPageMs, ev.bboxEngineMs, ev.bboxAp, '12.7 s', 400],
  ] as const) {
    rows.push({
      work: `evaluate ${ev.detections.toLocaleString('en-US')} predictions (${kind}) on val2017-scale: ${kind === 'segm' ? 'drop → table' : 'click → table'} (AP ${ap}); in the page, and by the harness`,
      measured: `${fmt.ms(inPage)} (engine ${fmt.ms(engine)}; harness ${fmt.ms(total)})`,
      reference: `COCOeval in the engine ≤ ${fmt.ms(budget)} (issue 18); page ≤ 3 s; pycocotools ${pycocotools}`,
      verdict: verdict(engine <= budget && total <= 3000),
    });
  }
  rows.push({
    work: 'same (segm): an image switch while the engine evaluates',
    measured: ev.switchDuringMs === null ? 'evaluation ended first' : fmt.ms(ev.switchDuringMs),
    reference: '≤ 50 ms, page not blocked',
    verdict: verdict(ev.switchDuringMs !== null && ev.switchDuringMs <= 50),
  });

  const restorePage = await newBenchPage(browser, url);
  const history = makeHistory(val, 1000);
  await seedSession(restorePage, val, history);
  const restore = await measureRestore(restorePage, 1000);
  await restorePage.close();
  rows.push({
    work: 'restore a session: val2017-scale json with 1,000 edits, Restore → shown',
    measured: fmt.ms(restore),
    reference: '≤ 2 s',
    verdict: verdict(restore <= 2000),
  });
  rows.push(...(await undoRunRows(browser, url, val)));
  return rows;
}

export async function enduranceSuite(
  browser: Browser,
  url: string,
  val: string,
  rounds: number,
): Promise<Row[]> {
  const page = await newBenchPage(browser, url);
  const e = await measureEndurance(page, val, rounds);
  await page.close();
  const grew = e.heapAfterLast - e.heapAfterFirst;
  return [
    {
      work: `endurance: open → edit → export ${e.rounds} times (val2017-scale), page JS heap after GC, first → last round`,
      measured: `${fmt.mb(e.heapAfterFirst)} → ${fmt.mb(e.heapAfterLast)} (${grew >= 0 ? '+' : ''}${fmt.mb(grew)}) in ${fmt.ms(e.ms)}`,
      reference: 'back to baseline',
      verdict: verdict(grew < 20e6),
    },
    {
      work: 'same, Chromium RSS first → last round (workers of earlier opens terminated)',
      measured: `${fmt.mb(e.rssAfterFirst)} → ${fmt.mb(e.rssAfterLast)}`,
      reference: 'not growing with rounds',
      verdict: verdict(e.rssAfterLast - e.rssAfterFirst < 300e6),
    },
  ];
}

/**
 * `file` opened in a fresh page once it is set up (as a user drops a file), three times: the
 * figures of each, and the last page, kept open for the rows after.
 */
async function openFreshThrice(
  browser: BrowserContext,
  url: string,
  file: string,
): Promise<{ page: Page; opens: OpenFigures[] }> {
  const opens: OpenFigures[] = [];
  for (;;) {
    const page = await newBenchPage(browser, url);
    await waitForIdlePage(page);
    opens.push(await measureOpen(page, [file], 300_000));
    if (opens.length === 3) return { page, opens };
    await page.close();
  }
}

export async function bigSuite(
  browser: Browser,
  url: string,
  train: string,
  huge: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const zip = await picturesZip(join(CACHE, 'pictures-1gb.zip'), SAMPLE_JPEG, 10_000, 1e9);
  const zPage = await newBenchPage(browser, url);
  const before = chromiumRss();
  const zr = await measureOpen(zPage, [zip]);
  rows.push({
    work: `open a ${fmt.gb(statSync(zip).size)} zip of 10,000 stored pictures: list shown`,
    measured: `${fmt.ms(zr.toReadyMs)} (first render ${fmt.ms(zr.toFirstRenderMs)})`,
    reference: '≤ 1 s',
    verdict: verdict(zr.toReadyMs <= 1000),
  });
  rows.push({
    work: 'same, Chromium RSS growth (peak during open; after)',
    measured: `${fmt.mb(zr.peakRssDeltaBytes)}; ${fmt.mb(chromiumRss() - before)}`,
    reference: 'not proportional to the zip',
    verdict: verdict(zr.peakRssDeltaBytes < statSync(zip).size / 4),
  });
  await zPage.close();

  // A profile on disk, as a user has: exports stream to the origin private file system,
  // which only such a profile keeps on disk (see launchPersistentChromium).
  const profile = await launchPersistentChromium(['--js-flags=--max-old-space-size=8192']);
  // Nothing else writing: earlier cases' files are flushed before the big read.
  execFileSync('sync');
  // Measure the app, not the disk: the file is read once so it sits in the page cache.
  execFileSync('cat', [train], { stdio: ['ignore', 'ignore', 'inherit'] });
  const { page: tPage, opens } = await openFreshThrice(profile, url, train);
  const firsts = opens.map((o) => o.toFirstRenderMs);
  const readies = opens.map((o) => o.toReadyMs);
  const t = {
    ...opens[opens.length - 1]!,
    toFirstRenderMs: median(firsts),
    toReadyMs: median(readies),
  };
  t.longestTaskMs = Math.max(...opens.map((o) => o.longestTaskMs));
  t.longestFrameGapMs = Math.max(...opens.map((o) => o.longestFrameGapMs));
  t.longTasksOver200 = Math.max(...opens.map((o) => o.longTasksOver200));
  t.peakRssDeltaBytes = Math.max(...opens.map((o) => o.peakRssDeltaBytes));
  rows.push({
    work: `open train2017-scale json (${fmt.mb(statSync(train).size)}) in a fresh page once set up (cocoscope:idle): open-start → first image drawn (first-render), median of 3 pages (${firsts.map(fmt.ms).join(', ')})`,
    measured: `${fmt.ms(t.toFirstRenderMs)} · ${t.status}`,
    reference: '≤ 2 s (issue 18; DESIGN ≤ 8 s)',
    verdict: verdict(t.toFirstRenderMs <= 2000),
  });
  rows.push({
    work: `same: open-start → fully indexed (ready: list, counts, summary), median (${readies.map(fmt.ms).join(', ')})`,
    measured: fmt.ms(t.toReadyMs),
    reference: '≤ 4 s (issue 18)',
    verdict: verdict(t.toReadyMs <= 4000),
  });
  rows.push({
    work: 'same: longest main-thread task, longest frame gap (page responsive), worst of the 3',
    measured: `${fmt.ms(t.longestTaskMs)}, ${fmt.ms(t.longestFrameGapMs)}`,
    reference: 'no task over 200 ms',
    verdict: verdict(t.longTasksOver200 === 0),
  });
  rows.push({
    work: 'same: resident memory added (peak Chromium RSS growth, page + engine workers), most of the 3',
    measured: fmt.gb(t.peakRssDeltaBytes),
    reference: '≤ 1 GB (issue 18; DESIGN: JS heap ≤ 3 GB)',
    verdict: verdict(t.peakRssDeltaBytes <= 1e9),
  });
  rows.push(switchRow('train2017-scale', await measureImageSwitches(tPage, 40)));
  const labels = await measureLabelChange(tPage, 9);
  rows.push({
    work: 'label change on train2017-scale, shown in the list, median of 9 (max)',
    measured: `${fmt.ms(median(labels))} (${fmt.ms(Math.max(...labels))})`,
    reference: '≤ 16 ms (issue 18; DESIGN ≤ 50 ms)',
    verdict: verdict(median(labels) <= 16),
  });
  rows.push(
    ...insightRows(
      'train2017',
      await measureChecks(tPage, 300_000),
      await measureStats(tPage, 300_000),
      10_000,
    ),
  );
  const te = await measureExport(tPage, 'Export JSON', 600_000);
  rows.push({
    work: `Export JSON of train2017-scale (${fmt.mb(te.bytes)}): time; peak RSS growth`,
    measured: `${fmt.ms(te.ms)}; ${fmt.gb(te.peakRssDelta)}`,
    reference: '≤ 4 s (issue 18; DESIGN ≤ 15 s), no out-of-memory',
    verdict: verdict(te.ms <= 4000),
  });
  await tPage.close();

  // More than a V8 string can hold: parsed as it is read, in runs (src/io/jsonSplitter.ts).
  execFileSync('cat', [huge], { stdio: ['ignore', 'ignore', 'inherit'] });
  const hPage = await newBenchPage(profile, url);
  const h = await measureOpen(hPage, [huge], 300_000);
  rows.push({
    work: `open a json too long for one string (${fmt.mb(statSync(huge).size)}): open-start → first-render`,
    measured: `${fmt.ms(h.toFirstRenderMs)} · ${h.status}`,
    reference: 'JSON.parse cannot take it',
    verdict: verdict(/1,170,000 annotations/.test(h.status)),
  });
  rows.push({
    work: 'same: longest main-thread task; peak Chromium RSS growth',
    measured: `${fmt.ms(h.longestTaskMs)}; ${fmt.gb(h.peakRssDeltaBytes)}`,
    reference: 'no task over 200 ms',
    verdict: verdict(h.longTasksOver200 === 0),
  });
  await hPage.close();

  // Exports stream to the origin private file system, which only a profile on disk keeps
  // on disk (see launchPersistentChromium).
  const zip5k = await picturesZip(join(CACHE, 'pictures-800mb.zip'), SAMPLE_JPEG, 5_000, 8e8);
  const ePage = await newBenchPage(profile, url);
  await measureOpen(ePage, [zip5k]);
  const ez = await measureExport(ePage, 'Export zip', 600_000);
  await ePage.close();
  rows.push({
    work: `Export zip with 5,000 pictures (${fmt.mb(ez.bytes)} written): time; peak Chromium RSS growth`,
    measured: `${fmt.ms(ez.ms)}; ${fmt.mb(ez.peakRssDelta)}`,
    reference: 'memory not the zip size',
    verdict: verdict(ez.peakRssDelta < ez.bytes / 2),
  });

  await profile.close();
  return rows;
}

function insightRows(
  scale: string,
  checks: CheckFigures,
  statsMs: number,
  budgetMs: number,
): Row[] {
  return [
    {
      work: `problems panel on ${scale}-scale: deeper checks in the engine, tab → list (${checks.summary})`,
      measured: `${fmt.ms(checks.ms)}${checks.switchDuringMs === null ? '' : `; an image switch meanwhile ${fmt.ms(checks.switchDuringMs)}`}`,
      reference: `≤ ${fmt.ms(budgetMs)}, page not blocked`,
      verdict: verdict(checks.ms <= budgetMs),
    },
    {
      work: `statistics on ${scale}-scale: tab → charts`,
      measured: fmt.ms(statsMs),
      reference: '',
      verdict: '',
    },
  ];
}
