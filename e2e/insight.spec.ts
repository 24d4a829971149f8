import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateCoco } from '../scripts/gen/dataset';
import { problemsFixture } from '../src/coco/testing/problemsFixture';
import { download, expectStatus, openFiles, payload, waitForImage } from './helpers';

type Json = {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: {
    id: number;
    image_id: number;
    category_id: number;
    bbox: number[];
    area: number;
    iscrowd: number;
    segmentation: unknown;
    score?: number;
  }[];
  categories: { id: number; name: string }[];
};

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const group = (page: Page, title: string) =>
  problems(page).getByRole('button', { name: new RegExp(`^${title} \\(`) });

async function openProblems(page: Page) {
  await page.goto('/');
  await openFiles(page, [payload('problems.json', JSON.stringify(problemsFixture))]);
  await expectStatus(page, 3, 15, 3);
  await waitForImage(page, 0);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(problems(page)).toContainText(/\d+ problems/);
}

test('the problems panel lists one problem of each kind, with its count', async ({ page }) => {
  await openProblems(page);
  for (const title of [
    'Outside their image',
    'Box differs from the shape',
    'Area differs from the shape',
    'Self-intersecting polygons',
    'Shapes with no area',
    'Duplicate annotations',
    'Keypoints outside their box',
    'Annotations of unknown images',
    'Annotations of unknown categories',
    'Duplicate annotation ids',
    'Polygons with fewer than 3 points',
    'Images without annotations',
    'Unused categories',
  ])
    await expect(group(page, title)).toHaveText(`${title} (1)`);
  // Found while reading, and not checked again: each once, with its JSON path.
  for (const [code, path] of [
    ['crowd-not-rle', 'annotations[12].segmentation'],
    ['rle-size-mismatch', 'annotations[13].segmentation.size'],
    ['rle-not-crowd', 'annotations[14].segmentation'],
  ] as const) {
    await group(page, code).click();
    await expect(problems(page).getByRole('list', { name: code })).toContainText(path);
  }
  await expect(group(page, 'unknown-image')).toHaveCount(0);
});

