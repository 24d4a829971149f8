/**
 * What the page does, measured in headless Chromium against the built app: opening
 * datasets (User Timing marks, main-thread long tasks, the longest gap between frames,
 * memory), switching images, and pan/zoom frame rate.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';

export type OpenFigures = {
  toReadyMs: number;
  toFirstRenderMs: number;
  longTasksOver200: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
  /** Peak resident memory of all Chromium processes during the open, minus before it. */
  peakRssDeltaBytes: number;
  status: string;
};

/**
 * Resident memory of the Chromium processes this benchmark started (those under this Node
 * process: other checkouts' browsers on the same machine do not count), in bytes, read from
 * /proc (cheap enough to poll every 100 ms without stealing a core from the browser).
 */
export function chromiumRss(): number {
  const parent = new Map<number, number>();
  const chromium: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": the name may hold spaces, so fields count from its ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const pid = Number(entry);
      parent.set(pid, Number(stat.slice(close + 2).split(' ')[1]));
      if (stat.slice(stat.indexOf('(') + 1, close).startsWith('chromium')) chromium.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++)
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of chromium) {
    if (!ours(pid)) continue;
    try {
      const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
      total += resident * 4096;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Watches long tasks and gaps between animation frames from the start of the page. */
const WATCH = () => {
  const w = window as unknown as { __bench: { longTasks: number[]; gaps: number[] } };
  w.__bench = { longTasks: [], gaps: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const frame = (t: number) => {
    w.__bench.gaps.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

export async function newBenchPage(browser: Browser | BrowserContext, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1400, height: 850 });
  // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`;
  // functions sent to the page need that helper there too.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(WATCH);
  await page.goto(url);
  return page;
}

/**
 * Waits until the page says it is set up (`cocoscope:idle`: loaded, shown, its spare engine
 * warmed up, its offline worker installed; again after each open once the next spare is
 * warm; src/store/pageSetup.ts), as a user finds it who drops a file once the page is there.
 */
export async function waitForIdlePage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('cocoscope:idle').length > 0,
    null,
    { timeout: 30_000, polling: 50 },
  );
}

/** Opens files (paths on disk, given to the file input) and measures until first render. */
export async function measureOpen(
  page: Page,
  paths: string[],
  timeoutMs = 120_000,
): Promise<OpenFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { longTasks: number[]; gaps: number[] } };
    w.__bench.longTasks = [];
    w.__bench.gaps = [];
    performance.clearMarks();
  });
  const baseline = chromiumRss();
  let peak = baseline;
  const poll = setInterval(() => (peak = Math.max(peak, chromiumRss())), 100);
  try {
    await page.getByLabel('Dataset files').setInputFiles(paths);
    await page.waitForFunction(
      () => performance.getEntriesByName('cocoscope:first-render').length > 0,
      null,
      {
        timeout: timeoutMs,
        polling: 50,
      },
    );
  } finally {
    clearInterval(poll);
  }
  peak = Math.max(peak, chromiumRss());
  const figures = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(`cocoscope:${name}`)[0]!.startTime;
    const w = window as unknown as { __bench: { longTasks: number[]; gaps: number[] } };
    return {
      toReadyMs: at('ready') - at('open-start'),
      toFirstRenderMs: at('first-render') - at('open-start'),
      longTasksOver200: w.__bench.longTasks.filter((d) => d > 200).length,
      longestTaskMs: Math.max(0, ...w.__bench.longTasks),
      longestFrameGapMs: Math.max(0, ...w.__bench.gaps),
      status: document.querySelector('[role=status]')?.textContent ?? '',
    };
  });
  return { ...figures, peakRssDeltaBytes: peak - baseline };
}

/**
 * Time from pressing ArrowDown in the image list to the next image: `drawn`, to the end of
 * the animation frame in which Konva drew it (its batchDraw is requested as React commits,
 * before the frame callback measured here, so it runs first in that frame); `settled`, one
 * frame later (DESIGN.md's switch budget, measured this way since it was set).
 */
export async function measureImageSwitches(
  page: Page,
  steps: number,
): Promise<{ drawn: number[]; settled: number[] }> {
  await page.locator('.image-list .scroller').focus();
  const drawn: number[] = [];
  const settled: number[] = [];
  for (let i = 0; i < steps; i++) {
    const ms = await page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          const host = document.querySelector<HTMLElement>('.canvas')!;
          const before = host.dataset.image;
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (host.dataset.image === before || host.dataset.image === '') return;
            observer.disconnect();
            requestAnimationFrame(() => {
              const t1 = performance.now() - t0;
              requestAnimationFrame(() => resolve([t1, performance.now() - t0]));
            });
          });
          observer.observe(host, { attributes: true, attributeFilter: ['data-image'] });
          document
            .querySelector('.image-list .scroller')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        }),
    );
    drawn.push(ms[0]);
    settled.push(ms[1]);
  }
  return { drawn, settled };
}

/** Time from pressing ArrowDown to one frame after the next image is drawn (`settled` above). */
export async function measureImageSwitch(page: Page, steps: number): Promise<number[]> {
  return (await measureImageSwitches(page, steps)).settled;
}

/** Frames per second while wheel-zooming and dragging for `seconds`. */
export async function measurePanZoom(
  page: Page,
  seconds: number,
): Promise<{ fps: number; worstFrameMs: number }> {
  return page.evaluate(
    (duration) =>
      new Promise<{ fps: number; worstFrameMs: number }>((resolve) => {
        const target = document.querySelector('.konvajs-content')!;
        const rect = target.getBoundingClientRect();
        const t0 = performance.now();
        let frames = 0;
        let last = t0;
        let worst = 0;
        const tick = (t: number) => {
          frames++;
          worst = Math.max(worst, t - last);
          last = t;
          const phase = Math.sin((t - t0) / 300);
          target.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: phase * 40,
              clientX: rect.left + rect.width / 2 + phase * 100,
              clientY: rect.top + rect.height / 2,
              bubbles: true,
              cancelable: true,
            }),
          );
          if (t - t0 < duration * 1000) requestAnimationFrame(tick);
          else resolve({ fps: (frames * 1000) / (t - t0), worstFrameMs: worst });
        };
        requestAnimationFrame(tick);
      }),
    seconds,
  );
}
