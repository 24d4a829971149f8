import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../scripts/gen/png';
import {
  expectStatus,
  openFiles,
  payload,
  pixelsAt,
  rleCounts,
  screenPoint,
  waitForImage,
} from './helpers';

/**
 * A 24 × 16 picture with one sharp colour edge: dark on the left (x < 12), light on the
 * right. Over the dark half, a crowd mask "person" (x 2..9, y 2..11) and inside it an
 * instance mask "bird" (x 5..9, y 4..8), both RLE.
 */
const W = 24;
const H = 16;
const DARK = [40, 40, 40];
const LIGHT = [230, 230, 230];

function picture(): Uint8Array {
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) rgb.set(x < 12 ? DARK : LIGHT, (y * W + x) * 3);
  return encodePng(rgb, W, H);
}

/** Column-major RLE counts of the rectangle x0..x1, y0..y1 (inclusive). */
function rectCounts(x0: number, x1: number, y0: number, y1: number): number[] {
  return rleCounts(W, H, (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
}

const dataset = {
  images: [{ id: 1, file_name: 'edge.png', width: W, height: H }],
  categories: [
    { id: 1, name: 'person' },
    { id: 2, name: 'bird' },
  ],
  annotations: [
    {
      id: 7,
      image_id: 1,
      category_id: 1,
      iscrowd: 1,
      segmentation: { size: [H, W], counts: rectCounts(2, 9, 2, 11) },
      area: 80,
      bbox: [2, 2, 8, 10],
    },
    {
      id: 2,
      image_id: 1,
      category_id: 2,
      iscrowd: 0,
      segmentation: { size: [H, W], counts: rectCounts(5, 9, 4, 8) },
      area: 25,
      bbox: [5, 4, 5, 5],
    },
  ],
};

/** Opens the picture and zooms in from 1:1 (13 steps: 1819 %; 10 steps: 931 %). */
async function openZoomed(page: Page, steps = 13): Promise<number> {
  await page.goto('/');
  await openFiles(page, [
    payload('edge.json', JSON.stringify(dataset)),
    payload('edge.png', picture()),
  ]);
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await waitForImage(page, 0);
  await page.getByRole('button', { name: '1:1' }).click();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < steps; i++) await zoomIn.click();
  await expect(page.locator('.zoom-level')).toHaveText(steps === 13 ? '1819%' : /^\d+%$/);
  return Number((await page.locator('.canvas').getAttribute('data-viewport'))!.split(',')[0]);
}

/** The colours the canvas shows at screen points (relative to the canvas's top-left corner). */
function screenPixels(page: Page, points: [number, number][]): Promise<number[][]> {
  return page.evaluate((list) => {
    const layers = Array.from(document.querySelectorAll<HTMLCanvasElement>('.canvas canvas'));
    const first = layers[0]!;
    const ratio = first.width / first.clientWidth;
    const out = document.createElement('canvas');
    out.width = first.width;
    out.height = first.height;
    const ctx = out.getContext('2d')!;
    for (const layer of layers) ctx.drawImage(layer, 0, 0);
    return list.map(([x, y]) =>
      Array.from(ctx.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data),
    );
  }, points);
}

/** Screen point (relative to the canvas) of an image point. */
async function onScreen(page: Page, x: number, y: number): Promise<[number, number]> {
  const box = (await page.locator('.canvas').boundingBox())!;
  const p = await screenPoint(page, x, y);
  return [p.x - box.x, p.y - box.y];
}

const rgb = (p: number[]) => p.slice(0, 3).join(',');
const near = (p: number[], q: number[], tolerance = 3) =>
  p.slice(0, 3).every((c, i) => Math.abs(c - q[i]!) <= tolerance);

test('past 400 % the picture is drawn nearest-neighbour: a colour edge stays sharp', async ({
  page,
}) => {
  await openZoomed(page);
  // Across the edge between image pixels 11 (dark) and 12 (light), row 14 (no mask there).
  const left = [11.05, 11.5, 11.95].map((x) => [x, 14.5] as [number, number]);
  const right = [12.05, 12.5, 12.95].map((x) => [x, 14.5] as [number, number]);
  await expect
    .poll(async () => (await pixelsAt(page, [...left, ...right])).map(rgb))
    .toEqual([...left.map(() => DARK.join(',')), ...right.map(() => LIGHT.join(','))]);
});

test('at 800 % and more (931 %), a colour edge of the picture is not smoothed', async ({
  page,
}) => {
  expect(await openZoomed(page, 10)).toBeGreaterThanOrEqual(8);
  await expect(page.locator('.zoom-level')).toHaveText('931%');
  // 0.2 image pixels from the edge is 1.9 screen pixels: smoothing would blend it.
  const left = [11.2, 11.5, 11.8].map((x) => [x, 14.5] as [number, number]);
  const right = [12.2, 12.5, 12.8].map((x) => [x, 14.5] as [number, number]);
  await expect
    .poll(async () => (await pixelsAt(page, [...left, ...right])).map(rgb))
    .toEqual([...left.map(() => DARK.join(',')), ...right.map(() => LIGHT.join(','))]);
});

test('the pixel grid draws the edges between image pixels, and only when asked', async ({
  page,
}) => {
  await openZoomed(page);
  // Over the light half: a pixel's left edge and its centre.
  const [ex, ey] = await onScreen(page, 16, 14.5);
  const [cx] = await onScreen(page, 16.5, 14.5);
  const grid = async () => {
    const [edge, centre] = await screenPixels(page, [
      [Math.round(ex) + 0.5, ey],
      [cx, ey],
    ]);
    return `edge ${near(edge!, LIGHT, 10) ? 'plain' : 'lined'}, centre ${near(centre!, LIGHT) ? 'plain' : 'lined'}`;
  };
  await expect.poll(grid).toBe('edge plain, centre plain');
  await page.getByRole('checkbox', { name: 'Pixel grid' }).check();
  await expect.poll(grid).toBe('edge lined, centre plain');
  await page.getByRole('checkbox', { name: 'Pixel grid' }).uncheck();
  await expect.poll(grid).toBe('edge plain, centre plain');
});

test("mask outlines leave a mask's inside untinted and colour its boundary", async ({ page }) => {
  await openZoomed(page);
  // The bird's inside (7, 6); its left boundary at image x = 5, row 6.
  const [ix, iy] = await onScreen(page, 7.5, 6.5);
  const [bx, by] = await onScreen(page, 5, 6.5);
  const look = async () => {
    const [inside, justOut, justIn] = await screenPixels(page, [
      [ix, iy],
      [bx - 0.5, by],
      [bx + 0.5, by],
    ]);
    const tinted = (p: number[]) => (near(p, DARK, 20) ? 'untinted' : 'tinted');
    return [tinted(inside!), tinted(justOut!), tinted(justIn!)];
  };
  await expect.poll(look).toEqual(['tinted', 'tinted', 'tinted']);
  await page.getByRole('checkbox', { name: 'Mask outlines' }).check();
  await expect.poll(look).toEqual(['untinted', 'tinted', 'tinted']);
  // Just inside the boundary, away from the line (a third of a pixel in): untinted as well.
  const [deep] = await screenPixels(page, [await onScreen(page, 5.35, 6.5)]);
  expect(near(deep!, DARK)).toBe(true);
});

test('a crowd mask is hatched in screen space: its pixels are tinted alike', async ({ page }) => {
  await openZoomed(page);
  // Row 10 of the crowd mask (the bird is not there), x 2..9: screen points 8 px apart
  // are at the same phase of the hatching whichever mask pixel they fall in.
  const [x0, y] = await onScreen(page, 2.2, 10.5);
  const [x1] = await onScreen(page, 9.8, 10.5);
  const same: [number, number][] = [];
  for (let x = x0; x < x1; x += 8) same.push([x, y]);
  expect(same.length).toBeGreaterThanOrEqual(14);
  const look = async () => {
    const pixels = await screenPixels(page, same);
    const shifted = await screenPixels(
      page,
      same.map(([x]) => [x + 4, y]),
    );
    return {
      // Every point at one phase: one colour, and a tint over the dark picture.
      colours: new Set(pixels.map(rgb)).size,
      tinted: pixels.every((p) => !near(p, DARK, 20)),
      // Half a period along: another colour (the stripes are there).
      hatched: pixels.every((p, i) => rgb(p) !== rgb(shifted[i]!)),
    };
  };
  await expect.poll(look).toEqual({ colours: 1, tinted: true, hatched: true });
});

test('the pointer readout names the image pixel and the masks containing it', async ({ page }) => {
  await openZoomed(page);
  const readout = page.getByLabel('Pointer');
  const moveTo = async (x: number, y: number) => {
    const p = await screenPoint(page, x, y);
    await page.mouse.move(p.x, p.y);
  };
  await moveTo(7.5, 6.5);
  await expect(readout).toHaveText('x 7, y 6 · in: person #7 (crowd), bird #2');
  await moveTo(3.2, 3.8);
  await expect(readout).toHaveText('x 3, y 3 · in: person #7 (crowd)');
  await moveTo(20.5, 10.5);
  await expect(readout).toHaveText('x 20, y 10');
  // Either side of both masks' right edge (between image x 9 and 10).
  await moveTo(10.1, 6.5);
  await expect(readout).toHaveText('x 10, y 6');
  await moveTo(9.9, 6.5);
  await expect(readout).toHaveText('x 9, y 6 · in: person #7 (crowd), bird #2');
});
