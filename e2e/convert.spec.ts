import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../scripts/gen/png';
import {
  download,
  expectStatus,
  openFiles,
  payload,
  pixelsAt,
  rleCounts,
  waitForImage,
} from './helpers';

/**
 * A 40 × 30 grey picture with a square polygon "box" (#1, pixels x 4..13, y 4..13 as
 * pycocotools rasterizes it) and an RLE mask "blob" (#2): a disc around (26, 12) with a
 * 2 × 2 hole at x 26..27, y 12..13, and a one-pixel speck at (36, 25).
 */
const W = 40;
const H = 30;
const GREY = [128, 128, 128];

const inDisc = (x: number, y: number) => (x - 26.5) ** 2 + (y - 12.5) ** 2 <= 36;
const inHole = (x: number, y: number) => x >= 26 && x <= 27 && y >= 12 && y <= 13;
const BLOB = (x: number, y: number) => (inDisc(x, y) && !inHole(x, y)) || (x === 36 && y === 25);

/** Column-major RLE counts of the pixels `on` accepts (as pycocotools encodes). */
function countsOf(on: (x: number, y: number) => boolean): number[] {
  return rleCounts(W, H, on);
}

/** The pixels an uncompressed RLE holds, as "x,y" strings. */
function pixelsOf(counts: number[]): Set<string> {
  const out = new Set<string>();
  let p = 0;
  counts.forEach((n, i) => {
    if (i % 2 === 1) for (let q = p; q < p + n; q++) out.add(`${Math.floor(q / H)},${q % H}`);
    p += n;
  });
  return out;
}

function pixelsWhere(on: (x: number, y: number) => boolean): Set<string> {
  const out = new Set<string>();
  for (let x = 0; x < W; x++) for (let y = 0; y < H; y++) if (on(x, y)) out.add(`${x},${y}`);
  return out;
}

const blobPixels = pixelsWhere(BLOB).size;
const dataset = {
  images: [{ id: 1, file_name: 'grey.png', width: W, height: H }],
  categories: [
    { id: 1, name: 'box' },
    { id: 2, name: 'blob' },
  ],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: [[4, 4, 14, 4, 14, 14, 4, 14]],
      area: 100,
      bbox: [4, 4, 10, 10],
      iscrowd: 0,
    },
    {
      id: 2,
      image_id: 1,
      category_id: 2,
      segmentation: { size: [H, W], counts: countsOf(BLOB) },
      area: blobPixels,
      bbox: [20, 6, 14, 20],
      iscrowd: 0,
    },
  ],
};

function picture(): Uint8Array {
  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0; i < W * H; i++) rgb.set(GREY, i * 3);
  return encodePng(rgb, W, H);
}

type Exported = {
  annotations: { id: number; segmentation: unknown; iscrowd: unknown; area: number }[];
};

async function exported(page: Page): Promise<{ text: string; json: Exported }> {
  const text = (await download(page, 'Export JSON')).bytes.toString('utf8');
  return { text, json: JSON.parse(text) as Exported };
}

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openFiles(page, [
    payload('shapes.json', JSON.stringify(dataset)),
    payload('grey.png', picture()),
  ]);
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await waitForImage(page, 0);
});

/** Whether a canvas colour is the preview's green (added) or red (removed) over the picture. */
const isAdded = (c: number[]) => c[1]! > 160 && c[0]! < 90 && c[2]! < 140;
const isRemoved = (c: number[]) => c[0]! > 180 && c[1]! < 90;

test('convert a polygon to a mask: preview, apply, export; undo gives the original bytes', async ({
  page,
}) => {
  const original = await exported(page);
  await rows(page).filter({ hasText: '#1' }).click();
  await page.getByRole('button', { name: 'Convert to mask' }).click();
  await expect(preview(page)).toContainText('IoU 1.0000');
  await expect(preview(page)).toContainText('+0 / −0 pixels');
  await expect(preview(page)).toContainText('1 part');
  await preview(page).getByRole('button', { name: 'Apply' }).click();
  await expect(preview(page)).toBeHidden();
  await expect(rows(page).filter({ hasText: '#1' })).toContainText('mask');

  const { json } = await exported(page);
  const seg = json.annotations[0]!.segmentation as { size: number[]; counts: number[] };
  expect(seg.size).toEqual([H, W]);
  // pycocotools rasterizes the square with corners (4, 4) and (14, 14) as pixels 4..13.
  expect(pixelsOf(seg.counts)).toEqual(pixelsWhere((x, y) => x >= 4 && x < 14 && y >= 4 && y < 14));
  expect(json.annotations[0]!.area).toBe(100);
  expect(json.annotations[0]!.iscrowd).toBe(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page).filter({ hasText: '#1' })).not.toContainText('mask');
  expect((await exported(page)).text).toBe(original.text);
});

