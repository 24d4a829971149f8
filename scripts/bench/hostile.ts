/**
 * Hostile sizes (issue 14): small files that ask for a lot. Each is written to the bench
 * cache and opened in a fresh page, the way a user would meet it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { measureExport } from './editing';
import { CACHE } from './fixtures';
import { manyCategoriesRows } from './manyCategories';
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

  rows.push(...(await manyCategoriesRows(browser, url, 1_000_000)));
  return rows;
}
