/**
 * The README's screenshots, taken from the built app in headless Chromium: the sample
 * with its thumbnails and a selected annotation, and the sample with a model's predictions
 * evaluated. Run `npm run build` first.
 *
 *   npx tsx scripts/readme-shots.ts
 */
import { spawn } from 'node:child_process';
import { launchChromium } from './lib/browser';

const PORT = 4327;
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
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
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
