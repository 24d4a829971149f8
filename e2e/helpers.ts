/** Shared steps of the end-to-end specs: giving the app files, and reading what it drew. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';

export const corpusDir = resolve(import.meta.dirname, '../../shared/corpus');

export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

export function corpusFile(path: string, name = path.split('/').pop()!): FilePayload {
  return { name, mimeType: mimeOf(name), buffer: readFileSync(join(corpusDir, path)) };
}

export function payload(name: string, content: string | Uint8Array): FilePayload {
  return { name, mimeType: mimeOf(name), buffer: Buffer.from(content) };
}

function mimeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.png')) return 'image/png';
  return name.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream';
}

/** Every file under a corpus folder, by path relative to it. */
export function corpusTree(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(join(corpusDir, dir), full)] = readFileSync(full);
    }
  };
  walk(join(corpusDir, dir));
  return out;
}

/** A zip of `files` (path → bytes); pictures stored, json deflated, as real tools do. */
export function zipOf(name: string, files: Record<string, Uint8Array | string>): FilePayload {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    entries[path] = [bytes, { level: path.endsWith('.json') ? 6 : 0 }];
  }
  return { name, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

/** Opens files through the file input labelled "Dataset files". */
export async function openFiles(page: Page, files: FilePayload[]): Promise<void> {
  await page.getByLabel('Dataset files').setInputFiles(files);
}

/** Drops files on the page with a synthetic drop event, as a user dragging them in would. */
export async function dropFiles(page: Page, files: FilePayload[]): Promise<void> {
  const data = files.map((f) => ({ name: f.name, type: f.mimeType, bytes: Array.from(f.buffer) }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list)
      transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    const target = document.querySelector('.app') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  }, data);
}

export async function expectStatus(
  page: Page,
  images: number,
  annotations: number,
  categories: number,
  timeout?: number,
) {
  await expect(page.getByRole('status')).toHaveText(
    `${images.toLocaleString('en-US')} images · ${annotations.toLocaleString('en-US')} annotations · ${categories.toLocaleString('en-US')} categories`,
    { timeout },
  );
}

/** Waits until the canvas shows image `index` of subset `subset` with its annotations drawn. */
export async function waitForImage(page: Page, index: number, subset = 0): Promise<void> {
  await expect(page.locator('.canvas')).toHaveAttribute('data-image', `${subset}:${index}`);
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/**
 * The colour the canvas shows at image pixel (x, y) (its centre), compositing Konva's
 * layer canvases in order, as the screen shows them.
 */
export async function pixelAt(
  page: Page,
  x: number,
  y: number,
): Promise<[number, number, number, number]> {
  return (await pixelsAt(page, [[x + 0.5, y + 0.5]]))[0]!;
}

/** The colours the canvas shows at image points (fractional: 10.5 is the middle of pixel 10). */
export async function pixelsAt(
  page: Page,
  points: [number, number][],
): Promise<[number, number, number, number][]> {
  return page.evaluate((list) => {
    const host = document.querySelector<HTMLElement>('.canvas')!;
    const [scale, ox, oy] = host.dataset.viewport!.split(',').map(Number) as [
      number,
      number,
      number,
    ];
    const layers = Array.from(host.querySelectorAll('canvas'));
    const first = layers[0]!;
    const ratio = first.width / first.clientWidth;
    const out = document.createElement('canvas');
    out.width = first.width;
    out.height = first.height;
    const ctx = out.getContext('2d')!;
    for (const layer of layers) ctx.drawImage(layer, 0, 0);
    return list.map(([ix, iy]) => {
      const sx = Math.floor((ix * scale + ox) * ratio);
      const sy = Math.floor((iy * scale + oy) * ratio);
      return Array.from(ctx.getImageData(sx, sy, 1, 1).data) as [number, number, number, number];
    });
  }, points);
}

/** Where image pixel coordinates (x, y) are on the screen (page coordinates). */
export async function screenPoint(
  page: Page,
  x: number,
  y: number,
): Promise<{ x: number; y: number }> {
  const host = page.locator('.canvas');
  const [scale, ox, oy] = (await host.getAttribute('data-viewport'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ];
  const box = (await host.boundingBox())!;
  return { x: box.x + ox + x * scale, y: box.y + oy + y * scale };
}

/** Drags with the mouse from one image point to another, in steps, as a hand would. */
export async function dragImage(
  page: Page,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  const a = await screenPoint(page, ...from);
  const b = await screenPoint(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

export async function clickImage(page: Page, x: number, y: number): Promise<void> {
  const p = await screenPoint(page, x, y);
  await page.mouse.click(p.x, p.y);
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
export async function download(
  page: Page,
  button: 'Export JSON' | 'Export zip' | 'Export metrics JSON' | 'Export metrics CSV',
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: new RegExp(`^${button}`) }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/**
 * Picks a label the way a person does: types its name (or id) into the label picker (by
 * default the inspector's "Category") and presses Enter once the best match is `name`.
 */
export async function pickLabel(
  page: Page,
  typed: string,
  options: { picker?: string; name?: string } = {},
): Promise<void> {
  const picker = options.picker ?? 'Category';
  const box = page.getByRole('combobox', { name: picker, exact: true });
  await box.fill(typed);
  const best = page.getByRole('listbox', { name: picker, exact: true }).getByRole('option').first();
  await expect(best).toHaveAccessibleName(options.name ?? typed);
  await box.press('Enter');
}

/**
 * Column-major RLE counts (as pycocotools encodes, starting with the zero run) of the
 * pixels `on` accepts in a `width` × `height` mask. Written out here, not with the app's
 * encoder, so a test checks the app against an independent encoding.
 */
export function rleCounts(
  width: number,
  height: number,
  on: (x: number, y: number) => boolean,
): number[] {
  const counts: number[] = [];
  let run = 0;
  let value = false;
  for (let x = 0; x < width; x++)
    for (let y = 0; y < height; y++) {
      if (on(x, y) !== value) {
        counts.push(run);
        run = 0;
        value = !value;
      }
      run++;
    }
  counts.push(run);
  return counts;
}
