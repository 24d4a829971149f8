import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  corpusDir,
  corpusFile,
  download,
  expectStatus,
  openFiles,
  payload,
  pixelsAt,
  screenPoint,
  waitForImage,
} from './helpers';

/**
 * One image 100 × 50, two objects of category 1 (squares A at (10, 10) and B at (60, 10),
 * 20 px). Predictions: P1 close to A (IoU 361 / 439 = 0.82), P2 where nothing is; B is missed.
 */
const groundTruth = {
  images: [{ id: 1, file_name: 'one.png', width: 100, height: 50 }],
  categories: [{ id: 1, name: 'thing' }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: [[10, 10, 30, 10, 30, 30, 10, 30]],
      area: 400,
      bbox: [10, 10, 20, 20],
      iscrowd: 0,
    },
    {
      id: 2,
      image_id: 1,
      category_id: 1,
      segmentation: [[60, 10, 80, 10, 80, 30, 60, 30]],
      area: 400,
      bbox: [60, 10, 20, 20],
      iscrowd: 0,
    },
  ],
};
const results = [
  { image_id: 1, category_id: 1, bbox: [11, 11, 20, 20], score: 0.9 },
  { image_id: 1, category_id: 1, bbox: [40, 32, 10, 10], score: 0.8 },
];

const GREEN = [34, 197, 94];
const RED = [239, 68, 68];
const ORANGE = [245, 158, 11];

/** How many of the points show (about) this colour. */
async function countColor(page: Page, points: [number, number][], rgb: number[]) {
  const pixels = await pixelsAt(page, points);
  return pixels.filter((p) => rgb.every((c, i) => Math.abs(p[i]! - c) < 40)).length;
}
/** Points along a horizontal segment of the image, every quarter pixel. */
const along = (x0: number, x1: number, y: number): [number, number][] =>
  Array.from({ length: (x1 - x0) * 4 }, (_, i) => [x0 + i / 4, y]);

async function openCrafted(page: Page) {
  await page.goto('/');
  await openFiles(page, [payload('gt.json', JSON.stringify(groundTruth))]);
  await expectStatus(page, 1, 2, 1);
  await openFiles(page, [payload('detections.json', JSON.stringify(results))]);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('1 true positives');
  await waitForImage(page, 0);
}

