/**
 * Renders public/favicon.svg to the PNG icons the web app manifest names (an installed app
 * needs 192 and 512 px PNGs; the maskable one keeps the mark inside the safe zone).
 *
 *   npx tsx scripts/make-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './lib/browser';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await launchChromium();
const page = await browser.newPage();
for (const { size, maskable } of [
  { size: 192, maskable: false },
  { size: 512, maskable: false },
  { size: 512, maskable: true },
]) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon is cropped to a circle of 80 % of its size: the mark sits inside it.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;background:${maskable ? '#1d2433' : 'transparent'};display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  const name = maskable ? `icon-maskable-${size}.png` : `icon-${size}.png`;
  writeFileSync(`public/${name}`, await page.screenshot({ omitBackground: !maskable }));
  console.log(`public/${name}`);
}
await browser.close();
