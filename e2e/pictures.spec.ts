/**
 * Pictures as they really come: twins that differ only in case, names macOS decomposed,
 * an entry no browser can inflate, file_names that are paths out of the folder or URLs.
 * None of them may cost another picture or an image's annotations, silently.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { encodePng } from '../scripts/gen/png';
import { openZip } from '../src/io/zip';
import { buildZip } from '../src/io/zip/testing/buildZip';
import { download, openFiles, pixelAt, waitForImage, zipOf, type FilePayload } from './helpers';

const RED = encodePng(
  new Uint8Array(20 * 10 * 3).map((_, i) => (i % 3 === 0 ? 255 : 0)),
  20,
  10,
);
const BLUE = encodePng(
  new Uint8Array(20 * 10 * 3).map((_, i) => (i % 3 === 2 ? 255 : 0)),
  20,
  10,
);
const GREEN = encodePng(
  new Uint8Array(20 * 10 * 3).map((_, i) => (i % 3 === 1 ? 255 : 0)),
  20,
  10,
);

function dataset(fileNames: string[], boxes = false) {
  return JSON.stringify({
    info: {},
    licenses: [],
    images: fileNames.map((file_name, i) => ({ id: i + 1, file_name, width: 20, height: 10 })),
    annotations: boxes
      ? fileNames.map((_, i) => ({
          id: i + 1,
          image_id: i + 1,
          category_id: 1,
          segmentation: [],
          area: 8,
          bbox: [2, 2, 4, 2],
          iscrowd: 0,
        }))
      : [],
    categories: [{ id: 1, name: 'thing' }],
  });
}

const images = (page: Page) => page.getByRole('list', { name: 'Images' }).getByRole('listitem');
const footer = (page: Page) => page.locator('footer.statusbar');

async function showImage(page: Page, index: number) {
  await images(page).nth(index).click();
  await waitForImage(page, index);
}

test('twin pictures differing in case: each image gets the one it names; a name fitting both is reported', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [
    zipOf('twins.zip', {
      'annotations/instances_default.json': dataset(['a.png', 'A.png', 'A.PNG']),
      'images/default/A.png': RED,
      'images/default/a.png': BLUE,
    }),
  ]);
  await waitForImage(page, 0);
  // a.png is the blue one, though A.png (red) comes first in the zip.
  await expect.poll(() => pixelAt(page, 10, 5)).toEqual([0, 0, 255, 255]);
  await showImage(page, 1);
  await expect.poll(() => pixelAt(page, 10, 5)).toEqual([255, 0, 0, 255]);
  await showImage(page, 2);
  const note =
    'A.PNG: 2 pictures differ only in case: images/default/A.png, images/default/a.png; matched none';
  await expect(page.locator('.canvas-note')).toContainText(note);
  await expect(footer(page)).toContainText('pictures found for 2 of 3 images');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await page.getByRole('button', { name: /picture-ambiguous/ }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(note);

  const { bytes } = await download(page, 'Export zip');
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual([
    'annotations/instances_default.json',
    'images/default/A.png',
    'images/default/a.png',
  ]);
  expect(Buffer.from(files['images/default/a.png']!).equals(BLUE)).toBe(true);
  expect(Buffer.from(files['images/default/A.png']!).equals(RED)).toBe(true);
});

test('a picture named decomposed (NFD, as macOS writes) is found for its composed file_name and exported', async ({
  page,
}) => {
  await page.goto('/');
  const composed = 'caf\u00e9.png';
  const decomposed = 'cafe\u0301.png';
  await openFiles(page, [
    zipOf('mac.zip', {
      'annotations/instances_default.json': dataset([composed]),
      [`images/default/${decomposed}`]: GREEN,
    }),
  ]);
  await waitForImage(page, 0);
  await expect(footer(page)).toContainText('all pictures found');
  await expect.poll(() => pixelAt(page, 10, 5)).toEqual([0, 255, 0, 255]);
  const { bytes } = await download(page, 'Export zip');
  const files = unzipSync(new Uint8Array(bytes));
  expect(Buffer.from(files[`images/default/${composed}`]!).equals(GREEN)).toBe(true);
});

/** A zip whose b.png is LZMA-compressed (method 14): listed, but no browser can inflate it. */
function zipWithLzma(): FilePayload {
  const bytes = buildZip([
    {
      name: 'annotations/instances_default.json',
      data: new TextEncoder().encode(dataset(['a.png', 'b.png'], true)),
      method: 8,
    },
    { name: 'images/default/a.png', data: RED },
    // The data need not be real LZMA: nothing may try to read it but a copy.
    { name: 'images/default/b.png', data: BLUE, compressed: BLUE.subarray(0, 40), method: 14 },
  ]);
  return { name: 'lzma.zip', mimeType: 'application/zip', buffer: Buffer.from(bytes) };
}