test('a problem links to its image and selects its annotation', async ({ page }) => {
  await openProblems(page);
  await group(page, 'Keypoints outside their box').click();
  await problems(page).getByRole('button', { name: '#8', exact: true }).click();
  await waitForImage(page, 1);
  await expect(
    page.getByRole('list', { name: 'Images' }).locator('[aria-current="true"]'),
  ).toContainText('2.jpg');
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const selected = page
    .getByRole('list', { name: 'Annotations' })
    .locator('[aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText('#8');

  // Of two annotations with id 2, the link selects the second (the one the finding is about).
  await page.getByRole('tab', { name: 'Problems' }).click();
  await group(page, 'Duplicate annotation ids').click();
  await problems(page).getByRole('button', { name: '#2', exact: true }).click();
  await waitForImage(page, 0);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(selected).toContainText('box');
  await expect(
    page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').filter({ hasText: '#2' }),
  ).toHaveCount(2);
});

test('fixes: one entry, undo, then all of every kind; the export holds the fixes', async ({
  page,
}) => {
  await openProblems(page);
  await group(page, 'Box differs from the shape').click();
  await problems(page).getByRole('button', { name: 'Recompute area and bbox: #2' }).click();
  await expect(group(page, 'Box differs from the shape')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(group(page, 'Box differs from the shape')).toHaveText(
    'Box differs from the shape (1)',
  );

  for (const [title, fix] of [
    ['Box differs from the shape', 'Recompute area and bbox'],
    ['Area differs from the shape', 'Recompute area and bbox'],
    ['Outside their image', 'Clip to the image'],
    ['Shapes with no area', 'Delete'],
    ['Duplicate annotations', 'Delete'],
    ['Annotations of unknown images', 'Delete'],
    ['Annotations of unknown categories', 'Delete'],
    ['Duplicate annotation ids', 'Give a new id'],
    ['Polygons with fewer than 3 points', 'Drop the short parts'],
    ['Unused categories', 'Delete category'],
  ] as const) {
    await problems(page)
      .getByRole('button', { name: `${fix}: all 1 ${title.toLowerCase()}` })
      .click();
    await expect(group(page, title)).toHaveCount(0);
  }
  // What has no obvious fix stays listed.
  for (const title of [
    'Self-intersecting polygons',
    'Keypoints outside their box',
    'Images without annotations',
  ])
    await expect(group(page, title)).toHaveText(`${title} (1)`);
  await expectStatus(page, 3, 10, 2);

  const { bytes } = await download(page, 'Export JSON');
  const out = JSON.parse(bytes.toString('utf8')) as Json;
  const byId = new Map(out.annotations.map((a) => [a.id, a]));
  expect(out.annotations.map((a) => a.id)).toEqual([1, 2, 3, 4, 6, 8, 16, 13, 14, 15]);
  expect(byId.get(1)!.segmentation).toEqual([[90, 10, 100, 10, 100, 40, 90, 40]]);
  expect(byId.get(1)!.bbox).toEqual([90, 10, 10, 30]);
  expect(byId.get(2)!.bbox).toEqual([10, 10, 20, 20]);
  expect(byId.get(3)!.area).toBe(400);
  expect(byId.get(16)!.bbox).toEqual([40, 40, 5, 5]);
  expect(out.categories.map((c) => c.name)).toEqual(['a', 'b']);
});

/** A table behind a chart, as label → the numbers in its row. */
async function chartTable(panel: Locator, title: string): Promise<Map<string, number[]>> {
  const figure = panel
    .locator('figure')
    .filter({ has: panel.page().getByRole('img', { name: title, exact: true }) });
  await figure.getByText('Table', { exact: true }).click();
  // Read once it is shown: .all() does not wait, and would read no rows before the table renders.
  const table = figure.getByRole('table', { name: title });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const rows = await table.locator('tbody tr').all();
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const cells = await row.locator('th, td').allTextContents();
    out.set(cells[0]!, cells.slice(1).map(Number));
  }
  return out;
}

/** Which bin of the chart labels (`0`, `4–5`, `51+`, `< 3`) a whole number falls in. */
function binOf(labels: string[], v: number): string {
  for (const label of labels) {
    const range = /^(\d+)–(\d+)$/.exec(label);
    if (range && v >= Number(range[1]) && v <= Number(range[2])) return label;
    if (/^\d+\+$/.test(label) && v >= parseInt(label, 10)) return label;
    if (/^< \d+$/.test(label) && v < Number(label.slice(2))) return label;
    if (/^\d+$/.test(label) && v === Number(label)) return label;
  }
  throw new Error(`${v} is in no bin of ${labels.join(', ')}`);
}

test('statistics agree with counts computed from the file, and a bar filters the images', async ({
  page,
}) => {
  const file = generateCoco({ images: 120, annotations: 900, seed: 11 }) as unknown as Json;
  file.annotations.forEach((a, i) => {
    if (i % 3 === 0) a.score = (i % 100) / 100;
  });
  await page.goto('/');
  await openFiles(page, [payload('generated.json', JSON.stringify(file))]);
  await expectStatus(page, 120, 900, 80);
  await page.getByRole('tab', { name: 'Dataset' }).click();
  const panel = page.getByRole('region', { name: 'Statistics' });

  const perCategory = await chartTable(panel, 'Annotations per category');
  for (const c of file.categories) {
    const of = file.annotations.filter((a) => a.category_id === c.id);
    expect([c.name, perCategory.get(c.name)]).toEqual([
      c.name,
      [of.length, of.filter((a) => a.iscrowd === 1).length],
    ]);
  }

  const sizes = await chartTable(panel, 'Size (COCO: small < 32², medium < 96²)');
  const small = file.annotations.filter((a) => a.area < 32 ** 2).length;
  const medium = file.annotations.filter((a) => a.area >= 32 ** 2 && a.area < 96 ** 2).length;
  expect(Object.fromEntries(sizes)).toEqual({
    small: [small],
    medium: [medium],
    large: [file.annotations.length - small - medium],
  });

  const perImage = await chartTable(panel, 'Annotations per image');
  const expectedPerImage = new Map([...perImage.keys()].map((k) => [k, 0]));
  for (const image of file.images) {
    const bin = binOf(
      [...perImage.keys()],
      file.annotations.filter((a) => a.image_id === image.id).length,
    );
    expectedPerImage.set(bin, expectedPerImage.get(bin)! + 1);
  }
  expect(Object.fromEntries(perImage)).toEqual(
    Object.fromEntries([...expectedPerImage].map(([k, v]) => [k, [v]])),
  );

  const vertices = await chartTable(panel, 'Polygon vertices');
  const expectedVertices = new Map([...vertices.keys()].map((k) => [k, 0]));
  for (const a of file.annotations)
    if (Array.isArray(a.segmentation))
      for (const part of a.segmentation as number[][]) {
        const bin = binOf([...vertices.keys()], part.length / 2);
        expectedVertices.set(bin, expectedVertices.get(bin)! + 1);
      }
  expect(Object.fromEntries(vertices)).toEqual(
    Object.fromEntries([...expectedVertices].map(([k, v]) => [k, [v]])),
  );

  const imageSizes = await chartTable(panel, 'Image sizes');
  for (const [label, [count]] of imageSizes) {
    const [w, h] = label.split('×').map(Number);
    expect([label, count]).toEqual([
      label,
      file.images.filter((i) => i.width === w && i.height === h).length,
    ]);
  }

  const scores = await chartTable(panel, 'Scores');
  const scored = file.annotations.filter((a) => a.score !== undefined);
  expect([...scores.values()].reduce((s, [c]) => s + c!, 0)).toBe(scored.length);
  expect(scores.get('.9–1')![0]).toBe(scored.filter((a) => a.score! >= 0.9).length);

  // A category's bar lists the images that have it.
  const car = file.categories.find((c) => c.name === 'car')!;
  const withCar = new Set(
    file.annotations.filter((a) => a.category_id === car.id).map((a) => a.image_id),
  );
  await panel.getByRole('button', { name: /^car: \d+, show these images$/ }).click();
  await expect(page.getByText(`${withCar.size} of 120 images`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Images with label' })).toHaveValue('car');
});

test('the "problems" filter lists the images the checks find too, and follows their fixes', async ({
  page,
}) => {
  const polygon = [10, 10, 30, 10, 30, 30, 10, 30];
  const square = (id: number, image_id: number, bbox: number[]) => ({
    id,
    image_id,
    category_id: 1,
    segmentation: [polygon],
    area: 400,
    bbox,
    iscrowd: 0,
  });
  const dataset = {
    images: ['clean', 'wrong-box', 'mask-size', 'also-clean'].map((name, i) => ({
      id: i + 1,
      file_name: `${name}.png`,
      width: 60,
      height: 40,
    })),
    categories: [{ id: 1, name: 'thing' }],
    annotations: [
      square(1, 1, [10, 10, 20, 20]),
      // Found only by the deeper checks: the box disagrees with the polygon.
      square(2, 2, [0, 0, 50, 35]),
      // Found on reading: a mask of another size than its image.
      {
        ...square(3, 3, [0, 0, 50, 40]),
        segmentation: { size: [40, 50], counts: [0, 2000] },
        area: 2000,
        iscrowd: 1,
      },
      square(4, 4, [10, 10, 20, 20]),
    ],
  };
  await page.goto('/');
  await openFiles(page, [payload('filter.json', JSON.stringify(dataset))]);
  await expectStatus(page, 4, 4, 1);
  const rows = page.getByRole('list', { name: 'Images' }).getByRole('listitem');
  // The problems panel was never opened: ticking the filter runs the checks.
  await page.getByRole('checkbox', { name: 'problems' }).check();
  await expect(rows).toHaveText([/wrong-box\.png/, /mask-size\.png/]);
  await expect(rows.first().getByTitle(/^problems found by the checks: /)).toBeVisible();

  await page.getByRole('tab', { name: 'Problems' }).click();
  await group(page, 'Box differs from the shape').click();
  await problems(page).getByRole('button', { name: 'Recompute area and bbox: #2' }).click();
  await expect(group(page, 'Box differs from the shape')).toHaveCount(0);
  // Filtering again after the fix: only the problem found on reading is left.
  await page.getByRole('checkbox', { name: 'problems' }).uncheck();
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).getByTitle(/^problems /)).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'problems' }).check();
  await expect(rows).toHaveText([/mask-size\.png/]);
});