test('predictions over the ground truth, marked true and false positive, by canvas pixels', async ({
  page,
}) => {
  await openCrafted(page);
  const verdicts = page.getByRole('list', { name: 'Verdicts' });
  await expect(verdicts).toContainText('1 false positives');
  await expect(verdicts).toContainText('1 missed');
  // P1's top edge is green, P2's red, and B (missed) is framed in orange just outside it.
  expect(await countColor(page, along(13, 29, 11), GREEN)).toBeGreaterThan(10);
  expect(await countColor(page, along(13, 29, 11), RED)).toBe(0);
  expect(await countColor(page, along(41, 49, 32), RED)).toBeGreaterThan(5);
  const frame = await screenOffset(page, 3);
  expect(await countColor(page, along(62, 78, 10 - frame), ORANGE)).toBeGreaterThan(40);
  expect(await countColor(page, along(12, 28, 10 - frame), ORANGE)).toBe(0);

  // The inspector: A matched by P1, and P1's details.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await expect(
    page.getByText(/Matched by prediction #1 \(score 0\.90\) at IoU 0\.822/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'prediction #1' }).click();
  const details = page.getByRole('definition').filter({ hasText: 'true positive' });
  await expect(details).toBeVisible();
  await expect(page.getByRole('list', { name: 'Predictions' }).getByRole('listitem')).toHaveText([
    /thing 0\.90 true positive/,
    /thing 0\.80 false positive/,
  ]);

  // A stricter IoU threshold: P1 no longer matches A, which is now missed too.
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await page.getByRole('slider', { name: 'IoU threshold' }).fill('0.9');
  await expect(verdicts).toContainText('0 true positives');
  await expect(verdicts).toContainText('2 missed');
  await expect.poll(() => countColor(page, along(13, 29, 11), RED)).toBeGreaterThan(10);

  // Hidden, they are not drawn; a score threshold hides the weaker one.
  await page.getByRole('checkbox', { name: 'Predictions' }).uncheck();
  await expect.poll(() => countColor(page, along(13, 29, 11), RED)).toBe(0);
  await page.getByRole('checkbox', { name: 'Predictions' }).check();
  await page.getByRole('slider', { name: 'Prediction score threshold' }).fill('0.85');
  await expect.poll(() => countColor(page, along(41, 49, 32), RED)).toBe(0);
  await expect.poll(() => countColor(page, along(13, 29, 11), RED)).toBeGreaterThan(10);
});

/** `pixels` screen pixels in image pixels, at the current zoom. */
async function screenOffset(page: Page, pixels: number): Promise<number> {
  const scale = Number(
    (await page.locator('.canvas').getAttribute('data-viewport'))!.split(',')[0],
  );
  return pixels / scale;
}

test("hovering tells a prediction's verdict and a ground truth's match", async ({ page }) => {
  await openCrafted(page);
  const card = page.getByRole('tooltip');
  const hover = async (x: number, y: number) => {
    const p = await screenPoint(page, x, y);
    await page.mouse.move(p.x - 2, p.y - 2);
    await page.mouse.move(p.x, p.y);
  };
  // P2, where no ground truth is.
  await hover(45, 37);
  await expect(card).toHaveText(/^thing prediction #2 · score 0\.800false positive/);
  // Inside A and P1 both: the ground truth, how it matched, and the prediction.
  await hover(20, 20);
  await expect(card).toContainText('thing #1');
  await expect(card).toContainText('matched by prediction #1 at IoU 0.822');
  await expect(card).toContainText('prediction #1 · score 0.900');
  await expect(card).toContainText('true positive · IoU 0.822 with #1');
  // B, missed.
  await hover(70, 20);
  await expect(card).toContainText('missed by the predictions');
  await expect(card).not.toContainText('prediction #');
  // Off every shape: no card.
  await hover(95, 45);
  await expect(card).toHaveCount(0);
});

test('predictions dropped with their dataset; ids that match no image are said', async ({
  page,
}) => {
  await page.goto('/');
  const stray = [...results, { image_id: 7, category_id: 1, bbox: [0, 0, 5, 5], score: 0.5 }];
  await openFiles(page, [
    payload('gt.json', JSON.stringify(groundTruth)),
    payload('detections.json', JSON.stringify(stray)),
  ]);
  await expectStatus(page, 1, 2, 1);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  const panel = page.getByRole('region', { name: 'Evaluation', exact: true });
  await expect(panel).toContainText('3 detections on 1 images');
  await expect(panel).toContainText('1 detections name images not in the dataset (image_id 7)');
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('1 true positives');
});

test('a results list for other images is refused with a clear message; the dataset stays', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [payload('gt.json', JSON.stringify(groundTruth))]);
  await expectStatus(page, 1, 2, 1);
  await openFiles(page, [
    payload(
      'other.json',
      JSON.stringify([{ image_id: 99, category_id: 1, bbox: [0, 0, 1, 1], score: 1 }]),
    ),
  ]);
  await expect(page.getByRole('alert')).toContainText('other.json');
  await expect(page.getByRole('alert')).toContainText('name none of the open images');
  await expectStatus(page, 1, 2, 1);
});

