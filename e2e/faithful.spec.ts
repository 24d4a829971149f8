/**
 * An export changes only what the user changed: every dataset file of the corpus, opened
 * and exported through the UI, comes back byte for byte; with one label changed, the
 * bytes differ only inside that annotation's record.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseSpans, type SpanNode } from '../src/coco/faithful/spanTree';
import { corpusDir, corpusFile, download, openFiles, pickLabel, waitForImage } from './helpers';

function jsonFiles(dir: string): string[] {
  return readdirSync(join(corpusDir, dir)).flatMap((name) => {
    const full = join(corpusDir, dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(relative(corpusDir, full));
    return name.endsWith('.json') ? [relative(corpusDir, full)] : [];
  });
}

const files = ['datumaro', 'cocoapi', 'quirks']
  .flatMap(jsonFiles)
  .filter((p) => !p.includes('not-coco'));

type Record = { id?: unknown; image_id?: unknown; category_id?: unknown };
type Dataset = {
  images?: { id: unknown }[];
  annotations?: Record[];
  categories?: { id: unknown; name: string }[];
};

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

async function open(page: Page, path: string): Promise<void> {
  await page.goto('/');
  await openFiles(page, [corpusFile(path)]);
  await expect(page.getByRole('status')).toHaveText(/ images · /);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

for (const path of files) {
  test(`unedited, ${path} exports byte for byte`, async ({ page }) => {
    await open(page, path);
    const { bytes } = await download(page, 'Export JSON');
    expect(bytes.equals(readFileSync(join(corpusDir, path)))).toBe(true);
  });
}

/** Files whose first image has an annotation with a category, and that have another category. */
const relabelable = files.filter((path) => {
  const json = JSON.parse(readFileSync(join(corpusDir, path), 'utf8')) as Dataset | Record[];
  if (Array.isArray(json) || (json.categories?.length ?? 0) < 2) return false;
  const first = json.images?.[0]?.id;
  return (json.annotations ?? []).some((a) => a.image_id === first && 'category_id' in a);
});

/** [start, end) of each annotation element of the file's text. */
function annotationSpans(text: string): [number, number][] {
  const root = parseSpans(text);
  if (root.kind !== 'object') return [];
  const node = root.values[root.keys.lastIndexOf('annotations')] as SpanNode;
  const out: [number, number][] = [];
  let from = 0;
  for (const item of node.kind === 'array' ? node.items : []) {
    const at = text.indexOf(item.raw, from);
    out.push([at, at + item.raw.length]);
    from = at + item.raw.length;
  }
  return out;
}

for (const path of relabelable) {
  test(`${path}: one label changed, only that record's bytes change`, async ({ page }) => {
    const input = readFileSync(join(corpusDir, path), 'utf8');
    const json = JSON.parse(input) as Dataset;
    const firstImage = json.images![0]!.id;
    const k = json.annotations!.findIndex((a) => a.image_id === firstImage);
    await open(page, path);
    await waitForImage(page, 0);
    await rows(page).first().click();
    // Another category, picked by typing its id.
    const other = json.categories!.find((c) => c.id !== json.annotations![k]!.category_id)!;
    await pickLabel(page, String(other.id), { name: other.name });
    await expect(rows(page).first()).toContainText('edited');
    const { bytes } = await download(page, 'Export JSON');
    const output = bytes.toString('utf8');
    let p = 0;
    while (input[p] === output[p]) p++;
    let s = 0;
    while (s < input.length - p && input[input.length - 1 - s] === output[output.length - 1 - s])
      s++;
    const [start, end] = annotationSpans(input)[k]!;
    expect(p).toBeGreaterThanOrEqual(start);
    expect(input.length - s).toBeLessThanOrEqual(end);
    const exported = JSON.parse(output) as Dataset;
    expect(exported.annotations![k]!.category_id).not.toEqual(json.annotations![k]!.category_id);
  });
}
