import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { corpusDir, corpusFile, expectStatus, openFiles } from './helpers';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [relative(corpusDir, full)] : [];
  });
}

type Json = {
  images?: unknown[];
  annotations?: { segments_info?: unknown[] }[];
  categories?: unknown[];
};

/** Counts a user would expect, computed here from the file itself. */
function expectedCounts(path: string): [number, number, number] {
  const json = JSON.parse(readFileSync(join(corpusDir, path), 'utf8')) as
    Json | { image_id: unknown }[];
  if (Array.isArray(json)) return [new Set(json.map((r) => r.image_id)).size, json.length, 0];
  const anns = json.annotations ?? [];
  const isPanoptic = anns.some((a) => a.segments_info !== undefined);
  const annotations = isPanoptic
    ? anns.reduce((n, a) => n + (a.segments_info?.length ?? 0), 0)
    : anns.length;
  return [json.images?.length ?? 0, annotations, json.categories?.length ?? 0];
}

const files = [...jsonFiles(join(corpusDir, 'datumaro')), ...jsonFiles(join(corpusDir, 'cocoapi'))];

test('the corpus holds every file this spec expects', () => {
  expect(files.length).toBeGreaterThanOrEqual(39);
});

// One test per file: each gets its own page and time, and a failure names its file.
for (const path of files) {
  test(`${path} opens through the UI, without an alert`, async ({ page }) => {
    await page.goto('/');
    await openFiles(page, [corpusFile(path)]);
    await expectStatus(page, ...expectedCounts(path));
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
