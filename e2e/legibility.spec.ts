import { expect, test, type Page } from '@playwright/test';
import { expectStatus, openFiles, payload, pixelsAt, screenPoint, waitForImage } from './helpers';

type Rgb = [number, number, number, number];

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** 40 categories (the hand-picked palette and the generated hues after it), one box each. */
const N = 40;
const dataset = {
  images: [{ id: 1, file_name: 'palette.jpg', width: 1000, height: 800 }],
  annotations: Array.from({ length: N }, (_, i) => ({
    id: i + 1,
    image_id: 1,
    category_id: i + 1,
    bbox: [(i % 5) * 200 + 10, Math.floor(i / 5) * 100 + 40, 150, 50],
    area: 7500,
    iscrowd: 0,
    segmentation: [],
  })),
  categories: Array.from({ length: N }, (_, i) => ({ id: i + 1, name: `wwww ${i + 1}` })),
};

/** The plate's colour and its text's, sampled over the plate above a box at (x, y). */
async function plateColours(page: Page, x: number, y: number) {
  const scale = Number(
    (await page.locator('.canvas').getAttribute('data-viewport'))!.split(',')[0],
  );
  const points: [number, number][] = [];
  // The plate is 15 screen pixels tall; its text starts 2 px in (see TextPlates.tsx).
  for (let dy = 1; dy < 14; dy++)
    for (let dx = 1; dx < 40; dx++)
      points.push([x + (dx + 0.5) / scale, y - (15 - dy - 0.5) / scale]);
  const pixels = await pixelsAt(page, points);
  const counts = new Map<string, number>();
  for (const p of pixels) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
  const plate = [...counts]
    .sort((a, b) => b[1] - a[1])[0]![0]
    .split(',')
    .map(Number) as Rgb;
  const text = pixels.reduce((best, p) => (contrast(p, plate) > contrast(best, plate) ? p : best));
  return { plate, text };
}

test('every category label reads at 4.5:1 or better over its plate, across the palette', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [payload('palette.json', JSON.stringify(dataset))]);
  await expectStatus(page, 1, N, N);
  await waitForImage(page, 0);
  const ratios: string[] = [];
  for (const a of dataset.annotations) {
    const { plate, text } = await plateColours(page, a.bbox[0]!, a.bbox[1]!);
    const ratio = contrast(plate, text);
    if (ratio < 4.5)
      ratios.push(`category ${a.category_id}: ${ratio.toFixed(2)}:1 on ${plate.join()}`);
  }
  expect(ratios).toEqual([]);
});

test('the hover card follows the layer toggles: a mask not drawn is not hovered', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await expectStatus(page, 4, 28, 6);
  await waitForImage(page, 0);
  // Inside the crowd mask of birds (#2, box 224,36 260×75) and no other annotation.
  const at = await screenPoint(page, 300, 100);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText('bird');
  await page.getByRole('checkbox', { name: 'Masks' }).uncheck();
  await page.mouse.move(at.x + 1, at.y + 1);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Masks' }).check();
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText('bird');
});
