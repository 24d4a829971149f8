/**
 * The README's screenshots, at 1280 × 720 from the built app in headless Chromium: the sample
 * with its thumbnails and a selected annotation, the sample with a model's predictions
 * evaluated, the pixel-true view of a crowd mask, the brush painting that mask, the preview
 * of a crowd mask converted to polygons, and keypoint editing. Run `npm run build` first
 * (SHOTS_PORT, default 4327, picks the preview server's port). Names given take only those
 * shots (screenshot, evaluation, pixel, brush, convert, keypoints).
 *
 *   npx tsx scripts/readme-shots.ts [keypoints …]
 */
import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { launchChromium } from './lib/browser';

const PORT = Number(process.env.SHOTS_PORT ?? 4327);
const only = process.argv.slice(2);
const wanted = (shot: string) => only.length === 0 || only.includes(shot);
const URL = `http://127.0.0.1:${PORT}/`;

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(URL);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (wanted('keypoints')) await keypointShot(page);
  await page.goto(URL);
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('status').filter({ hasText: '28 annotations' }).waitFor();
  await page.getByRole('checkbox', { name: 'thumbnails' }).check();
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
  await page
    .getByRole('list', { name: 'Annotations' })
    .getByRole('listitem')
    .filter({ hasText: 'person' })
    .first()
    .click();
  await page.waitForTimeout(800);
  if (wanted('screenshot')) await page.screenshot({ path: 'public/readme/screenshot.png' });

  await page.goto(URL);
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await page.getByRole('table', { name: 'segm metrics' }).waitFor();
  await page.waitForTimeout(800);
  if (wanted('evaluation')) await page.screenshot({ path: 'public/readme/evaluation.png' });

  // The crowd mask of birds at 6400 %, its outline over the pixel grid, the pointer on it.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByRole('checkbox', { name: 'Pixel grid' }).check();
  await page.getByRole('checkbox', { name: 'Mask outlines' }).check();
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  const canvas = page.locator('.canvas');
  const [scale, ox, oy] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + ox! + 236 * scale!, box.y + oy! + 42 * scale!);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -300);
  await page.getByRole('note', { name: 'Pointer' }).waitFor();
  await page.waitForTimeout(800);
  if (wanted('pixel')) await page.screenshot({ path: 'public/readme/pixel.png' });

  // The brush mid-stroke on that mask at 1600 %: the stroke's pixels and the dab's outline.
  await page.getByRole('checkbox', { name: 'Pixel grid' }).uncheck();
  await page.getByRole('checkbox', { name: 'Mask outlines' }).uncheck();
  await page.getByRole('list', { name: 'Annotations' }).getByText('bird').first().click();
  await page.getByRole('button', { name: 'Fit' }).click();
  const [s1, x1, y1] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
  await page.mouse.move(box.x + x1! + 250 * s1!, box.y + y1! + 50 * s1!);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
  await page
    .locator('.zoom-level')
    .filter({ hasText: /^1\d{3}%$/ })
    .waitFor();
  await page.keyboard.press('Shift+B');
  await page.getByRole('spinbutton', { name: 'Brush size' }).fill('5');
  const [s2, x2, y2] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
  // Image point (x, y) on the page; the stroke runs across the canvas's middle.
  const at = (x: number, y: number) => [box.x + x2! + x * s2!, box.y + y2! + y * s2!] as const;
  const [cx, cy] = [(box.width / 2 - x2!) / s2!, (box.height / 2 - y2!) / s2!];
  await page.mouse.move(...at(cx - 12, cy + 4));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++)
    await page.mouse.move(...at(cx - 12 + i, cy + 4 - Math.sin(i / 5) * 6));
  await page.waitForTimeout(400);
  if (wanted('brush')) await page.screenshot({ path: 'public/readme/brush.png' });
  await page.mouse.up();

  // The crowd mask of birds converted to polygons within 2 px: the preview before Apply,
  // pixels the polygons add in green and drop in red, zoomed in on two birds.
  await page.goto(URL);
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('status').filter({ hasText: '28 annotations' }).waitFor();
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await page
    .getByRole('list', { name: 'Annotations' })
    .getByRole('listitem')
    .filter({ hasText: 'bird #2' })
    .click();
  await page.getByRole('spinbutton', { name: 'Tolerance' }).fill('2');
  await page.getByRole('button', { name: 'Convert to polygons' }).click();
  await page.getByRole('region', { name: 'Preview' }).getByText(/IoU/).waitFor();
  const [s3, ox3, oy3] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
  const box3 = (await canvas.boundingBox())!;
  await page.mouse.move(box3.x + ox3! + 236 * s3!, box3.y + oy3! + 42 * s3!);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(800);
  if (wanted('convert')) await page.screenshot({ path: 'public/readme/convert.png' });
  await browser.close();
} finally {
  process.kill(-server.pid!);
}

/**
 * The sample's person on image 2, zoomed in, selected: its keypoints have handles, the
 * left hand is the current point (named in the inspector), the pointer on the right hand
 * shows its name.
 */
async function keypointShot(page: Page): Promise<void> {
  await page.goto(URL);
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('status').filter({ hasText: '28 annotations' }).waitFor();
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
  await page
    .getByRole('list', { name: 'Annotations' })
    .getByRole('listitem')
    .filter({ hasText: 'person' })
    .first()
    .click();
  const canvas = page.locator('.canvas');
  const at = async (x: number, y: number) => {
    const [scale, ox, oy] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
    const box = (await canvas.boundingBox())!;
    return { x: box.x + ox! + x * scale!, y: box.y + oy! + y * scale! };
  };
  // Zoom around the person's hip (image pixels), then make the left hand current.
  const hip = await at(201.6, 484.36);
  await page.mouse.move(hip.x, hip.y);
  for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(500);
  const hand = await at(153.6, 459.4);
  await page.mouse.click(hand.x, hand.y);
  await page.getByText('Current point: left_hand').waitFor();
  const other = await at(249.6, 445.96);
  await page.mouse.move(other.x, other.y);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'public/readme/keypoints.png' });
}
