import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { polygonsToRle, rleFromCoco, rleToString, type CocoRle } from '../src/coco';
import { editDataset, openEditDataset } from './fixtures';
import {
  clickImage,
  corpusTree,
  download,
  dragImage,
  expectStatus,
  openFiles,
  payload,
  pickLabel,
  waitForImage,
  zipOf,
} from './helpers';

type Json = {
  info?: unknown;
  images: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  categories: Record<string, unknown>[];
};

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

test('an unedited dataset exports to JSON equal to its input', async ({ page }) => {
  await openEditDataset(page);
  const { name, bytes } = await download(page, 'Export JSON');
  expect(name).toBe('instances_default.json');
  expect(JSON.stringify(JSON.parse(bytes.toString('utf8')))).toBe(JSON.stringify(editDataset));
});

test('edit, export JSON: the file holds exactly those edits; reopened, it shows them', async ({
  page,
}) => {
  await openEditDataset(page);
  await rows(page).filter({ hasText: '#1' }).click();
  await pickLabel(page, 'banana');
  await dragImage(page, [40, 35], [50, 35]);
  await rows(page).filter({ hasText: '#2' }).click();
  await page.getByRole('button', { name: 'Add score' }).click();
  await page.getByRole('spinbutton', { name: 'score' }).fill('0.5');
  await page.getByRole('spinbutton', { name: 'score' }).press('Enter');
  await page.getByLabel('New attribute name').fill('truncated');
  await page.getByLabel('New attribute type').selectOption('boolean');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  await page.getByRole('checkbox', { name: 'truncated', exact: true }).check();
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  // A polygon marked crowd shows the RLE it would become first; the flag alone is set.
  await page.getByRole('button', { name: 'Only set the flag' }).click();
  await page.getByRole('button', { name: 'Draw polygon' }).click();
  for (const [x, y] of [
    [170, 30],
    [190, 30],
    [190, 60],
  ]) {
    await clickImage(page, x!, y!);
  }
  await clickImage(page, 170, 30);
  await expect(rows(page)).toHaveCount(3);

  const { bytes } = await download(page, 'Export JSON');
  const out = JSON.parse(bytes.toString('utf8')) as Json;
  expect(out.info).toEqual(editDataset.info);
  expect(out.images).toEqual(editDataset.images);
  expect(out.categories).toEqual(editDataset.categories);
  const [box, square, drawn] = out.annotations;
  // The box: relabelled and moved by about 10 px; area w × h, keys in their order.
  expect(Object.keys(box!)).toEqual(Object.keys(editDataset.annotations[0]!));
  expect(box).toMatchObject({ id: 1, category_id: 2, segmentation: [], iscrowd: 0 });
  expect(Math.abs((box!.bbox as number[])[0]! - 30)).toBeLessThan(0.5);
  expect(box!.area).toBe(1200);
  // The square: score, attribute, crowd — written as an RLE mask, as pycocotools rasterizes it.
  expect(square).toMatchObject({
    id: 2,
    score: 0.5,
    iscrowd: 1,
    attributes: { occluded: false, truncated: true },
  });
  const mask = square!.segmentation as CocoRle;
  expect(Array.isArray(mask.counts)).toBe(true);
  expect(rleToString(rleFromCoco(mask))).toBe(
    rleToString(polygonsToRle(editDataset.annotations[1]!.segmentation as number[][], 100, 200)),
  );
  // The drawn polygon: a new id, area and bbox as Datumaro writes them.
  expect(drawn).toMatchObject({ id: 3, image_id: 1, category_id: 1, iscrowd: 0 });
  expect((drawn!.bbox as number[]).map(Math.round)).toEqual([170, 30, 20, 30]);
  expect(drawn!.area).toBeGreaterThan(250);

  // Reopened in cocoscope, the export shows the same dataset and edits.
  await page.goto('/');
  await openFiles(page, [payload('instances_default.json', bytes)]);
  await expectStatus(page, 1, 3, 2);
  await waitForImage(page, 0);
  await expect(rows(page)).toHaveText([
    /^banana #1 box/,
    /^banana #2 mask.*crowd.*0\.50/,
    /^apple #3 polygon/,
  ]);
});

