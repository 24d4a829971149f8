import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { encodePng } from '../scripts/gen/png';
import { bigGrayPng, zipBomb } from './fileMakers';
import { editDataset, openEditDataset } from './fixtures';
import {
  expectStatus,
  openFiles,
  payload,
  pickLabel,
  waitForImage,
  type FilePayload,
} from './helpers';

const alerts = (page: Page) => page.getByRole('alert');

/** After a bad file: an alert naming it, and the dataset open before it still there. */
async function expectRejected(page: Page, file: FilePayload, message: RegExp) {
  await openFiles(page, [file]);
  const alert = alerts(page).filter({ hasText: file.name });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(message);
  await expectStatus(page, 1, 2, 2);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
}

test.describe('broken files: a clear message, and the open dataset survives', () => {
  test.beforeEach(async ({ page }) => {
    await openEditDataset(page);
    await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
    await pickLabel(page, 'banana');
  });

  test('broken JSON of every kind', async ({ page }) => {
    await expectRejected(
      page,
      payload('truncated.json', '{"images": [{"id": 1, "width'),
      /line 1, column 29: Unterminated string/,
    );
    await expectRejected(
      page,
      payload('trailing.json', '{"images":[],"annotations":[],"categories":[]} }'),
      /line 1, column 48/,
    );
    await expectRejected(
      page,
      payload('nan.json', '{"images":[{"id":1,"width":NaN,"height":2}]}'),
      /NaN is not valid JSON/,
    );
    await expectRejected(page, payload('empty.json', ''), /empty/);
    await expectRejected(
      page,
      payload('picture.json', encodePng(new Uint8Array(12), 2, 2)),
      /PNG image/,
    );
    await expectRejected(page, payload('number.json', '42'), /not a COCO file.*number 42/);
    await expectRejected(
      page,
      payload('string.json', '"hello"'),
      /not a COCO file.*the text "hello"/,
    );
    // The edit made before all this is still there.
    await expect(
      page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first(),
    ).toHaveText(/^banana #1.*edited/);
  });

  test('broken zips name the zip and the entry', async ({ page }) => {
    const good = zipSync({
      'annotations/instances_default.json': new TextEncoder().encode(JSON.stringify(editDataset)),
    });
    await expectRejected(page, payload('cut.zip', good.subarray(0, good.length - 30)), /cut\.zip/);
    const corrupt = good.slice();
    corrupt[corrupt.length - 22 + 16]! ^= 0x40; // the directory's offset now points at garbage
    await expectRejected(page, payload('corrupt.zip', corrupt), /corrupt\.zip/);
    // An encrypted entry: the flag bit set in the local and central headers.
    const encrypted = good.slice();
    const view = new DataView(encrypted.buffer);
    for (let at = 0; at < encrypted.length - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50) view.setUint16(at + 6, view.getUint16(at + 6, true) | 1, true);
      if (sig === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    }
    await expectRejected(
      page,
      payload('locked.zip', encrypted),
      /instances_default\.json.*encrypted/,
    );
  });

  test('a zip bomb is refused, naming its entry and the cap', async ({ page }) => {
    const bomb = await zipBomb('annotations/instances_default.json', 300);
    await expectRejected(page, payload('bomb.zip', bomb), /instances_default\.json.*zip bomb/);
  });
});

test('unsafe, duplicate and nested entries are listed as such; the rest opens', async ({
  page,
}) => {
  await page.goto('/');
  const inner = zipSync({ 'x.json': new Uint8Array(2) });
  const files = zipSync({
    'annotations/instances_default.json': new TextEncoder().encode(JSON.stringify(editDataset)),
    '../evil.json': new TextEncoder().encode('{}'),
    'nested.zip': inner,
  });
  await openFiles(page, [payload('mixed.zip', files)]);
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('tab', { name: 'Dataset' }).click();
  await expect(page.getByRole('region', { name: 'Dataset' })).toContainText('../evil.json');
  await expect(page.getByRole('region', { name: 'Dataset' })).toContainText(
    'a zip inside the zip is not opened',
  );
});

test('UTF-16 with a byte order mark, and Latin-1 bytes, still open', async ({ page }) => {
  await page.goto('/');
  const text = '\uFEFF' + JSON.stringify(editDataset);
  const utf16 = Buffer.from(text, 'utf16le');
  await openFiles(page, [payload('utf16.json', utf16)]);
  await expectStatus(page, 1, 2, 2);
  const latin1 = Buffer.from(
    JSON.stringify({
      ...editDataset,
      categories: [
        { id: 1, name: 'café' },
        { id: 2, name: 'b' },
      ],
    }),
    'latin1',
  );
  await openFiles(page, [payload('latin1.json', latin1)]);
  await expectStatus(page, 1, 2, 2);
  await expect(
    page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first(),
  ).toContainText('caf\uFFFD');
});

test('names with HTML, script, right-to-left and zero-width characters are plain text', async ({
  page,
}) => {
  await page.goto('/');
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const rtl = 'abc\u202Edef\u200Bghi';
  const file = {
    images: [{ id: 1, file_name: `${evil}.jpg`, width: 20, height: 10 }],
    categories: [
      { id: 1, name: evil },
      { id: 2, name: rtl },
    ],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [1, 1, 5, 5],
        segmentation: [],
        attributes: { note: evil },
      },
      { id: 2, image_id: 1, category_id: 2, bbox: [2, 2, 5, 5], segmentation: [] },
    ],
    __proto__: { polluted: true },
  };
  await openFiles(page, [
    payload('evil.json', JSON.stringify(file).replace('"__proto__"', '"__proto__"')),
  ]);
  await expectStatus(page, 1, 2, 2);
  const rows = page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
  await expect(rows.first().locator('.name')).toHaveText(evil);
  await expect(rows.nth(1).locator('.name')).toHaveText(rtl);
  await expect(
    page.getByRole('list', { name: 'Images' }).getByRole('listitem').first(),
  ).toContainText(evil);
  await rows.first().click();
  await expect(page.getByRole('textbox', { name: 'note', exact: true })).toHaveValue(evil);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(
    await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted),
  ).toBeUndefined();
});

