/**
 * Long undo runs (issue 14): a session of many edits restored, then Ctrl+Z held down (one
 * key press per task, as key repeat delivers them, only faster), then Ctrl+Z and
 * Ctrl+Shift+Z alternating. Timed in the page, from the first press to the state a user
 * would see at the end of the run.
 */
import type { Browser, Page } from '@playwright/test';
import { makeHistory, measureRestore, seedSession } from './editing';
import { newBenchPage } from './page';
import { fmt, verdict, type Row } from './stats';

export type UndoRunFigures = {
  edits: number;
  restoreMs: number;
  /**
   * `edits` presses of Ctrl+Z: until the Undo button is disabled and no edit is counted
   * (`doneMs`), and until the last press was delivered (`pressedMs`).
   */
  undoAll: { pressedMs: number; doneMs: number };
  /** `alternations` presses alternating Ctrl+Shift+Z and Ctrl+Z, then two more Ctrl+Shift+Z. */
  alternating: { pressedMs: number; doneMs: number };
  alternations: number;
};

/**
 * Presses `keys` one per task (a message-channel hop between presses lets the page take
 * the engine's answers meanwhile), then resolves with the time from the first press until
 * `done()` holds, checked every frame.
 */
function pressAndWait(
  page: Page,
  keys: ('undo' | 'redo')[],
  edits: number,
): Promise<{ pressedMs: number; doneMs: number }> {
  return page.evaluate(
    async ({ keys: sequence, edits: expected }) => {
      const undo = () =>
        Array.from(document.querySelectorAll<HTMLButtonElement>('.undo-redo button')).find(
          (b) => b.textContent === 'Undo',
        )!;
      const counted = () => document.querySelector('.undo-redo .edits')?.textContent ?? '0 edits';
      const done = () =>
        expected === 0
          ? undo().disabled && counted() === '0 edits'
          : counted() === `${expected} edits`;
      const hop = new MessageChannel();
      const nextTask = () =>
        new Promise<void>((resolve) => {
          hop.port1.onmessage = () => resolve();
          hop.port2.postMessage(null);
        });
      const t0 = performance.now();
      for (const key of sequence) {
        window.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: key === 'redo' ? 'Z' : 'z',
            ctrlKey: true,
            shiftKey: key === 'redo',
            bubbles: true,
          }),
        );
        await nextTask();
      }
      const pressedMs = performance.now() - t0;
      await new Promise<void>((resolve) => {
        const check = () => (done() ? resolve() : requestAnimationFrame(check));
        check();
      });
      return { pressedMs, doneMs: performance.now() - t0 };
    },
    { keys, edits },
  );
}

/** Restores `edits` edits of `jsonPath`, undoes them all, then alternates redo and undo. */
export async function measureUndoRun(
  page: Page,
  jsonPath: string,
  edits: number,
  alternations = edits,
): Promise<UndoRunFigures> {
  await seedSession(page, jsonPath, makeHistory(jsonPath, edits));
  const restoreMs = await measureRestore(page, edits);
  const undoAll = await pressAndWait(page, Array<'undo'>(edits).fill('undo'), 0);
  // From 0 edits: redo, undo, … (the count goes 1, 0, 1, …), then two redos more, and the
  // count reaches 2 only when every press before them has been applied.
  const turns = Array.from({ length: alternations }, (_, i) =>
    i % 2 === 0 ? ('redo' as const) : ('undo' as const),
  );
  const alternating = await pressAndWait(page, [...turns, 'redo', 'redo'], 2);
  return { edits, restoreMs, undoAll, alternating, alternations };
}

/** Ctrl+Z held down over a restored session of 10,000 edits, then undo and redo in turn. */
export async function undoRunRows(browser: Browser, url: string, val: string): Promise<Row[]> {
  const page = await newBenchPage(browser, url);
  const run = await measureUndoRun(page, val, 10_000);
  await page.close();
  const presses = (ms: number) => `last press delivered at ${fmt.ms(ms)}`;
  return [
    {
      work: `hold Ctrl+Z over 10,000 edits (val2017-scale, restored in ${fmt.ms(run.restoreMs)}): first press → "0 edits", Undo disabled`,
      measured: `${fmt.ms(run.undoAll.doneMs)} (${presses(run.undoAll.pressedMs)})`,
      reference: '≤ 5 s',
      verdict: verdict(run.undoAll.doneMs <= 5000),
    },
    {
      work: `same, ${run.alternations.toLocaleString('en-US')} Ctrl+Shift+Z / Ctrl+Z in turn, then 2 Ctrl+Shift+Z: → "2 edits"`,
      measured: `${fmt.ms(run.alternating.doneMs)} (${presses(run.alternating.pressedMs)})`,
      reference: '≤ 5 s',
      verdict: verdict(run.alternating.doneMs <= 5000),
    },
  ];
}