test('convert a mask to polygons with a tolerance: the preview draws the changed pixels', async ({
  page,
}) => {
  await rows(page).filter({ hasText: '#2' }).click();
  const hole: [number, number] = [26.5, 12.5];
  const [before] = await pixelsAt(page, [hole]);
  expect(isAdded(before!)).toBe(false);
  await page.getByRole('spinbutton', { name: 'Tolerance' }).fill('1.5');
  await page.getByRole('button', { name: 'Convert to polygons' }).click();
  await expect(preview(page)).toContainText(/IoU 0\.\d{4}/);
  const numbers = (await preview(page).locator('.mask-preview-numbers').textContent())!;
  const points = Number(/(\d+) points/.exec(numbers)![1]);
  // The outline encloses the hole: its 4 pixels are added, and drawn so on the canvas.
  expect(Number(/\+(\d+)/.exec(numbers)![1])).toBeGreaterThanOrEqual(4);
  await expect.poll(async () => isAdded((await pixelsAt(page, [hole]))[0]!)).toBe(true);
  // A pixel far from the mask is not touched by the preview.
  expect(isAdded((await pixelsAt(page, [[2.5, 27.5]]))[0]!)).toBe(false);

  await preview(page).getByRole('button', { name: 'Apply' }).click();
  const { json } = await exported(page);
  const polygons = json.annotations[1]!.segmentation as number[][];
  expect(Array.isArray(polygons)).toBe(true);
  expect(polygons.reduce((n, p) => n + p.length / 2, 0)).toBe(points);
  expect(json.annotations[1]!.iscrowd).toBe(0);
});

test('remove specks and fill holes: Escape cancels a preview, Apply changes the mask', async ({
  page,
}) => {
  await rows(page).filter({ hasText: '#2' }).click();
  const speck: [number, number] = [36.5, 25.5];
  await page.getByRole('spinbutton', { name: 'Speck size' }).fill('5');
  await page.getByRole('button', { name: 'Remove specks' }).click();
  await expect(preview(page)).toContainText('+0 / −1 pixels');
  await expect.poll(async () => isRemoved((await pixelsAt(page, [speck]))[0]!)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(preview(page)).toBeHidden();
  await expect.poll(async () => isRemoved((await pixelsAt(page, [speck]))[0]!)).toBe(false);

  await rows(page).filter({ hasText: '#2' }).click();
  await page.getByRole('button', { name: 'Fill holes' }).click();
  await expect(preview(page)).toContainText('+4 / −0 pixels');
  await preview(page).getByRole('button', { name: 'Apply' }).click();
  const { json } = await exported(page);
  const seg = json.annotations[1]!.segmentation as { counts: number[] };
  expect(pixelsOf(seg.counts)).toEqual(
    pixelsWhere((x, y) => inDisc(x, y) || (x === 36 && y === 25)),
  );
  expect(json.annotations[1]!.area).toBe(blobPixels + 4);
});

test('is_crowd on a polygon shows the RLE first; Apply writes it as an RLE crowd', async ({
  page,
}) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  const rle = preview(page).getByRole('definition');
  await expect(preview(page)).toContainText('30 × 40');
  await expect(rle.nth(1)).toHaveText('100');
  await expect(rle.nth(2)).toHaveText('4, 4, 10, 10');
  await expect(rle.nth(3)).toContainText('124,10,20,10');
  await preview(page).getByRole('button', { name: 'Apply' }).click();
  await expect(preview(page)).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'is_crowd' })).toBeChecked();
  const { json } = await exported(page);
  expect(json.annotations[0]!.iscrowd).toBe(1);
  const seg = json.annotations[0]!.segmentation as { counts: number[] };
  expect(pixelsOf(seg.counts)).toEqual(pixelsWhere((x, y) => x >= 4 && x < 14 && y >= 4 && y < 14));
});

test('is_crowd on a polygon: "Only set the flag" keeps the polygon; Cancel unticks', async ({
  page,
}) => {
  const row = rows(page).filter({ hasText: '#1' });
  await rows(page).filter({ hasText: '#1' }).click();
  const crowd = page.getByRole('checkbox', { name: 'is_crowd' });
  await crowd.check();
  await preview(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(crowd).not.toBeChecked();
  await crowd.check();
  await expect(row).not.toContainText('edited');
  await crowd.check();
  await preview(page).getByRole('button', { name: 'Only set the flag' }).click();
  await expect(crowd).toBeChecked();
  await expect(row).toContainText('edited');
  await expect(row).toContainText('polygon');
  // The default export (Datumaro's "guess" mode) still writes a crowd as the RLE previewed.
  const { json } = await exported(page);
  expect(json.annotations[0]!.iscrowd).toBe(1);
  const seg = json.annotations[0]!.segmentation as { counts: number[] };
  expect(pixelsOf(seg.counts)).toEqual(pixelsWhere((x, y) => x >= 4 && x < 14 && y >= 4 && y < 14));
});
