import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../scripts/gen/png';
import {
  download,
  expectStatus,
  openFiles,
  payload,
  pixelsAt,
  rleCounts,
  screenPoint,
  waitForImage,
} from './helpers';

/** A 24 × 16 grey picture with one RLE mask "bird" over x 5..9, y 4..8. */
const W = 24;
const H = 16;
const GREY = [128, 128, 128];

function picture(): Uint8Array {
  const rgb = new Uint8Array(W * H * 3).fill(128);
  return encodePng(rgb, W, H);
}

type Pixels = Set<string>;
const key = (x: number, y: number) => `${x},${y}`;

function rect(x0: number, x1: number, y0: number, y1: number): Pixels {
  const out: Pixels = new Set();
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.add(key(x, y));
  return out;
}

/** Column-major RLE counts of a pixel set. */
function countsOf(pixels: Pixels): number[] {
  return rleCounts(W, H, (x, y) => pixels.has(key(x, y)));
}

/** The pixels an RLE's counts cover. */
function pixelsOfCounts(counts: number[]): Pixels {
  const out: Pixels = new Set();
  let at = 0;
  counts.forEach((n, i) => {
    if (i % 2 === 1) for (let j = at; j < at + n; j++) out.add(key(Math.floor(j / H), j % H));
    at += n;
  });
  return out;
}

/**
 * The stroke rule as the user is told it: each point snapped to its pixel's centre (odd
 * sizes), then every pixel whose centre is within size/2 of the polyline through them.
 */
function strokePixels(points: [number, number][], size: number): Pixels {
  const snapped = points.map(([x, y]) => [Math.floor(x) + 0.5, Math.floor(y) + 0.5] as const);
  const out: Pixels = new Set();
  for (let i = 0; i < snapped.length; i++) {
    const [bx, by] = snapped[i]!;
    const [ax, ay] = snapped[Math.max(0, i - 1)]!;
    for (let x = 0; x < W; x++)
      for (let y = 0; y < H; y++) {
        const [cx, cy] = [x + 0.5, y + 0.5];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        const along = len2 === 0 ? 0 : ((cx - ax) * (bx - ax) + (cy - ay) * (by - ay)) / len2;
        const t = Math.max(0, Math.min(1, along));
        const d = Math.hypot(cx - (ax + t * (bx - ax)), cy - (ay + t * (by - ay)));
        if (d <= size / 2) out.add(key(x, y));
      }
  }
  return out;
}

const BIRD = rect(5, 9, 4, 8);
const dataset = {
  images: [{ id: 1, file_name: 'grey.png', width: W, height: H }],
  categories: [{ id: 2, name: 'bird' }],
  annotations: [
    {
      id: 2,
      image_id: 1,
      category_id: 2,
      iscrowd: 0,
      segmentation: { size: [H, W], counts: countsOf(BIRD) },
      area: 25,
      bbox: [5, 4, 5, 5],
    },
  ],
};

async function open(page: Page, json: string): Promise<void> {
  await openFiles(page, [payload('grey.json', json), payload('grey.png', picture())]);
  await waitForImage(page, 0);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await page.getByRole('button', { name: '1:1' }).click();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 11; i++) await zoomIn.click();
  await expect(page.locator('.zoom-level')).toHaveText(/^\d{4}%$/);
}

/**
 * Which image pixels the canvas shows tinted (not the grey picture), read at their
 * centres; the pointer is first moved off the canvas unless a stroke is being drawn.
 */
async function tintedPixels(page: Page, pointer: 'away' | 'stay' = 'away'): Promise<Pixels> {
  if (pointer === 'away') await page.mouse.move(1, 1);
  const points: [number, number][] = [];
  for (let x = 0; x < W; x++) for (let y = 0; y < H; y++) points.push([x + 0.5, y + 0.5]);
  const colours = await pixelsAt(page, points);
  const out: Pixels = new Set();
  colours.forEach((c, i) => {
    if (c.slice(0, 3).some((v, j) => Math.abs(v - GREY[j]!) > 6))
      out.add(key(points[i]![0] - 0.5, points[i]![1] - 0.5));
  });
  return out;
}

const sorted = (p: Pixels) => [...p].sort();

/** Presses the pointer at the first image point, moves it through the others, releases it. */
async function stroke(page: Page, points: [number, number][], release = true): Promise<void> {
  const [first, ...rest] = points;
  const p = await screenPoint(page, ...first!);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (const point of rest) {
    const q = await screenPoint(page, ...point);
    await page.mouse.move(q.x, q.y);
  }
  if (release) await page.mouse.up();
}

