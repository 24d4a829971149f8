/**
 * Hostile sizes (issue 14): small files that ask for a lot. Each is written to the bench
 * cache and opened in a fresh page, the way a user would meet it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { measureExport } from './editing';
import { CACHE } from './fixtures';
import { measureOpen, newBenchPage } from './page';
import { fmt, verdict, type Row } from './stats';

/** 40 crowd masks of 8000² on one image, in 7 kB. */
function manyBigMasks(): string {
  const path = join(CACHE, 'hostile-masks.json');
  const side = 8000;
  const annotations = Array.from({ length: 40 }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: 1,
    segmentation: { size: [side, side], counts: [0, side * side] },
    area: side * side,
    bbox: [0, 0, side, side],
    iscrowd: 1,
  }));
  writeFileSync(
    path,
    JSON.stringify({
      images: [{ id: 1, file_name: 'a.png', width: side, height: side }],
      annotations,
      categories: [{ id: 1, name: 'crowd' }],
    }),
  );
  return path;
}

/** 4 masks of 30000² with 5 pixels each, in under 1 kB. */
function sparseHugeMasks(): string {
  const path = join(CACHE, 'hostile-sparse.json');
  const h = 30000;
  const annotations = Array.from({ length: 4 }, (_, i) => {
    const start = (100 + 50 * i) * h + 200;
    return {
      id: i + 1,
      image_id: 1,
      category_id: 1,
      segmentation: { size: [h, h], counts: [start, 2, h - 2, 3, h * h - start - h - 3] },
      area: 5,
      bbox: [100 + 50 * i, 200, 2, 3],
      iscrowd: 1,
    };
  });
  writeFileSync(
    path,
    JSON.stringify({
      images: [{ id: 1, file_name: 'a.png', width: h, height: h }],
      annotations,
      categories: [{ id: 1, name: 'speck' }],
    }),
  );
  return path;
}

/** One annotation among `n` categories. */
function manyCategories(n: number): string {
  const path = join(CACHE, `hostile-categories-${n}.json`);
  const categories = Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `label ${i + 1}` }));
  writeFileSync(
    path,
    JSON.stringify({
      images: [{ id: 1, file_name: 'a.png', width: 100, height: 100 }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [10, 10, 20, 20], area: 400, iscrowd: 0 },
      ],
      categories,
    }),
  );
  return path;
}

export async function hostileSuite(browser: Browser, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  mkdirSync(CACHE, { recursive: true });

  const masksPage = await newBenchPage(browser, url);
  const masks = await measureOpen(masksPage, [manyBigMasks()]);
  await masksPage.close();
  rows.push({
    work: '40 crowd masks of 8000² on one image (7 kB json): open → first render; peak RSS growth',
    measured: `${fmt.ms(masks.toFirstRenderMs)}; ${fmt.mb(masks.peakRssDeltaBytes)}`,
    reference: 'peak ≤ 1 GB',
    verdict: verdict(masks.peakRssDeltaBytes <= 1e9),
  });

  const sparsePage = await newBenchPage(browser, url);
  await measureOpen(sparsePage, [sparseHugeMasks()]);
  await sparsePage.getByRole('button', { name: 'Export options' }).click();
  await sparsePage
    .getByRole('combobox', { name: 'Segmentation', exact: true })
    .selectOption('polygons');
  await sparsePage.getByRole('button', { name: 'Close' }).click();
  const sparse = await measureExport(sparsePage, 'Export JSON', 120_000);
  await sparsePage.close();
  rows.push({
    work: 'Export JSON, segmentation "all polygons", 4 masks of 30000² with 5 pixels each',
    measured: `${fmt.ms(sparse.ms)}; peak RSS growth ${fmt.mb(sparse.peakRssDelta)}`,
    reference: '≤ 1 s',
    verdict: verdict(sparse.ms <= 1000),
  });

  // 10^6 categories froze the page for minutes: measured at 10^5 until the category
  // lists are virtualized (issue 14), so the bench itself cannot hang.
  const n = 100_000;
  const catPage = await newBenchPage(browser, url);
  const cats = await measureOpen(catPage, [manyCategories(n)], 300_000);
  const t0 = Date.now();
  await catPage.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await catPage.getByRole('combobox', { name: 'Category' }).waitFor({ timeout: 300_000 });
  const selectMs = Date.now() - t0;
  await catPage.close();
  rows.push({
    work: `${n.toLocaleString('en-US')} categories: open → first render; select the annotation → its editor shown`,
    measured: `${fmt.ms(cats.toFirstRenderMs)}; ${fmt.ms(selectMs)}`,
    reference: '(10^6:) open ≤ 15 s, selection ≤ 100 ms',
    verdict: verdict(cats.toFirstRenderMs <= 15_000 && selectMs <= 100),
  });
  return rows;
}
