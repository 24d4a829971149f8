/**
 * Speed budgets the unit tests used to check with a wall clock (a test that passes only on an
 * idle machine is broken: the tests now count reads, bytes and splices). Measured here, in
 * Node, where a slow run is a figure to look at, not a red suite.
 */
import { exportCoco, parseCoco, planDeleteCategory, applyPatch, invertPatch } from '../../src/coco';
import { readCentralDirectory } from '../../src/io/zip/centralDirectory';
import { buildZip } from '../../src/io/zip/testing/buildZip';
import { openZip } from '../../src/io/zip/zipReader';
import { fmt, median, timeMedian, verdict, type Row } from './stats';

async function timeMedianAsync<T>(runs: number, fn: () => Promise<T>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function row(work: string, ms: number, budgetMs: number): Row {
  return {
    work,
    measured: fmt.ms(ms),
    reference: `budget ${fmt.ms(budgetMs)}`,
    verdict: verdict(ms <= budgetMs),
  };
}

export async function benchEngineLimits(): Promise<Row[]> {
  const rows: Row[] = [];

  const entries = Array.from({ length: 100_000 }, (_, i) => ({
    name: `images/${String(i).padStart(12, '0')}.jpg`,
    data: new Uint8Array([i & 0xff]),
  }));
  const zip = new Blob([buildZip(entries, { zip64: true })]);
  rows.push(
    row(
      'zip central directory of 100,000 entries (readCentralDirectory), median of 3',
      await timeMedianAsync(3, () => readCentralDirectory(zip)),
      1000,
    ),
    row(
      'openZip of 100,000 entries (directory, paths, index), median of 3',
      await timeMedianAsync(3, () => openZip(zip, 'many.zip')),
      1000,
    ),
  );

  const points = Array.from({ length: 2_000_000 }, (_, i) =>
    i % 2 === 0 ? (i / 2) % 640 : Math.floor(i / 2000) % 480,
  );
  const polygon = {
    images: [{ id: 1, width: 640, height: 480 }],
    categories: [{ id: 1, name: 'a' }],
    annotations: [{ id: 1, image_id: 1, category_id: 1, segmentation: [points] }],
  };
  rows.push(
    row(
      'parseCoco of one polygon with a million points, median of 3',
      timeMedian(3, () => parseCoco(polygon)).ms,
      1000,
    ),
  );

  const anns = Array.from(
    { length: 100_000 },
    (_, i) => `{"id":${i + 1},"image_id":1,"category_id":${(i % 2) + 1},"bbox":[0,0,1,1]}`,
  );
  const dataset = parseCoco(
    `{"images":[{"id":1,"width":4,"height":4}],"categories":[{"id":1,"name":"a"},{"id":2,"name":"b"}],"annotations":[${anns.join(',')}]}`,
  ).dataset!;
  const deleted = timeMedian(3, () => {
    const patch = planDeleteCategory(dataset, 2, { delete: true });
    const after = applyPatch(dataset, patch);
    return exportCoco(applyPatch(after, invertPatch(patch))).length;
  });
  rows.push(
    row(
      'delete a category with 50,000 of 100,000 annotations, undo, export; median of 3',
      deleted.ms,
      5000,
    ),
  );
  return rows;
}