async function exportedBird(page: Page): Promise<{ counts: number[]; area: number }> {
  const file = await download(page, 'Export JSON');
  const json = JSON.parse(file.bytes.toString('utf8')) as {
    annotations: { segmentation: { counts: number[] }; area: number }[];
  };
  return { counts: json.annotations[0]!.segmentation.counts, area: json.annotations[0]!.area };
}

test('a brush stroke adds exactly the pixels under it; undo removes them; export → reopen keeps them', async ({
  page,
}) => {
  await page.goto('/');
  await open(page, JSON.stringify(dataset));
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(BIRD));

  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await page.getByRole('button', { name: 'Brush' }).click();
  await expect(page.getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('spinbutton', { name: 'Brush size' }).fill('3');
  const path: [number, number][] = [
    [12.2, 6.7],
    [14.6, 7.4],
    [16.3, 9.8],
    [18.5, 10.5],
  ];
  await stroke(page, path, false);
  const painted = new Set([...BIRD, ...strokePixels(path, 3)]);
  expect(painted.size).toBeGreaterThan(BIRD.size + 20);
  // While dragging, the preview shows exactly the pixels the commit will paint.
  await expect.poll(async () => sorted(await tintedPixels(page, 'stay'))).toEqual(sorted(painted));
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(painted));
  const exported = await exportedBird(page);
  expect(sorted(pixelsOfCounts(exported.counts))).toEqual(sorted(painted));
  expect(exported.area).toBe(painted.size);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(BIRD));
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(painted));

  const file = await download(page, 'Export JSON');
  await page.reload();
  await open(page, file.bytes.toString('utf8'));
  await expectStatus(page, 1, 1, 1);
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(painted));
});

test('the eraser removes exactly the mask pixels under it', async ({ page }) => {
  await page.goto('/');
  await open(page, JSON.stringify(dataset));
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await page.getByRole('button', { name: 'Eraser' }).click();
  await page.getByRole('spinbutton', { name: 'Brush size' }).fill('1');
  // Row 6 from x 3 (outside the mask) to x 7: the mask loses x 5..7 of that row.
  await stroke(page, [
    [3.5, 6.5],
    [5.2, 6.4],
    [7.5, 6.5],
  ]);
  const left = new Set([...BIRD].filter((p) => !['5,6', '6,6', '7,6'].includes(p)));
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(left));
  const exported = await exportedBird(page);
  expect(sorted(pixelsOfCounts(exported.counts))).toEqual(sorted(left));
  expect(exported.area).toBe(22);
});

test('with nothing selected the brush makes a new mask, then keeps painting it', async ({
  page,
}) => {
  await page.goto('/');
  await open(page, JSON.stringify(dataset));
  await expectStatus(page, 1, 1, 1);
  await page.keyboard.press('Shift+B');
  await expect(page.getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('spinbutton', { name: 'Brush size' }).fill('1');
  await stroke(page, [
    [15.5, 2.5],
    [20.5, 2.5],
  ]);
  await expectStatus(page, 1, 2, 1);
  await stroke(page, [
    [15.5, 12.5],
    [20.5, 12.5],
  ]);
  await expect
    .poll(async () => sorted(await tintedPixels(page)))
    .toEqual(sorted(new Set([...BIRD, ...rect(15, 20, 2, 2), ...rect(15, 20, 12, 12)])));
  await expectStatus(page, 1, 2, 1);
});

test('[ and ] change the brush size', async ({ page }) => {
  await page.goto('/');
  await open(page, JSON.stringify(dataset));
  await page.getByRole('button', { name: 'Brush' }).click();
  const size = page.getByRole('spinbutton', { name: 'Brush size' });
  await expect(size).toHaveValue('10');
  await page.keyboard.press(']');
  await expect(size).toHaveValue('12');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(size).toHaveValue('8');
  await size.fill('2');
  await page.locator('.canvas').focus();
  await page.keyboard.press('[');
  await expect(size).toHaveValue('1');
  await page.keyboard.press('[');
  await expect(size).toHaveValue('1');
});

test('Space-drag pans with the brush on, and paints nothing', async ({ page }) => {
  await page.goto('/');
  await open(page, JSON.stringify(dataset));
  await page.getByRole('button', { name: 'Brush' }).click();
  const canvas = page.locator('.canvas');
  const before = await canvas.getAttribute('data-viewport');
  await page.keyboard.down('Space');
  await stroke(page, [
    [12.5, 8.5],
    [16.5, 10.5],
  ]);
  await page.keyboard.up('Space');
  await expect(canvas).not.toHaveAttribute('data-viewport', before!);
  await expect.poll(async () => sorted(await tintedPixels(page))).toEqual(sorted(BIRD));
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expectStatus(page, 1, 1, 1);
});
