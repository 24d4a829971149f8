/**
 * A big json's export after an edit (issue 18): its untouched records are copied from the
 * opened file (most of them without being read, see src/worker/exportSplice.ts), and the
 * download differs from the file only inside the record the user changed.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generatedJson } from './fileMakers';
import { elementSpans } from '../src/coco/columnar/elementSpans';
import { download, expectStatus, pickLabel, waitForImage } from './helpers';

const IMAGES = 15_000;
const ANNOTATIONS = 130_000;

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

type Dataset = {
  images: { id: number }[];
  annotations: { image_id: number; category_id: number }[];
  categories: { id: number; name: string }[];
};

test('a big json with one label changed exports as the file with only that record changed', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // 83 MB: past the sizes from which annotations are a stored table read back from the file.
  const path = testInfo.outputPath('big.json');
  generatedJson(path, IMAGES, ANNOTATIONS);
  const input = readFileSync(path);
  const json = JSON.parse(input.toString('utf8')) as Dataset;
  const k = json.annotations.findIndex((a) => a.image_id === json.images[0]!.id);
  const other = json.categories.find((c) => c.id !== json.annotations[k]!.category_id)!;

  await page.goto('/');
  await page.getByLabel('Dataset files').setInputFiles(path);
  await expectStatus(page, IMAGES, ANNOTATIONS, 80, 120_000);
  await waitForImage(page, 0);
  await rows(page).first().click();
  await pickLabel(page, String(other.id), { name: other.name });
  await expect(rows(page).first()).toContainText('edited');
  const { bytes: output } = await download(page, 'Export JSON');

  let p = 0;
  while (p < input.length && input[p] === output[p]) p++;
  let s = 0;
  while (s < input.length - p && input[input.length - 1 - s] === output[output.length - 1 - s]) s++;
  const spans = elementSpans(input, 'annotations')!;
  // The bytes before and after the record (tens of megabytes) are the file's own.
  expect(p).toBeGreaterThanOrEqual(spans[2 * k]!);
  expect(input.length - s).toBeLessThanOrEqual(spans[2 * k + 1]!);
  const exported = JSON.parse(output.toString('utf8')) as Dataset;
  expect(exported.annotations[k]!.category_id).toBe(other.id);
  expect(exported.annotations).toHaveLength(ANNOTATIONS);
});