test('__proto__, constructor and prototype keys are kept through open and export', async ({
  page,
}) => {
  await page.goto('/');
  const text =
    '{"images":[{"id":1,"width":9,"height":9,"file_name":"a.jpg","__proto__":{"x":1}}],"categories":[{"id":1,"name":"constructor","prototype":{"y":2}}],"annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,1,2,2],"segmentation":[],"constructor":"kept"}]}';
  await openFiles(page, [payload('proto.json', text)]);
  await expectStatus(page, 1, 1, 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(text);
});

test('a dataset that says 100000 × 100000, and a million-point polygon, open without allocating them', async ({
  page,
}) => {
  await page.goto('/');
  const points = Array.from({ length: 2_000_000 }, (_, i) =>
    i % 2 === 0 ? (i / 2) % 600 : Math.floor(i / 3000) % 400,
  );
  const file = {
    images: [
      { id: 1, file_name: 'huge.jpg', width: 100000, height: 100000 },
      { id: 2, file_name: 'dense.jpg', width: 640, height: 480 },
    ],
    categories: [{ id: 1, name: 'a' }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        iscrowd: 1,
        segmentation: { size: [100000, 100000], counts: [0, 10000000000] },
        area: 1e10,
        bbox: [0, 0, 100000, 100000],
      },
      {
        id: 2,
        image_id: 2,
        category_id: 1,
        iscrowd: 0,
        segmentation: [points],
        area: 1,
        bbox: [0, 0, 600, 400],
      },
    ],
  };
  await openFiles(page, [payload('huge.json', JSON.stringify(file))]);
  await expectStatus(page, 2, 2, 1);
  await waitForImage(page, 0);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('too-large');
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
  await waitForImage(page, 1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('pictures: corrupt, of another size, huge, and SVG', async ({ page }) => {
  await page.goto('/');
  const gray = (w: number, h: number) => encodePng(new Uint8Array(w * h * 3).fill(128), w, h);
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#00ff00"/><script>window.__svgRan=1</script></svg>';
  const file = {
    images: [
      { id: 1, file_name: 'corrupt.png', width: 20, height: 10 },
      { id: 2, file_name: 'wrong.png', width: 20, height: 10 },
      { id: 3, file_name: 'vector.svg', width: 40, height: 20 },
    ],
    categories: [{ id: 1, name: 'a' }],
    annotations: [],
  };
  await openFiles(page, [
    payload('pictures.json', JSON.stringify(file)),
    payload('corrupt.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
    payload('wrong.png', gray(30, 12)),
    { name: 'vector.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) },
  ]);
  await expectStatus(page, 3, 0, 1);
  await waitForImage(page, 0);
  await expect(page.getByText(/could not be decoded/)).toBeVisible();
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
  await waitForImage(page, 1);
  await expect(page.getByText(/the picture is 30×12, the dataset says 20×10/)).toBeVisible();
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(2).click();
  await waitForImage(page, 2);
  await expect(page.getByText(/could not be decoded/)).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __svgRan?: number }).__svgRan),
  ).toBeUndefined();
});

test('a failing panel shows its error; the others work and edits still export', async ({
  page,
}) => {
  await openEditDataset(page);
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await pickLabel(page, 'banana');
  await page.evaluate(
    () => ((window as unknown as { cocoscopeFailPanel: string }).cocoscopeFailPanel = 'canvas'),
  );
  await page.getByRole('checkbox', { name: 'Labels' }).uncheck();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The canvas panel failed' }),
  ).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first(),
  ).toHaveText(/^banana #1/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const out = JSON.parse(readFileSync((await download.path())!, 'utf8')) as typeof editDataset;
  expect(out.annotations[0]!.category_id).toBe(2);
  await page.evaluate(
    () => ((window as unknown as { cocoscopeFailPanel: string }).cocoscopeFailPanel = ''),
  );
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.canvas')).toBeVisible();
});

test('the app runs under a Content-Security-Policy: no inline script, no other origin', async ({
  page,
}) => {
  await page.goto('/');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByRole('status')).toHaveText(/4 images/);
});

test('a huge picture (9000 × 9000) is shown downscaled, not refused', async ({ page }) => {
  await page.goto('/');
  const file = {
    images: [{ id: 1, file_name: 'huge.png', width: 9000, height: 9000 }],
    categories: [{ id: 1, name: 'a' }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [100, 100, 4000, 3000],
        segmentation: [],
        area: 12e6,
        iscrowd: 0,
      },
    ],
  };
  await openFiles(page, [
    payload('huge.json', JSON.stringify(file)),
    payload('huge.png', bigGrayPng(9000, 9000)),
  ]);
  await expectStatus(page, 1, 1, 1);
  await waitForImage(page, 0);
  await expect(page.getByText(/a 9000×9000 picture: shown at \d+×\d+/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/could not be decoded/)).toHaveCount(0);
});
