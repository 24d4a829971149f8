/**
 * The README's screenshots, at 1280 × 720 from the built app in headless Chromium: the sample
 * with its thumbnails and a selected annotation, the sample with a model's predictions
 * evaluated, the pixel-true view of a crowd mask, and keypoint editing. Run `npm run build`
 * first. Names given take only those shots (screenshot, evaluation, pixel, keypoints).
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
