import { expect, test, type Page } from '@playwright/test';
import { clickImage, expectStatus, openFiles, payload, waitForImage } from './helpers';

/** One 1000² image with 200 boxes in a 20 × 10 grid; every tenth is a crowd polygon. */
function gridDataset() {
  const annotations = Array.from({ length: 200 }, (_, i) => {
    const [x, y] = [(i % 20) * 50 + 5, Math.floor(i / 20) * 100 + 5];
    const crowd = i % 10 === 9;
    return {
      id: i + 1,
      image_id: 1,
      category_id: (i % 3) + 1,
      bbox: [x, y, 40, 40],
      area: 1600,
      iscrowd: crowd ? 1 : 0,
      segmentation: crowd ? [[x, y, x + 40, y, x + 40, y + 40, x, y + 40]] : [],
    };
  });
  return {
    images: [{ id: 1, file_name: 'grid.jpg', width: 1000, height: 1000 }],
    annotations,
    categories: ['cat', 'dog', 'fox'].map((name, i) => ({ id: i + 1, name })),
  };
}

async function openGrid(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await openFiles(page, [payload('grid.json', JSON.stringify(gridDataset()))]);
  await expectStatus(page, 1, 200, 3);
  await waitForImage(page, 0);
}

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

test('a shape selected on the canvas: its editor is pinned in view and its row scrolled to', async ({
  page,
}) => {
  await openGrid(page);
  // The last box of the grid: its row is the 200th, far below the panel's fold.
  await clickImage(page, 975, 925);
  const row = rows(page).nth(199);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(page.getByRole('combobox', { name: 'Category' })).toBeInViewport();
  // Another, near the top: the list scrolls back; the editor stays where it is.
  await clickImage(page, 25, 25);
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).first()).toBeInViewport();
  await expect(page.getByRole('combobox', { name: 'Category' })).toBeInViewport();
});

test('the annotation list shows what the canvas draws: crowd only, hidden categories', async ({
  page,
}) => {
  await openGrid(page);
  await expect(rows(page)).toHaveCount(200);
  await page.getByRole('checkbox', { name: 'Crowd only' }).check();
  await expect(rows(page)).toHaveCount(20);
  await expect(page.getByRole('heading', { name: 'Annotations (20 of 200)' })).toBeVisible();
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('crowd');
  await page.getByRole('checkbox', { name: 'Crowd only' }).uncheck();
  await expect(rows(page)).toHaveCount(200);

  await page.getByRole('tab', { name: 'Categories' }).click();
  await page.getByRole('checkbox', { name: 'Show dog' }).uncheck();
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const notDogs = gridDataset().annotations.filter((a) => a.category_id !== 2).length;
  await expect(rows(page)).toHaveCount(notDogs);
  for (const text of await rows(page).allInnerTexts()) expect(text).not.toMatch(/^dog/);
});

test('rows of two files of one subset with the same id are told apart', async ({ page }) => {
  const image = { id: 1, file_name: 'a.jpg', width: 100, height: 100 };
  const instances = {
    images: [image],
    annotations: [{ id: 7, image_id: 1, category_id: 1, bbox: [1, 1, 9, 9], area: 81, iscrowd: 0 }],
    categories: [{ id: 1, name: 'person' }],
  };
  const keypoints = {
    images: [image],
    annotations: [
      {
        id: 7,
        image_id: 1,
        category_id: 1,
        bbox: [20, 20, 9, 9],
        area: 81,
        iscrowd: 0,
        keypoints: [25, 25, 2],
        num_keypoints: 1,
      },
    ],
    categories: [{ id: 1, name: 'person', keypoints: ['nose'], skeleton: [] }],
  };
  await page.goto('/');
  await openFiles(page, [
    payload('instances_val.json', JSON.stringify(instances)),
    payload('person_keypoints_val.json', JSON.stringify(keypoints)),
  ]);
  await expectStatus(page, 1, 2, 1);
  await expect(rows(page)).toHaveText([
    /person #7 .*· instances/,
    /person #7 .*· person_keypoints/,
  ]);
});

test('a subset of two files is one dataset to the checks: an image is empty only when no file annotates it', async ({
  page,
}) => {
  const images = [1, 2, 3].map((id) => ({ id, file_name: `${id}.jpg`, width: 100, height: 100 }));
  const box = (id: number, image: number) => ({
    id,
    image_id: image,
    category_id: 1,
    bbox: [10, 10, 20, 20],
    area: 400,
    iscrowd: 0,
    segmentation: [[10, 10, 30, 10, 30, 30, 10, 30]],
  });
  const file = (annotations: object[], category: object) =>
    JSON.stringify({ images, annotations, categories: [{ id: 1, name: 'person', ...category }] });
  const withNose = { ...box(2, 2), keypoints: [15, 15, 2], num_keypoints: 1 };
  await page.goto('/');
  await openFiles(page, [
    payload('instances_val.json', file([box(1, 1)], {})),
    payload('person_keypoints_val.json', file([withNose], { keypoints: ['nose'], skeleton: [] })),
  ]);
  await expectStatus(page, 3, 2, 1);
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  // Each file alone leaves two images empty (four in all); the subset leaves one: 3.jpg.
  const empty = problems.getByRole('button', { name: /^Images without annotations \(/ });
  await expect(empty).toHaveText('Images without annotations (1)');
  await empty.click();
  await expect(problems).toContainText('3.jpg has no annotation');
});
