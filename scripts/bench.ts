/**
 * `npm run bench`: cocoscope's speed and memory against DESIGN.md's budgets and
 * pycocotools' figures, on generated data (cached in .cache/bench). A benchmark, not a
 * test: it prints figures and marks what is over budget.
 *
 *   npm run bench                 everything (generates the 450 MB train2017-scale file once)
 *   npm run bench -- --quick      skip the train2017-scale, 616 MB json and 1 GB zip cases
 *   npm run bench -- --hostile    only the hostile sizes (huge masks, many categories)
 *   npm run bench -- --open-switch  only open as users meet it (fresh page, warm) and the
 *                                 image switch (val2017-scale and dense images)
 *   npm run bench -- --pixels     only the mask editing rows (brush, conversions)
 *   npm run bench -- --big        only the big files (1 GB zip, train2017-scale, 616 MB and
 *                                 2 GB json: generates what is missing, ~4 min for the 2 GB)
 *   npm run bench -- --2gb        only the 2 GB json with 5 M annotations
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brushSuite } from './bench/brush';
import { benchCore } from './bench/core';
import { storageRows } from './bench/storage';
import { benchEngineLimits } from './bench/engineLimits';
import { CACHE } from './bench/fixtures';
import { firstOpenSuite } from './bench/firstOpen';
import { hostileSuite } from './bench/hostile';
import { HUGE_JSON_ARGS, hugeJsonRows } from './bench/hugeJson';
import { maskConvertRows } from './bench/maskConvert';
import { printTable, type Row } from './bench/stats';
import { bigSuite, editSuite, enduranceSuite, openSuite, viewSuite } from './bench/suites';
import { launchChromium } from './lib/browser';

const quick = process.argv.includes('--quick');
const hostileOnly = process.argv.includes('--hostile');
const openSwitchOnly = process.argv.includes('--open-switch');
const pixelsOnly = process.argv.includes('--pixels');
const bigOnly = process.argv.includes('--big');
const twoGbOnly = process.argv.includes('--2gb');
/** BENCH_PORT: another port, for a second checkout benchmarking beside this one. */
const PORT = Number(process.env.BENCH_PORT ?? 4319);
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
  return () => {
    try {
      process.kill(-server.pid!);
    } catch {
      // the preview server has already gone
    }
  };
}

/** The 2 GB json with 5 M annotations (issue 18). */
const twoGbJson = () => generate(join(CACHE, 'json-2gb-5m.json'), HUGE_JSON_ARGS);

/** The big generated files: train2017-scale, and a json too long for one string. */
function bigFiles(): { train: string; huge: string } {
  const train = generate(join(CACHE, 'train2017.json'), ['--scale', 'train2017', '--seed', '2']);
  // 1,170,000 annotations, 616 MB: more than JSON.parse can take as one string.
  const huge = generate(join(CACHE, 'huge.json'), [
    '--scale',
    'train2017',
    '--images',
    '160000',
    '--annotations',
    '1170000',
    '--seed',
    '3',
  ]);
  return { train, huge };
}

/** Only the big files' rows (`--big`), or only the 2 GB json's (`--2gb`). */
async function bigOnlyMain(): Promise<void> {
  const files = twoGbOnly ? null : bigFiles();
  const twoGb = twoGbJson();
  const stop = await serve();
  const rows: Row[] = [];
  try {
    if (files !== null) {
      const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
      try {
        rows.push(...(await bigSuite(browser, URL, files.train, files.huge)));
      } finally {
        await browser.close();
      }
    }
    rows.push(...(await hugeJsonRows(URL, twoGb)));
  } finally {
    printTable('Big files (headless Chromium, built app)', rows);
    stop();
  }
}

async function main() {
  if (bigOnly || twoGbOnly) return bigOnlyMain();
  if (hostileOnly) {
    const stop = await serve();
    const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
    try {
      printTable('Hostile sizes (headless Chromium, built app)', await hostileSuite(browser, URL));
    } finally {
      await browser.close();
      stop();
    }
    return;
  }
  if (pixelsOnly) {
    const stop = await serve();
    const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
    const rows: Row[] = [];
    try {
      rows.push(...(await brushSuite(browser, URL)));
      rows.push(...(await maskConvertRows(browser, URL)));
    } finally {
      printTable('Mask editing (headless Chromium, built app)', rows);
      await browser.close();
      stop();
    }
    return;
  }
  const val = generate(join(CACHE, 'val2017.json'), ['--seed', '1']);
  if (openSwitchOnly) {
    const stop = await serve();
    const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
    const rows: Row[] = [];
    try {
      rows.push(...(await firstOpenSuite(browser, URL, val)));
      rows.push(...(await viewSuite(browser, URL)));
    } finally {
      printTable('Open as users meet it, image switch (headless Chromium, built app)', rows);
      await browser.close();
      stop();
    }
    return;
  }
  const text = readFileSync(val, 'utf8');
  const storage = storageRows(val, 'val2017-scale');
  if (!quick) {
    const train = generate(join(CACHE, 'train2017.json'), ['--scale', 'train2017', '--seed', '2']);
    storage.push(...storageRows(train, 'train2017-scale'));
  }
  printTable('Memory per annotation (Node, same V8 as the app worker)', storage);
  printTable('Core library (Node, same V8 as the app worker), val2017-scale', benchCore(text));
  printTable('Engine work the unit tests count, timed (Node)', await benchEngineLimits());

  const stop = await serve();
  const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
  // Rows measured so far are printed even when a later case fails.
  const rows: Row[] = [];
  try {
    rows.push(...(await openSuite(browser, URL, val)).rows);
    rows.push(...(await firstOpenSuite(browser, URL, val)));
    rows.push(...(await viewSuite(browser, URL)));
    rows.push(...(await brushSuite(browser, URL)));
    rows.push(...(await maskConvertRows(browser, URL)));
    rows.push(...(await editSuite(browser, URL, val)));
    rows.push(...(await enduranceSuite(browser, URL, val, quick ? 10 : 50)));
    rows.push(...(await hostileSuite(browser, URL)));
    if (!quick) {
      const { train, huge } = bigFiles();
      rows.push(...(await bigSuite(browser, URL, train, huge)));
      rows.push(...(await hugeJsonRows(URL, twoGbJson())));
    }
  } finally {
    printTable('The page (headless Chromium, built app)', rows);
    await browser.close();
    stop();
  }
}

void main();