test('an unreadable (LZMA) picture costs only itself: its annotations show, the export holds the rest', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await openFiles(page, [zipWithLzma()]);
  await waitForImage(page, 0);
  // Known from the zip's directory before the picture is shown.
  await expect(footer(page)).toContainText(
    'all pictures found, 1 of them cannot be read (see Problems)',
  );
  await expect.poll(() => pixelAt(page, 15, 7)).toEqual([255, 0, 0, 255]);
  await showImage(page, 1);
  await expect(page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(
    1,
  );
  const note = page.locator('.canvas-note');
  await expect(note).toContainText('the picture could not be read');
  await expect(note).toContainText('compression method 14 (LZMA)');
  // The neutral frame, with the box drawn over it.
  await expect.poll(() => pixelAt(page, 15, 7)).toEqual([0x3a, 0x41, 0x50, 255]);
  await page.screenshot({ path: testInfo.outputPath('unreadable-picture.png') });

  const { bytes } = await download(page, 'Export zip');
  const archive = await openZip(new Blob([new Uint8Array(bytes)]), 'export.zip');
  expect(archive.entries.map((e) => e.path).sort()).toEqual([
    'annotations/instances_default.json',
    'images/default/a.png',
    'images/default/b.png',
  ]);
  expect(Buffer.from(await archive.read(archive.find('images/default/a.png')!)).equals(RED)).toBe(
    true,
  );
  const b = archive.find('images/default/b.png')!;
  expect(b.method).toBe(14);
  expect(Buffer.from((await archive.readRaw(b)).data).equals(BLUE.subarray(0, 40))).toBe(true);
  await expect(page.getByRole('alert')).toContainText(
    '1 picture not copied as read: images/default/b.png: copied as its zip stores it (compression method 14)',
  );
});

test('unsafe file_names are exported under safe, distinct entry paths; the json keeps them; the export reopens whole', async ({
  page,
}) => {
  await page.goto('/');
  const names = [
    '../../../../../../outside/x.png',
    'http://127.0.0.1:4398/a.png',
    '/abs/a.png',
    'C:\\pics\\c.png',
  ];
  await openFiles(page, [
    zipOf('unsafe.zip', {
      'annotations/instances_default.json': dataset(names),
      'images/default/x.png': RED,
      'images/default/a.png': BLUE,
      'images/default/c.png': GREEN,
    }),
  ]);
  await waitForImage(page, 0);
  await expect(footer(page)).toContainText('all pictures found');

  const { name, bytes } = await download(page, 'Export zip');
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual([
    'annotations/instances_default.json',
    'images/default/a (2).png',
    'images/default/a.png',
    'images/default/c.png',
    'images/default/x.png',
  ]);
  const json = JSON.parse(Buffer.from(files['annotations/instances_default.json']!).toString()) as {
    images: { file_name: string }[];
  };
  expect(json.images.map((i) => i.file_name)).toEqual(names);
  expect(Buffer.from(files['images/default/x.png']!).equals(RED)).toBe(true);

  await page.goto('/');
  await openFiles(page, [{ name, mimeType: 'application/zip', buffer: bytes }]);
  await waitForImage(page, 0);
  await expect(footer(page)).toContainText('all pictures found');
  await expect.poll(() => pixelAt(page, 10, 5)).toEqual([255, 0, 0, 255]);
});

test('the engine worker reaches no other origin and runs no string as code', async ({ page }) => {
  let requests = 0;
  // Another origin that would answer anyone.
  const server = createServer((_, response) => {
    requests++;
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const workerScript = page.waitForResponse((r) => /engine\.worker[^/]*\.js/.test(r.url()));
    await page.goto('/');
    await openFiles(page, [
      zipOf('one.zip', { 'annotations/instances_default.json': dataset(['a.png']) }),
    ]);
    await waitForImage(page, 0);
    // The policy comes as a header, which (unlike the page's meta tag) governs the worker.
    const headers = await (await workerScript).allHeaders();
    expect(headers['content-security-policy']).toContain("connect-src 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");

    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      const fetched = await worker.evaluate(
        (url) =>
          fetch(url).then(
            (r) => r.text(),
            (e: unknown) => `refused: ${String(e)}`,
          ),
        `http://127.0.0.1:${port}/x`,
      );
      expect(fetched).toMatch(/^refused: /);
      const timer = await worker.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const scope = self as unknown as { __ran?: number };
            try {
              (setTimeout as unknown as (code: string, ms: number) => number)('self.__ran = 1', 0);
            } catch (e) {
              resolve(`refused: ${String(e)}`);
              return;
            }
            // Timers of one delay run in order: the string's would have run by now.
            setTimeout(() => resolve(scope.__ran === 1 ? 'ran' : 'not run'), 0);
          }),
      );
      expect(timer).not.toBe('ran');
    }
    expect(requests).toBe(0);
  } finally {
    server.close();
  }
});