test('a CVAT zip, edited, exported as a zip with its pictures byte for byte; reopened', async ({
  page,
}) => {
  const tree = corpusTree('datumaro/coco_dataset/coco_instances');
  await page.goto('/');
  await openFiles(page, [zipOf('coco.zip', tree)]);
  await page.getByRole('combobox', { name: 'Subset' }).selectOption('val');
  await waitForImage(page, 0, 1);
  await rows(page).first().click();
  await pickLabel(page, 'b');

  const { name, bytes } = await download(page, 'Export zip');
  expect(name).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual([
    'annotations/instances_train.json',
    'annotations/instances_val.json',
    'images/train/a.jpg',
    'images/val/b.jpg',
  ]);
  expect(
    Buffer.compare(Buffer.from(files['images/val/b.jpg']!), Buffer.from(tree['images/val/b.jpg']!)),
  ).toBe(0);
  const train = JSON.parse(
    Buffer.from(files['annotations/instances_train.json']!).toString('utf8'),
  ) as Json;
  expect(train).toEqual(
    JSON.parse(Buffer.from(tree['annotations/instances_train.json']!).toString('utf8')),
  );
  const val = JSON.parse(
    Buffer.from(files['annotations/instances_val.json']!).toString('utf8'),
  ) as Json;
  expect(val.annotations[0]!.category_id).toBe(2);

  await page.goto('/');
  await openFiles(page, [payload('export.zip', bytes)]);
  await page.getByRole('combobox', { name: 'Subset' }).selectOption('val');
  await expect(page.getByText('all pictures found')).toBeVisible();
  await waitForImage(page, 0, 1);
  await expect(rows(page).first()).toHaveText(/^b #1/);
});

test('a zip without pictures, and options: indented, only annotated images', async ({ page }) => {
  await page.goto('/');
  const withEmpty = {
    ...editDataset,
    images: [...editDataset.images, { id: 9, file_name: 'empty.png', width: 10, height: 10 }],
  };
  await openFiles(page, [payload('two.json', JSON.stringify(withEmpty))]);
  await expectStatus(page, 2, 2, 2);
  await page.getByRole('button', { name: 'Export options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export options' });
  await dialog.getByRole('checkbox', { name: /Include images/ }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Only annotated images' }).check();
  await dialog.getByRole('checkbox', { name: 'Indented JSON' }).check();
  const { bytes } = await download(page, 'Export zip');
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toEqual(['annotations/instances_default.json']);
  const text = Buffer.from(files['annotations/instances_default.json']!).toString('utf8');
  expect(text).toContain('\n  "images": [');
  expect((JSON.parse(text) as Json).images.map((i) => i.id)).toEqual([1]);
});

test('an export says what it wrote: the file, its size, the edits it holds', async ({ page }) => {
  await openEditDataset(page);
  await rows(page).filter({ hasText: '#1' }).click();
  await pickLabel(page, 'banana');
  await expect(rows(page).first()).toContainText('edited');
  const { name, bytes } = await download(page, 'Export JSON');
  const receipt = page.getByLabel('Last export');
  await expect(receipt).toContainText(`Exported ${name} (${bytes.length} bytes)`);
  await expect(receipt).toContainText('1 edit included');
});

test('the export buttons say what they make; several json files of a subset download as one zip of them, unchanged', async ({
  page,
}) => {
  const names = ['instances_val.json', 'person_keypoints_val.json', 'captions_val.json'];
  const tree = corpusTree('datumaro/coco_dataset/coco/annotations');
  await page.goto('/');
  await openFiles(
    page,
    names.map((n) => payload(n, tree[n]!)),
  );
  await expect(page.getByRole('status')).toContainText('images ·');
  const json = page.getByRole('button', { name: /^Export JSON/ });
  await expect(json).toHaveAccessibleName('Export JSON — COCO, 3 files in one zip');
  await expect(json).toHaveAttribute('title', /3 annotation files as COCO json, in one zip/);
  await expect(page.getByRole('button', { name: /^Export zip/ })).toHaveAccessibleName(
    'Export zip — CVAT COCO 1.1 with pictures',
  );

  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const { name, bytes } = await download(page, 'Export JSON');
  expect(name).toBe('annotations_val.zip');
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual(names.map((n) => `annotations/${n}`).sort());
  for (const n of names)
    expect(Buffer.compare(Buffer.from(files[`annotations/${n}`]!), Buffer.from(tree[n]!))).toBe(0);
  // One click, one download (it used to be one per file).
  await expect(page.getByLabel('Last export')).toContainText('annotations_val.zip');
  expect(downloads).toEqual(['annotations_val.zip']);
});