test('the reference ground truth and detections: the metrics equal pycocotools', async ({
  page,
}) => {
  const stats = JSON.parse(readFileSync(join(corpusDir, 'reference/eval/stats.json'), 'utf8')) as {
    bbox: number[];
    segm: number[];
  };
  await page.goto('/');
  await openFiles(page, [corpusFile('reference/eval/gt.json')]);
  await expectStatus(page, 300, 2200, 80);
  await openFiles(page, [corpusFile('reference/eval/dt.json')]);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  // Masks are matched first (the detections have them); boxes on request.
  const segm = page.getByRole('table', { name: 'segm metrics' });
  await expect(segm).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Evaluate bbox' }).click();
  const bbox = page.getByRole('table', { name: 'bbox metrics' });
  await expect(bbox).toBeVisible({ timeout: 30_000 });
  for (const [table, expected] of [
    [segm, stats.segm],
    [bbox, stats.bbox],
  ] as const) {
    await expect(table.locator('tbody td')).toHaveText(expected.map((v) => v.toFixed(3)));
  }
  const { name, bytes } = await download(page, 'Export metrics JSON');
  expect(name).toBe('dt_metrics.json');
  const metrics = JSON.parse(bytes.toString('utf8')) as Record<string, { stats: number[] }>;
  for (const kind of ['bbox', 'segm'] as const)
    metrics[kind]!.stats.forEach((v, i) =>
      expect(Math.abs(v - stats[kind][i]!)).toBeLessThan(1e-9),
    );
  const csv = (await download(page, 'Export metrics CSV')).bytes.toString('utf8').split('\n');
  expect(csv[0]).toBe('iou_type,metric,iou,area,max_dets,category,value');
  const row = csv.find((line) => line.startsWith('segm,AP,0.50:0.95,all,100,all,'))!;
  expect(Math.abs(Number(row.split(',').pop()) - stats.segm[0]!)).toBeLessThan(1e-9);
});

test("the sample with a model's predictions opens evaluated", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await expectStatus(page, 4, 28, 6);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('table', { name: 'segm metrics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Evaluation', exact: true })).toContainText(
    'detections_default.json',
  );
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(
    page.getByRole('list', { name: 'Predictions' }).getByRole('listitem').first(),
  ).toBeVisible();
});

test('predictions come back with a restored session', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await openCrafted(page);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  // A polygon marked crowd shows the RLE it would become first; the flag alone is set.
  await page.getByRole('button', { name: 'Only set the flag' }).click();
  await expect(page.getByText('1 edit', { exact: true })).toBeVisible();
  // A quick evaluation is redone after an edit: A is a crowd region now, P1 is ignored on it.
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('1 ignored (crowd)');
  await expect(page.getByLabel('Autosave')).toHaveText('Saved');
  await page.reload();
  await page
    .getByRole('dialog', { name: 'Restore session' })
    .getByRole('button', { name: 'Restore session' })
    .click();
  await expectStatus(page, 1, 2, 1);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('region', { name: 'Evaluation', exact: true })).toContainText(
    '2 detections on 1 images',
  );
  // The crowd edit is in the restored ground truth: A is now ignored, so P1 is too.
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('0 true positives');
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('1 ignored (crowd)');
});

test('filters: images with false positives, most first; with misses; with either', async ({
  page,
}) => {
  const gt = {
    ...groundTruth,
    images: [1, 2, 3].map((id) => ({ id, file_name: `${id}.png`, width: 100, height: 50 })),
    annotations: [1, 2, 3].map((id) => ({ ...groundTruth.annotations[0]!, id, image_id: id })),
  };
  // Image 1: a hit. Image 2: a hit and two false positives. Image 3: one false positive, a miss.
  const hit = (image_id: number) => ({
    image_id,
    category_id: 1,
    bbox: [10, 10, 20, 20],
    score: 0.9,
  });
  const stray = (image_id: number, x: number) => ({
    image_id,
    category_id: 1,
    bbox: [x, 35, 8, 8],
    score: 0.5,
  });
  await page.goto('/');
  await openFiles(page, [
    payload('gt.json', JSON.stringify(gt)),
    payload('dt.json', JSON.stringify([hit(1), hit(2), stray(2, 50), stray(2, 70), stray(3, 50)])),
  ]);
  await expectStatus(page, 3, 3, 1);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText('3 false positives');
  const images = page.getByRole('list', { name: 'Images' }).getByRole('listitem');
  await page.getByRole('checkbox', { name: 'images with false positives' }).check();
  await expect(images).toHaveText([/^2\.png/, /^3\.png/]);
  // Both: images with either (the sort, most false positives, stays).
  await page.getByRole('checkbox', { name: 'with misses' }).check();
  await expect(images).toHaveText([/^2\.png/, /^3\.png/]);
  await page.getByRole('checkbox', { name: 'images with false positives' }).uncheck();
  await expect(images).toHaveText([/^3\.png/]);
  await page.getByRole('checkbox', { name: 'with misses' }).uncheck();
  await expect(images).toHaveCount(3);
});
