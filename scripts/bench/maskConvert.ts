/**
 * Polygon → mask and mask → polygons on a 100-part crowd (issue 17's budget: ≤ 100 ms,
 * preview included): from the button press to the preview shown (its numbers in the
 * inspector, its pixels on the canvas), then from Apply to the converted shape listed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { encodeMask } from '../../src/coco';
import { CACHE } from './fixtures';
import { measureOpen, newBenchPage } from './page';
import { fmt, median, verdict, type Row } from './stats';

/**
 * One `width` × `height` picture with a crowd RLE of 100 discs (10 × 10, radius r) and a
 * polygon of the same 100 discs as 32-gons, each drawn at the picture's scale.
 */
function hundredParts(width: number, height: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `hundred-parts-${width}x${height}.json`);
  const r = Math.floor(Math.min(width, height) / 30);
  const centres: [number, number][] = [];
  for (let i = 0; i < 10; i++)
    for (let j = 0; j < 10; j++)
      centres.push([((i + 0.5) * width) / 10, ((j + 0.5) * height) / 10]);
  const pixels = new Uint8Array(width * height);
  for (const [cx, cy] of centres)
    for (let x = Math.floor(cx - r); x <= cx + r; x++)
      for (let y = Math.floor(cy - r); y <= cy + r; y++)
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) pixels[x * height + y] = 1;
  const rle = encodeMask(pixels, height, width);
  const polygons = centres.map(([cx, cy]) =>
    Array.from({ length: 32 }, (_, k) => [
      Math.round(cx + r * Math.cos((k * Math.PI) / 16)),
      Math.round(cy + r * Math.sin((k * Math.PI) / 16)),
    ]).flat(),
  );
  const dataset = {
    images: [{ id: 1, file_name: 'hundred.jpg', width, height }],
    categories: [{ id: 1, name: 'crowd' }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        segmentation: { size: [height, width], counts: Array.from(rle.counts) },
        area: 0,
        bbox: [0, 0, width, height],
        iscrowd: 1,
      },
      {
        id: 2,
        image_id: 1,
        category_id: 1,
        segmentation: polygons,
        area: 0,
        bbox: [0, 0, 1, 1],
        iscrowd: 1,
      },
    ],
  };
  writeFileSync(path, JSON.stringify(dataset));
  return path;
}

/**
 * Clicks the button named `name`; resolves with the ms until the preview shows its numbers
 * (`done` null) or, after Apply, until the preview is gone and the list shows the row
 * `done.row` as `done.kind`, a frame later.
 */
function pressUntil(
  page: Page,
  name: string,
  done: { row: string; kind: string } | null,
): Promise<number> {
  return page.evaluate(
    ([name, done]) =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === name,
        )!;
        const preview = () => document.querySelector('section[aria-label="Preview"]');
        const listed = () =>
          [...document.querySelectorAll('ul[aria-label="Annotations"] li')].some(
            (li) => li.textContent?.includes(done!.row) && li.textContent.includes(done!.kind),
          );
        const holds = () =>
          done === null
            ? preview()?.textContent?.includes('IoU') === true
            : preview() === null && listed();
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!holds()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        button.click();
      }),
    [name, done] as const,
  );
}

async function measure(page: Page, row: string, kind: string, button: string, runs: number) {
  const previews: number[] = [];
  const applies: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page
      .getByRole('list', { name: 'Annotations' })
      .getByRole('listitem')
      .filter({ hasText: row })
      .click();
    await page.getByRole('button', { name: button }).waitFor();
    previews.push(await pressUntil(page, button, null));
    applies.push(await pressUntil(page, 'Apply', { row, kind }));
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('button[title="Nothing to undo"]').waitFor();
  }
  return {
    preview: median(previews),
    apply: median(applies),
    max: Math.max(...previews.map((p, i) => p + applies[i]!)),
  };
}

export async function maskConvertRows(browser: Browser, url: string, runs = 5): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [width, height] of [
    [640, 480],
    [4000, 3000],
  ] as const) {
    const page = await newBenchPage(browser, url);
    await measureOpen(page, [hundredParts(width, height)]);
    for (const [what, row, kind, button] of [
      ['polygon → mask', '#2', 'mask', 'Convert to mask'],
      ['mask → polygons', '#1', 'polygon', 'Convert to polygons'],
    ] as const) {
      const m = await measure(page, row, kind, button, runs);
      const total = m.preview + m.apply;
      rows.push({
        work: `${what}, 100-part crowd on ${width} × ${height}: press → preview shown + Apply → applied, median of ${runs} (max)`,
        measured: `${fmt.ms(total)} (preview ${fmt.ms(m.preview)}, apply ${fmt.ms(m.apply)}; max ${fmt.ms(m.max)})`,
        reference: '≤ 100 ms',
        verdict: verdict(total <= 100),
      });
    }
    await page.close();
  }
  return rows;
}
