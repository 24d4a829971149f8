/**
 * `npm run bench`: cocoscope's speed and memory against DESIGN.md's budgets and
 * pycocotools' figures, on generated data (cached in .cache/bench). A benchmark, not a
 * test: it prints figures and marks what is over budget.
 *
 *   npm run bench                 everything (generates the 450 MB train2017-scale file once)
 *   npm run bench -- --quick      skip the train2017-scale and 1 GB zip cases
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchCore } from './bench/core';
import { CACHE, deflatedJsonZip, denseDataset, picturesZip } from './bench/fixtures';
import {
  chromiumRss,
  measureImageSwitch,
  measureOpen,
  measurePanZoom,
  newBenchPage,
} from './bench/page';
import { fmt, median, printTable, verdict, type Row } from './bench/stats';
import { launchChromium } from './lib/browser';

const quick = process.argv.includes('--quick');
const PORT = 4319;
const URL = `http://127.0.0.1:${PORT}/`;

function generate(out: string, args: string[]): string {
  if (!existsSync(out)) {
    console.log(`generating ${out} …`);
    execFileSync('npx', ['tsx', 'scripts/gen-coco.ts', ...args, '--out', out], {
      stdio: 'inherit',
    });
  }
  return out;
}

async function serve(): Promise<() => void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(URL);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return () => process.kill(-server.pid!);
}

async function main() {
  const val = generate(join(CACHE, 'val2017.json'), ['--seed', '1']);
  const text = readFileSync(val, 'utf8');
  printTable('Core library (Node, same V8 as the app worker), val2017-scale', benchCore(text));

  const stop = await serve();
  const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
  try {
    const rows: Row[] = [];
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const page = await newBenchPage(browser, URL);
      runs.push(await measureOpen(page, [val]));
      await page.close();
    }
    const open = runs.map((r) => r.toFirstRenderMs);
    const worst = runs.reduce((a, b) => (a.longestTaskMs > b.longestTaskMs ? a : b));
    rows.push({
      work: `open val2017-scale json (${fmt.mb(statSync(val).size)}): open-start → first-render, median of 3`,
      measured: `${fmt.ms(median(open))} (ready ${fmt.ms(median(runs.map((r) => r.toReadyMs)))})`,
      reference: '≤ 0.6 s',
      verdict: verdict(median(open) <= 600),
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

    const zipped = await deflatedJsonZip(join(CACHE, 'val2017-json.zip'), val);
    const zipPage = await newBenchPage(browser, URL);
    const z = await measureOpen(zipPage, [zipped]);
    await zipPage.close();
    rows.push({
      work: `same json deflated in a zip (${fmt.mb(statSync(zipped).size)})`,
      measured: `${fmt.ms(z.toFirstRenderMs)} = ${(z.toFirstRenderMs / median(open)).toFixed(2)}x`,
      reference: '≤ 1.5x the json',
      verdict: verdict(z.toFirstRenderMs <= 1.5 * median(open)),
    });

    const dense = denseDataset(join(CACHE, 'dense-100p-10m.json'), 40, 100, 10);
    const densePage = await newBenchPage(browser, URL);
    await measureOpen(densePage, [dense]);
    const switches = await measureImageSwitch(densePage, 20);
    await densePage.close();
    rows.push({
      work: 'switch to the next image (100 polygons + 10 crowd masks), median of 20 (max)',
      measured: `${fmt.ms(median(switches))} (${fmt.ms(Math.max(...switches))})`,
      reference: '≤ 50 ms',
      verdict: verdict(median(switches) <= 50),
    });

    const pan = denseDataset(join(CACHE, 'dense-200p.json'), 3, 200, 0);
    const panPage = await newBenchPage(browser, URL);
    await measureOpen(panPage, [pan]);
    const fps = await measurePanZoom(panPage, 3);
    await panPage.close();
    rows.push({
      work: 'zoom/pan an image with 200 polygons (wheel every frame, 3 s)',
      measured: `${fps.fps.toFixed(0)} fps (worst frame ${fmt.ms(fps.worstFrameMs)})`,
      reference: '≥ 50 fps',
      verdict: verdict(fps.fps >= 50),
    });

    if (!quick) {
      const zip = await picturesZip(
        join(CACHE, 'pictures-1gb.zip'),
        'public/sample/images/default/000000000001.jpg',
        10_000,
        1e9,
      );
      const zPage = await newBenchPage(browser, URL);
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

      const train = generate(join(CACHE, 'train2017.json'), [
        '--scale',
        'train2017',
        '--seed',
        '2',
      ]);
      const tPage = await newBenchPage(browser, URL);
      const t = await measureOpen(tPage, [train], 300_000);
      rows.push({
        work: `open train2017-scale json (${fmt.mb(statSync(train).size)}): open-start → first-render`,
        measured: `${fmt.ms(t.toFirstRenderMs)} · ${t.status}`,
        reference: '≤ 8 s',
        verdict: verdict(t.toFirstRenderMs <= 8000),
      });
      rows.push({
        work: 'same: longest main-thread task, longest frame gap (page responsive)',
        measured: `${fmt.ms(t.longestTaskMs)}, ${fmt.ms(t.longestFrameGapMs)}`,
        reference: 'no task over 200 ms',
        verdict: verdict(t.longTasksOver200 === 0),
      });
      rows.push({
        work: 'same: peak Chromium RSS growth (page + engine worker)',
        measured: fmt.gb(t.peakRssDeltaBytes),
        reference: 'JS heap ≤ 3 GB',
        verdict: verdict(t.peakRssDeltaBytes <= 3e9),
      });
      await tPage.close();
    }
    printTable('The page (headless Chromium, built app)', rows);
  } finally {
    await browser.close();
    stop();
  }
}

void main();
