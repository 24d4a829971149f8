/**
 * Issue 18's largest case: a 2 GB instances json with 5 M annotations, opened through the
 * file input until it is fully indexed (`cocoscope:ready`). A file the engine may not be
 * able to hold: the row then says where the open stopped (the last progress shown, an
 * alert, or the page crashing) and the memory at that moment, instead of ending the bench.
 * Measured in a Chromium of its own with V8's default heap limits, as users have them (the
 * other page rows run with --max-old-space-size=8192, which no user's browser has).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchChromium } from '../lib/browser';
import { chromiumRss, newBenchPage } from './page';
import { fmt, verdict, type Row } from './stats';
import { watchWorkerHeaps } from './workerHeap';

/** The generator's arguments: ~2.06 GB, 680,000 images, 5,000,000 annotations. */
export const HUGE_JSON_ARGS = [
  '--scale',
  'train2017',
  '--images',
  '680000',
  '--annotations',
  '5000000',
  '--median-vertices',
  '14',
  '--seed',
  '4',
];

const BUDGET_MS = 40_000;
const BUDGET_BYTES = 3e9;
/** Past this the open is called stuck (a healthy open is within the budget, 40 s). */
const GIVE_UP_MS = 240_000;

type Outcome =
  | { kind: 'ready'; ms: number; firstRenderMs: number | null; status: string }
  | { kind: 'alert' | 'crashed' | 'timeout'; ms: number; why: string };

type Watch = {
  peak: number;
  lastProgress: string;
  rssAtProgress: number;
  /** Each phase the progress showed (Reading, Parsing, Indexing, …): when, and the RSS then. */
  phases: { name: string; ms: number; rss: number }[];
};

/** The open's end, whichever comes first: indexed, an alert, the page crashing, or time out. */
async function openUntilDone(page: Page, path: string, watch: Watch): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let crashed = false;
  page.once('crash', () => (crashed = true));
  await page.getByLabel('Dataset files').setInputFiles(path);
  for (;;) {
    if (crashed) return { kind: 'crashed', ms: elapsed(), why: 'the page crashed' };
    let state: { ready: number | null; first: number | null; alert: string; progress: string };
    try {
      state = await page.evaluate(() => {
        const at = (name: string) =>
          performance.getEntriesByName(`cocoscope:${name}`)[0]?.startTime ?? null;
        const start = at('open-start');
        const since = (name: string) => {
          const t = at(name);
          return t === null || start === null ? null : t - start;
        };
        return {
          ready: since('ready'),
          first: since('first-render'),
          alert: document.querySelector('[role=alert]')?.textContent ?? '',
          progress: document.querySelector('.progress-panel > div')?.textContent ?? '',
        };
      });
    } catch (error) {
      if (crashed || page.isClosed()) continue;
      return { kind: 'crashed', ms: elapsed(), why: String(error).split('\n')[0]! };
    }
    if (state.progress !== '' && state.progress !== watch.lastProgress) {
      watch.lastProgress = state.progress;
      watch.rssAtProgress = chromiumRss();
      const name = state.progress.split(' ')[0]!;
      if (watch.phases.at(-1)?.name !== name)
        watch.phases.push({ name, ms: elapsed(), rss: watch.rssAtProgress });
    }
    if (state.alert !== '') return { kind: 'alert', ms: elapsed(), why: state.alert };
    // Indexed: the first image follows (a moment later, or long after if drawing is slow).
    if (state.ready !== null && (state.first !== null || elapsed() > state.ready + 60_000)) {
      const status = await page.getByRole('status').first().textContent();
      return { kind: 'ready', ms: state.ready, firstRenderMs: state.first, status: status ?? '' };
    }
    if (elapsed() > GIVE_UP_MS)
      return { kind: 'timeout', ms: elapsed(), why: `not indexed after ${fmt.ms(GIVE_UP_MS)}` };
    // Polled, not awaited as one function: a crashed page must not leave this waiting.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Opens the 2 GB json in a fresh browser and page, and returns its rows. `browserArgs`:
 * flags for that browser (none: as users have it).
 */
export async function hugeJsonRows(
  url: string,
  path: string,
  browserArgs: string[] = [],
): Promise<Row[]> {
  const size = statSync(path).size;
  // Measure the app, not the disk: the file is read once so it sits in the page cache.
  execFileSync('cat', [path], { stdio: ['ignore', 'ignore', 'inherit'] });
  const browser = await launchChromium(browserArgs);
  const page = await newBenchPage(browser, url);
  const heaps = await watchWorkerHeaps(page);
  const baseline = chromiumRss();
  const watch: Watch = { peak: baseline, lastProgress: '', rssAtProgress: baseline, phases: [] };
  const poll = setInterval(() => (watch.peak = Math.max(watch.peak, chromiumRss())), 100);
  let outcome: Outcome;
  try {
    outcome = await openUntilDone(page, path, watch);
  } finally {
    clearInterval(poll);
  }
  const peak = Math.max(watch.peak, chromiumRss()) - baseline;
  const workerHeap = outcome.kind === 'ready' ? await heaps.largestUsed() : null;
  await browser.close();
  const work = `open a ${fmt.gb(size)} json, 5 M annotations: open-start → fully indexed`;
  const phases: Row = {
    work: 'same: each phase the progress showed, from the drop (Chromium RSS growth then)',
    measured: watch.phases
      .map((p) => `${p.name} ${fmt.ms(p.ms)} (+${fmt.gb(p.rss - baseline)})`)
      .join(' → '),
    reference: '',
    verdict: '',
  };
  if (outcome.kind !== 'ready') {
    return [
      {
        work,
        measured: `did not open (${outcome.kind} after ${fmt.ms(outcome.ms)}: ${outcome.why}); last progress "${watch.lastProgress}" at +${fmt.gb(watch.rssAtProgress - baseline)}; peak RSS growth ${fmt.gb(peak)}`,
        reference: `≤ ${fmt.ms(BUDGET_MS)}, ≤ +${fmt.gb(BUDGET_BYTES)}`,
        verdict: verdict(false),
      },
      phases,
    ];
  }
  return [
    {
      work,
      measured: `${fmt.ms(outcome.ms)} (first render ${outcome.firstRenderMs === null ? 'not yet' : fmt.ms(outcome.firstRenderMs)}) · ${outcome.status}`,
      reference: `≤ ${fmt.ms(BUDGET_MS)}`,
      verdict: verdict(outcome.ms <= BUDGET_MS),
    },
    phases,
    {
      work: 'same: peak Chromium RSS growth (page + engine worker); engine worker JS heap once open',
      measured: `${fmt.gb(peak)}; ${workerHeap === null ? 'heap not read' : fmt.gb(workerHeap)}`,
      reference: `≤ ${fmt.gb(BUDGET_BYTES)}; V8 gives a heap ~4 GB`,
      verdict: verdict(peak <= BUDGET_BYTES),
    },
  ];
}
