/**
 * The README's screenshots, at 1280 × 720 from the built app in headless Chromium: the sample
 * with its thumbnails and a selected annotation, the sample with a model's predictions
 * evaluated, the pixel-true view of a crowd mask, and the preview of a crowd mask converted
 * to polygons. Run `npm run build` first.
 *
 *   npx tsx scripts/readme-shots.ts   (SHOTS_PORT: another port for the preview server)
 */
import { spawn } from 'node:child_process';
import { launchChromium } from './lib/browser';

const PORT = Number(process.env.SHOTS_PORT ?? 4327);
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
  await page.screenshot({ path: 'public/readme/screenshot.png' });

  await page.goto(URL);
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await page.getByRole('table', { name: 'segm metrics' }).waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'public/readme/evaluation.png' });

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
  await page.screenshot({ path: 'public/readme/pixel.png' });

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
  const [s2, ox2, oy2] = (await canvas.getAttribute('data-viewport'))!.split(',').map(Number);
  const box2 = (await canvas.boundingBox())!;
  await page.mouse.move(box2.x + ox2! + 236 * s2!, box2.y + oy2! + 42 * s2!);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'public/readme/convert.png' });
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
