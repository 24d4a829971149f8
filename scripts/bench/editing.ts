/**
 * Editing and export in the page: a label change on a big dataset, restoring a session of
 * 1,000 edits, exporting json and zip (time, and Chromium's memory while it runs).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { applyPatch, parseCoco, planSetFields, planSetShape, type Patch } from '../../src/coco';
import { chromiumRss } from './page';

/** The names the label picker lists first for an empty search (those rendered). */
export async function listedLabels(page: Page): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Category', exact: true });
  await box.fill('');
  return page
    .getByRole('listbox', { name: 'Category', exact: true })
    .getByRole('option')
    .evaluateAll((os) => os.map((o) => o.querySelector('.name')!.textContent!));
}

/**
 * Selects the first annotation and types the `i`-th label other than its own into the
 * inspector's picker, until the picker offers it; returns the label (Enter commits it).
 */
export async function typeOtherLabel(page: Page, i: number): Promise<string> {
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  const box = page.getByRole('combobox', { name: 'Category', exact: true });
  const current = await box.inputValue();
  const others = (await listedLabels(page)).filter((n) => n !== current);
  const name = others[i % others.length]!;
  await box.fill(name);
  await page
    .getByRole('listbox', { name: 'Category', exact: true })
    .getByRole('option', { name, exact: true })
    .first()
    .waitFor();
  return name;
}

/** From pressing Enter on a label typed in the inspector's picker to the annotation list showing it. */
export async function measureLabelChange(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const name = await typeOtherLabel(page, i);
    const ms = await page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) => {
          const box = document.querySelector<HTMLInputElement>(
            'input[role=combobox][aria-label="Category"]',
          )!;
          const row = () => document.querySelector('ul[aria-label="Annotations"] li');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (row()?.querySelector('.name')?.textContent !== wanted) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          });
          observer.observe(document.querySelector('ul[aria-label="Annotations"]')!, {
            subtree: true,
            childList: true,
            characterData: true,
          });
          box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }),
      name,
    );
    times.push(ms);
  }
  return times;
}

/** A history of `count` edits on a dataset (relabels and moves), as the page would have saved it. */
export function makeHistory(jsonPath: string, count: number): unknown[] {
  const dataset = parseCoco(readFileSync(jsonPath, 'utf8')).dataset!;
  let current = dataset;
  const history: unknown[] = [];
  const categories = dataset.categories.map((c) => c.id);
  for (let i = 0; i < count; i++) {
    const at = (i * 7919) % current.annotations.length;
    const a = current.annotations.at(at)!;
    let patch: Patch;
    if (i % 10 === 9 && a.bbox !== null && a.segmentation.kind === 'polygons') {
      const moved = a.segmentation.polygons.map((p) =>
        p.map((v, k) => Math.round((v + (k % 2 === 0 ? 1 : 0)) * 100) / 100),
      );
      const image = current.images[current.index.imageById.get(a.imageId)!]!;
      patch = planSetShape(current, at, { kind: 'polygons', polygons: moved }, image);
    } else {
      patch = planSetFields(current, [at], { category_id: categories[i % categories.length] });
    }
    current = applyPatch(current, patch);
    history.push({ label: `edit ${i}`, subset: 0, patch: [{ source: 0, patch }] });
  }
  return history;
}

/**
 * Puts a saved session (files + history) in the page's IndexedDB as autosave writes it
 * (src/io/sessionStore.ts, database version 2: `meta`, `files` and `history` records under
 * the session's id; the history record in format 1, src/store/sessionFormat.ts).
 */
export async function seedSession(page: Page, jsonPath: string, history: unknown[]): Promise<void> {
  const text = readFileSync(jsonPath, 'utf8');
  await page.evaluate(
    async ({ text: json, history: entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('cocoscope', 2);
        r.onupgradeneeded = () => {
          for (const name of ['meta', 'files', 'history'])
            if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name);
        };
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['meta', 'files', 'history'], 'readwrite');
        const id = 'bench';
        const now = Date.now();
        const file = new Blob([json], { type: 'application/json' });
        tx.objectStore('files').put([{ path: 'val2017.json', file }], id);
        tx.objectStore('history').put(
          {
            format: 1,
            history: entries,
            view: { subsetIndex: 0, customColors: {}, marks: {} },
            savedAt: now,
          },
          id,
        );
        tx.objectStore('meta').put(
          {
            id,
            label: 'val2017.json',
            images: null,
            annotations: null,
            edits: entries.length,
            createdAt: now,
            lastEditAt: now,
          },
          id,
        );
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { text, history },
  );
}

/** From pressing Restore to the dataset shown with every edit re-applied. */
export async function measureRestore(page: Page, edits: number): Promise<number> {
  await page.reload();
  const button = page.getByRole('button', { name: 'Restore session' });
  await button.waitFor();
  const t0 = Date.now();
  await button.click();
  await page.locator('.undo-redo').getByText(`${edits} edits`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('.canvas')?.getAttribute('data-image') !== '',
  );
  return Date.now() - t0;
}

/** Clicks an export button; time to the download, and Chromium's peak memory growth. */
export async function measureExport(
  page: Page,
  button: 'Export JSON' | 'Export zip',
  timeoutMs = 300_000,
): Promise<{ ms: number; bytes: number; peakRssDelta: number }> {
  const before = chromiumRss();
  let peak = before;
  const poll = setInterval(() => (peak = Math.max(peak, chromiumRss())), 100);
  try {
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: timeoutMs }),
      page.getByRole('button', { name: new RegExp(`^${button}`) }).click(),
    ]);
    const ms = Date.now() - t0;
    const path = await download.path();
    const bytes = path === null ? 0 : statSync(path).size;
    await download.delete();
    return { ms, bytes, peakRssDelta: peak - before };
  } finally {
    clearInterval(poll);
  }
}
