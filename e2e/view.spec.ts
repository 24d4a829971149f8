import { expect, test, type Page } from '@playwright/test';
import {
  corpusTree,
  expectStatus,
  openFiles,
  payload,
  pixelsAt,
  rleCounts,
  waitForImage,
  zipOf,
} from './helpers';

/**
 * A non-square image (60 wide, 40 high) with an asymmetric crowd mask — an L: a
 * vertical bar x 5..14, y 5..34 and a foot x 15..44, y 28..34 — and a triangle polygon.
 * A transposed mask would put the bar across the top instead.
 */
const W = 60;
const H = 40;
function lMask(): number[] {
  return rleCounts(
    W,
    H,
    (x, y) => (x >= 5 && x < 15 && y >= 5 && y < 35) || (x >= 15 && x < 45 && y >= 28 && y < 35),
  );
}

const dataset = {
  images: [
    { id: 1, file_name: 'wide.png', width: W, height: H },
    { id: 2, file_name: 'second.png', width: 30, height: 30 },
    { id: 3, file_name: 'empty.png', width: 30, height: 30 },
  ],
  categories: [
    { id: 1, name: 'crowdthing' },
    { id: 2, name: 'triangle' },
  ],
  annotations: [
    {
      id: 10,
      image_id: 1,
      category_id: 1,
      iscrowd: 1,
      segmentation: { size: [H, W], counts: lMask() },
      area: 510,
      bbox: [5, 5, 40, 30],
    },
    {
      id: 11,
      image_id: 1,
      category_id: 2,
      iscrowd: 0,
      segmentation: [[30, 2, 58, 2, 58, 20]],
      area: 252,
      bbox: [30, 2, 28, 18],
    },
    {
      id: 12,
      image_id: 2,
      category_id: 2,
      iscrowd: 0,
      segmentation: [],
      area: 100,
      bbox: [5, 5, 10, 10],
      score: 0.3,
    },
  ],
};

const BACKGROUND = [58, 65, 80];

async function open(page: Page) {
  await page.goto('/');
  await openFiles(page, [payload('view.json', JSON.stringify(dataset))]);
  await expectStatus(page, 3, 3, 2);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await waitForImage(page, 0);
}

function isBackground([r, g, b]: number[]) {
  return (
    Math.abs(r! - BACKGROUND[0]!) <= 3 &&
    Math.abs(g! - BACKGROUND[1]!) <= 3 &&
    Math.abs(b! - BACKGROUND[2]!) <= 3
  );
}
const isRed = ([r, g, b]: number[]) => r! > 95 && r! - g! > 30 && r! - b! > 10;
const isGreen = ([r, g, b]: number[]) => g! > 95 && g! - r! > 25 && g! - b! > 20;
const isNotGreen = (p: number[]) => !isGreen(p);

/**
 * Waits until every image pixel (x, y) passes its check at once: the canvas redraws on an
 * animation frame after a change, so the look a user would see is polled for, not slept for.
 */
async function expectPixels(
  page: Page,
  checks: [x: number, y: number, is: (p: number[]) => boolean][],
): Promise<void> {
  const seen = async () => {
    const pixels = await pixelsAt(
      page,
      checks.map(([x, y]) => [x + 0.5, y + 0.5]),
    );
    return checks.map(([x, y, is], i) => `(${x}, ${y}) ${is(pixels[i]!) ? '' : 'not '}${is.name}`);
  };
  await expect.poll(seen).toEqual(checks.map(([x, y, is]) => `(${x}, ${y}) ${is.name}`));
}

test('a crowd mask lands on its pixels: column-major, not transposed', async ({ page }) => {
  await open(page);
  await expectPixels(page, [
    [6, 6, isRed],
    [13, 20, isRed],
    [8, 33, isRed],
    [30, 30, isRed],
    [44, 34, isRed],
    // Where a transposed L would be, and just outside the real one: nothing.
    [25, 8, isBackground],
    [33, 12, isBackground],
    [20, 20, isBackground],
    [46, 31, isBackground],
    [10, 37, isBackground],
  ]);
});

test("a polygon's fill is where its coordinates say", async ({ page }) => {
  await open(page);
  // Triangle (30,2) (58,2) (58,20): inside near (52, 6); outside across the diagonal at (36, 14).
  await expectPixels(page, [
    [52, 6, isGreen],
    [55, 15, isGreen],
    [36, 14, isBackground],
  ]);
});

test('toggles hide what they hide', async ({ page }) => {
  await open(page);
  await expectPixels(page, [
    [13, 20, isRed],
    [52, 6, isGreen],
  ]);
  await page.getByRole('checkbox', { name: 'Masks' }).uncheck();
  await expectPixels(page, [
    [13, 20, isBackground],
    [52, 6, isGreen],
  ]);
  await page.getByRole('checkbox', { name: 'Masks' }).check();
  await page.getByRole('checkbox', { name: 'Polygons' }).uncheck();
  await expectPixels(page, [
    [52, 6, isBackground],
    [13, 20, isRed],
  ]);
  await page.getByRole('checkbox', { name: 'Polygons' }).check();
  await expectPixels(page, [
    [13, 20, isRed],
    [52, 6, isGreen],
  ]);

  await page.getByRole('checkbox', { name: 'Crowd only' }).check();
  await expectPixels(page, [
    [52, 6, isBackground],
    [13, 20, isRed],
  ]);
  await page.getByRole('checkbox', { name: 'Crowd only' }).uncheck();
  await expectPixels(page, [
    [13, 20, isRed],
    [52, 6, isGreen],
  ]);

  await page.getByRole('tab', { name: 'Categories' }).click();
  await page.getByRole('checkbox', { name: 'Show crowdthing' }).uncheck();
  await expectPixels(page, [
    [13, 20, isBackground],
    [52, 6, isGreen],
  ]);
});

