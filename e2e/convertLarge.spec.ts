import { expect, test, type Page } from '@playwright/test';
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
 * A 4000 × 3000 image with one mask: the block x 1000..2999, y 1000..1999 with a hole
 * x 1900..2099, y 1400..1599. Converted to polygons, its outline encloses the hole: the
 * preview draws the hole's pixels as added, zoomed out (made at the resolution shown) and
 * at 1:1 (made anew, each image pixel a hard square).
 */
const W = 4000;
const H = 3000;
const inHole = (x: number, y: number) => x >= 1900 && x <= 2099 && y >= 1400 && y <= 1599;
const inBlock = (x: number, y: number) =>
  x >= 1000 && x <= 2999 && y >= 1000 && y <= 1999 && !inHole(x, y);

const dataset = {
  images: [{ id: 1, file_name: 'big.jpg', width: W, height: H }],
  categories: [{ id: 1, name: 'block' }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      segmentation: { size: [H, W], counts: rleCounts(W, H, inBlock) },
      area: 2000 * 1000 - 200 * 200,
      bbox: [1000, 1000, 2000, 1000],
      iscrowd: 0,
    },
  ],
};

/** The preview's green (added) over the canvas. */
const isAdded = (c: number[]) => c[1]! > 160 && c[0]! < 90 && c[2]! < 140;

/** Opens `data` as big.json (labels off) and selects its one annotation. */
async function openSelected(page: Page, data: unknown): Promise<void> {
  await page.goto('/');
  await openFiles(page, [payload('big.json', JSON.stringify(data))]);
  await expectStatus(page, 1, 1, 1);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await waitForImage(page, 0);
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
}

const added = async (page: Page, points: [number, number][]) =>
  (await pixelsAt(page, points)).map(isAdded);

test('a mask → polygons preview on a 4000 × 3000 image: drawn as shown, zoomed out and at 1:1', async ({
  page,
}) => {
  await openSelected(page, dataset);
  await page.getByRole('spinbutton', { name: 'Tolerance' }).fill('0');
  await page.getByRole('button', { name: 'Convert to polygons' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('+40,000 / −0 pixels');

  // Zoomed out to fit: the hole's middle is added, the block's and the background are not.
  const scale = Number(
    (await page.locator('.canvas').getAttribute('data-viewport'))!.split(',')[0],
  );
  expect(scale).toBeLessThan(0.5);
  await expect.poll(() => added(page, [[2000.5, 1500.5]])).toEqual([true]);
  expect(
    await added(page, [
      [1500.5, 1500.5],
      [500.5, 500.5],
    ]),
  ).toEqual([false, false]);

  // At 1:1 the preview is made again at the image's pixels: the hole's edge is exact.
  await page.getByRole('button', { name: '1:1' }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-viewport', /^1,/);
  // (Until it comes, the bitmap made zoomed out is drawn stretched: wait for the exact one.)
  await expect
    .poll(() =>
      added(page, [
        [1900.5, 1450.5],
        [2099.5, 1599.5],
        [1899.5, 1450.5],
        [2100.5, 1450.5],
        [2000.5, 1399.5],
        [2000.5, 1600.5],
      ]),
    )
    .toEqual([true, true, false, false, false, false]);
});

/**
 * A polygon around the image's middle on the same 4000 × 3000 image: pycocotools fills
 * its pixels x 1903..2095, y 1407..1593.
 */
const polygonDataset = {
  ...dataset,
  annotations: [
    {
      id: 2,
      image_id: 1,
      category_id: 1,
      segmentation: [[1903, 1407, 2096, 1407, 2096, 1594, 1903, 1594]],
      area: 193 * 187,
      bbox: [1903, 1407, 193, 187],
      iscrowd: 0,
    },
  ],
};

test('polygon → mask zoomed out on a 4000 × 3000 image: drawn at once, then every pixel exact', async ({
  page,
}) => {
  await openSelected(page, polygonDataset);
  await page.getByRole('button', { name: 'Convert to mask' }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('IoU');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(
    page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first(),
  ).toContainText('mask');

  // At 1:1, the mask's pixels are the whole mask's (the one drawn at once was made for
  // the zoomed-out canvas): the pointer readout, which reads them, names it on the mask's
  // edge pixels and not on the pixels just outside.
  await page.getByRole('button', { name: '1:1' }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-viewport', /^1,/);
  const readout = page.getByLabel('Pointer');
  const inMask = async (x: number, y: number) => {
    const p = await screenPoint(page, x, y);
    await page.mouse.move(p.x, p.y);
    await expect(readout).toContainText(`x ${Math.floor(x)}, y ${Math.floor(y)}`);
    return (await readout.textContent())!.includes('in: block #2');
  };
  const edges = async () => [
    await inMask(1903.5, 1500.5),
    await inMask(2095.5, 1407.5),
    await inMask(2000.5, 1593.5),
    await inMask(1902.5, 1500.5),
    await inMask(2096.5, 1500.5),
    await inMask(2000.5, 1406.5),
    await inMask(2000.5, 1594.5),
  ];
  await expect.poll(edges).toEqual([true, true, true, false, false, false, false]);
  // And drawn so (the selected mask's dashed box lies on its edge: looked at 4 px off it).
  const [inside, outside, far] = await pixelsAt(page, [
    [1907.5, 1500.5],
    [1898.5, 1500.5],
    [1700.5, 1300.5],
  ]);
  expect(outside).toEqual(far);
  expect(inside).not.toEqual(far);
});
