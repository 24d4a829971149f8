/**
 * The brush on a 4000 × 3000 picture: frames per second while a stroke is dragged
 * (scripted with page.mouse, frames counted by requestAnimationFrame in the page), and the
 * commit (pointer up → the engine applied the edit and the store holds it, between the
 * `cocoscope:stroke-released` and `cocoscope:stroke-applied` marks).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { encodeMask, rleArea, rleToBbox, rleToString } from '../../src/coco';
import { encodePng } from '../gen/png';
import { CACHE } from './fixtures';
import { measureOpen, newBenchPage } from './page';
import { fmt, median, verdict, type Row } from './stats';

const W = 4000;
const H = 3000;

/** A 4000 × 3000 gradient picture and a json with one crowd mask (an ellipse) on it. */
function brushFixture(): [string, string] {
  mkdirSync(CACHE, { recursive: true });
  const json = join(CACHE, 'brush-4000x3000.json');
  const png = join(CACHE, 'brush-4000x3000.png');
  if (!existsSync(png)) {
    const rgb = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) rgb.set([(x * 255) / W, (y * 255) / H, 128], (y * W + x) * 3);
    writeFileSync(png, encodePng(rgb, W, H));
  }
  if (!existsSync(json)) {
    const mask = new Uint8Array(W * H);
    for (let x = 0; x < W; x++)
      for (let y = 0; y < H; y++)
        if (((x - 2000) / 1200) ** 2 + ((y - 1500) / 900) ** 2 <= 1) mask[x * H + y] = 1;
    const rle = encodeMask(mask, H, W);
    const file = {
      images: [{ id: 1, file_name: 'brush-4000x3000.png', width: W, height: H }],
      categories: [{ id: 1, name: 'crowd' }],
      annotations: [
        {
          id: 1,
          image_id: 1,
          category_id: 1,
          segmentation: { size: [H, W], counts: rleToString(rle) },
          area: rleArea(rle),
          bbox: rleToBbox(rle),
          iscrowd: 1,
        },
      ],
    };
    writeFileSync(json, JSON.stringify(file));
  }
  return [json, png];
}

/**
 * Drags one stroke across the picture (or, `pressed` false, only moves the pointer along
 * it); frames per second and the worst frame meanwhile.
 */
async function dragStroke(
  page: Page,
  i: number,
  pressed = true,
): Promise<{ fps: number; worstFrameMs: number }> {
  const box = (await page.locator('.konvajs-content').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__frames = [];
    w.__counting = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const y0 = box.y + box.height * (0.3 + 0.1 * (i % 5));
  await page.mouse.move(box.x + box.width * 0.1, y0);
  if (pressed) await page.mouse.down();
  for (let s = 1; s <= 120; s++)
    await page.mouse.move(box.x + box.width * (0.1 + (0.8 * s) / 120), y0 + Math.sin(s / 8) * 60);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    performance.clearMarks();
    return w.__frames;
  });
  if (pressed) await page.mouse.up();
  const span = frames[frames.length - 1]! - frames[0]!;
  let worst = 0;
  for (let k = 1; k < frames.length; k++) worst = Math.max(worst, frames[k]! - frames[k - 1]!);
  return { fps: ((frames.length - 1) * 1000) / span, worstFrameMs: worst };
}

/** The last stroke's commit: pointer up → edit applied (ms). */
async function commitMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () => performance.getEntriesByName('cocoscope:stroke-applied').length > 0,
  );
  return page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(`cocoscope:${n}`)[0]!.startTime;
    return at('stroke-applied') - at('stroke-released');
  });
}

export async function brushSuite(browser: Browser, url: string): Promise<Row[]> {
  const page = await newBenchPage(browser, url);
  await measureOpen(page, brushFixture());
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  // The same pointer moves with the brush off: what the page costs without painting.
  const hover = [];
  for (let i = 0; i < 3; i++) hover.push(await dragStroke(page, i, false));
  await page.getByRole('button', { name: 'Brush' }).click();
  await page.getByRole('spinbutton', { name: 'Brush size' }).fill('60');
  const strokes = [];
  const commits = [];
  for (let i = 0; i < 5; i++) {
    strokes.push(await dragStroke(page, i));
    commits.push(await commitMs(page));
  }
  await page.close();
  const fps = median(strokes.map((s) => s.fps));
  const commit = median(commits);
  const hoverFps = median(hover.map((s) => s.fps));
  return [
    {
      work: 'reference: the same pointer moves over the 4000×3000 crowd mask, brush off, median of 3 (worst frame)',
      measured: `${hoverFps.toFixed(0)} fps (${fmt.ms(Math.max(...hover.map((s) => s.worstFrameMs)))})`,
      reference: '',
      verdict: '',
    },
    {
      work: 'brush stroke (size 60, 120 pointer moves) on a 4000×3000 picture, fit: fps while dragging, median of 5 (worst frame)',
      measured: `${fps.toFixed(0)} fps (${fmt.ms(Math.max(...strokes.map((s) => s.worstFrameMs)))})`,
      reference: '≥ 50 fps',
      verdict: verdict(fps >= 50),
    },
    {
      work: 'same, commit into the 4000×3000 crowd mask: pointer up → edit applied, median of 5 (max)',
      measured: `${fmt.ms(commit)} (${fmt.ms(Math.max(...commits))})`,
      reference: '≤ 50 ms',
      verdict: verdict(commit <= 50),
    },
  ];
}