test('hover shows the annotation; click selects it and its row', async ({ page }) => {
  await open(page);
  const host = page.locator('.canvas');
  const [scale, ox, oy] = (await host.getAttribute('data-viewport'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ];
  const box = (await host.boundingBox())!;
  await page.mouse.move(box.x + ox + 54 * scale, box.y + oy + 6 * scale);
  await expect(page.getByRole('tooltip')).toContainText('triangle');
  await expect(page.getByRole('tooltip')).toContainText('#11');
  await page.mouse.down();
  await page.mouse.up();
  const rows = page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'triangle' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toContainText('252');
});

test('keyboard moves through images, the URL keeps the image, reload returns to it', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').first().click();
  await page.keyboard.press('ArrowDown');
  await waitForImage(page, 1);
  await expect(page).toHaveURL(/#image=second\.png/);
  await page.keyboard.press('End');
  await waitForImage(page, 2);
  await page.keyboard.press('Home');
  await waitForImage(page, 0);
  await page.keyboard.press('PageDown');
  await waitForImage(page, 2);
  await page.reload();
  await openFiles(page, [payload('view.json', JSON.stringify(dataset))]);
  await waitForImage(page, 2);
  await expect(
    page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(2),
  ).toHaveAttribute('aria-current', 'true');
});

test('the image list filters by name, category, crowd and not annotated', async ({ page }) => {
  await open(page);
  const rows = page.getByRole('list', { name: 'Images' }).getByRole('listitem');
  await page.getByRole('searchbox', { name: 'Filter by file name' }).fill('sec');
  await expect(rows).toHaveText([/second\.png/]);
  await page.getByRole('searchbox', { name: 'Filter by file name' }).fill('');
  await expect(rows).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Images with label' }).fill('triangle');
  await page.getByRole('combobox', { name: 'Images with label' }).press('Enter');
  await expect(rows).toHaveText([/wide\.png/, /second\.png/]);
  await page.getByRole('button', { name: 'All labels' }).click();
  await page.getByRole('checkbox', { name: 'crowd', exact: true }).check();
  await expect(rows).toHaveText([/wide\.png/]);
  await page.getByRole('checkbox', { name: 'crowd', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'not annotated' }).check();
  await expect(rows).toHaveText([/empty\.png/]);
});

test('a score threshold hides low-scoring annotations', async ({ page }) => {
  await open(page);
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
  await waitForImage(page, 1);
  const isOutline = (p: number[]) => !isBackground(p);
  // A box: only its outline is drawn. The check samples the centre of a pixel: 4.5 lands
  // on the box's left edge, x = 5.
  await expectPixels(page, [
    [10, 10, isNotGreen],
    [4.5, 10, isOutline],
  ]);
  await page.getByRole('slider', { name: 'Score threshold' }).fill('0.5');
  await expectPixels(page, [[4.5, 10, isBackground]]);
});

test('panoptic segments are drawn from the PNG segment map (id = R + 256·G + 256²·B)', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [zipOf('panoptic.zip', corpusTree('datumaro/coco_dataset/coco_panoptic'))]);
  await page.getByRole('combobox', { name: 'Subset' }).selectOption('val');
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await waitForImage(page, 0, 1);
  // b.png: segment 7 (category a) in columns 0–1, segment 20 (b, crowd) in 2–3, nothing in 4.
  const row: [number, number][] = [0, 1, 2, 3, 4].map((x) => [x + 0.5, 5.5]);
  const withMasks = await pixelsAt(page, row);
  await page.getByRole('checkbox', { name: 'Masks' }).uncheck();
  // Polled until the masks are gone from the screen: then the pixels they covered changed.
  const changes = async () => {
    const without = await pixelsAt(page, row);
    return {
      changed: withMasks.map((p, i) => p.some((v, c) => Math.abs(v - without[i]![c]!) > 20)),
      aIsRed: withMasks[0]![0]! - without[0]![0]! > 20,
      bIsGreen: withMasks[2]![1]! - without[2]![1]! > 10,
    };
  };
  await expect
    .poll(changes)
    .toEqual({ changed: [true, true, true, true, false], aIsRed: true, bIsGreen: true });
});

test('"?" lists the keyboard shortcuts; Esc closes the list', async ({ page }) => {
  await open(page);
  // The focus is on the Labels checkbox just unticked: keys still reach the app.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('table', { name: 'Tools' })).toContainText('draw a box');
  await expect(dialog.getByRole('table', { name: 'Editing the selection' })).toContainText(
    'label with the first nine categories',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: '?' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
