import { expect, test, type Page } from '@playwright/test';
import { dropFiles, expectStatus, openFiles, payload, waitForImage } from './helpers';

/**
 * Browsing an evaluation: 40 images whose ground truths are detected exactly (hits), missed,
 * or joined by detections where nothing is (strays), in a plan where the image with most
 * misses comes late in file order. Three detections name an image the dataset lacks.
 */
const PLAN = Array.from({ length: 40 }, (_, i) => ({
  hits: i % 3,
  strays: (i * 7) % 4,
  missed: i === 33 ? 30 : (i * 5) % 6,
}));
const WORST_MISSES = 33;
const UNKNOWN = 3;
const name = (i: number) => `img${String(i).padStart(3, '0')}.png`;
const box = (k: number, y: number) => [5 + 22 * (k % 18), y + 22 * Math.floor(k / 18), 20, 20];

function crafted() {
  const images = PLAN.map((_, i) => ({ id: i + 1, file_name: name(i), width: 400, height: 300 }));
  const annotations = PLAN.flatMap((p, i) =>
    Array.from({ length: p.hits + p.missed }, (_, k) => ({
      id: 1000 * (i + 1) + k,
      image_id: i + 1,
      category_id: 1,
      bbox: box(k, 5),
      area: 400,
      iscrowd: 0,
    })),
  );
  const detection = (image_id: number, bbox: number[], score: number) => ({
    image_id,
    category_id: 1,
    bbox,
    score,
  });
  const detections = [
    ...PLAN.flatMap((p, i) => [
      ...Array.from({ length: p.hits }, (_, k) => detection(i + 1, box(k, 5), 0.9)),
      ...Array.from({ length: p.strays }, (_, k) => detection(i + 1, box(k, 200), 0.5)),
    ]),
    ...Array.from({ length: UNKNOWN }, () => detection(9999, box(0, 5), 0.7)),
  ];
  const gt = { images, categories: [{ id: 1, name: 'thing' }], annotations };
  return { gt, detections };
}

const images = (page: Page) => page.getByRole('list', { name: 'Images' }).getByRole('listitem');
const scroller = (page: Page) => page.getByLabel('Images, use arrow keys to move');
const scrollTopOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.scrollTop);

/** Opens the dataset, then drops its predictions on it, and waits for the verdicts. */
async function openEvaluated(page: Page) {
  const { gt, detections } = crafted();
  await page.goto('/');
  await openFiles(page, [payload('gt.json', JSON.stringify(gt))]);
  await expectStatus(page, PLAN.length, gt.annotations.length, 1);
  await dropFiles(page, [payload('dt.json', JSON.stringify(detections))]);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  const falsePositives = PLAN.reduce((n, p) => n + p.strays, 0);
  await expect(page.getByRole('list', { name: 'Verdicts' })).toContainText(
    `${falsePositives} false positives`,
  );
  return detections;
}

test('loading predictions says what was loaded', async ({ page }) => {
  const detections = await openEvaluated(page);
  const onImages = PLAN.filter((p) => p.hits + p.strays > 0).length;
  await expect(page.getByRole('log', { name: 'Predictions loaded' })).toHaveText(
    `dt.json: ${detections.length} predictions on ${onImages} images; ${UNKNOWN} name unknown image ids`,
  );
});

test('"most misses" puts the worst image first, scrolled to the top; rows show FP and misses', async ({
  page,
}) => {
  await openEvaluated(page);
  // Go to the last image with the keyboard: the list scrolls down to it.
  await scroller(page).focus();
  await page.keyboard.press('End');
  await waitForImage(page, PLAN.length - 1);
  await expect.poll(() => scrollTopOf(page, '.image-list .scroller')).toBeGreaterThan(0);

  await page.getByRole('combobox', { name: 'Sort images' }).selectOption('most misses');
  await expect(page.locator('.filter-count')).toHaveText(
    `${PLAN.length} images, most misses first`,
  );
  await expect(images(page).first()).toHaveAttribute('aria-posinset', '1');
  await expect(images(page).first()).toContainText(name(WORST_MISSES));
  await expect.poll(() => scrollTopOf(page, '.image-list .scroller')).toBe(0);

  // The rows in view, in order of misses, each with its false positives and misses.
  const byMisses = PLAN.map((p, i) => ({ ...p, i })).sort(
    (a, b) => b.missed - a.missed || a.i - b.i,
  );
  for (const [row, p] of byMisses.slice(0, 8).entries()) {
    const item = page.locator(`.image-list li[aria-posinset="${row + 1}"]`);
    await expect(item).toContainText(name(p.i));
    await expect(item.getByTitle(`${p.strays} false positives`)).toHaveText(`${p.strays} FP`);
    await expect(item.getByTitle(`${p.missed} missed`)).toHaveText(`${p.missed} miss`);
  }
});

test('"false positives" and "misses" together list the images with either', async ({ page }) => {
  await openEvaluated(page);
  const falsePositives = page.getByRole('checkbox', { name: 'images with false positives' });
  const misses = page.getByRole('checkbox', { name: 'or with misses' });
  const withFalsePositives = PLAN.filter((p) => p.strays > 0).length;
  const withEither = PLAN.filter((p) => p.strays > 0 || p.missed > 0).length;
  await falsePositives.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.filter-count')).toHaveText(
    `${withFalsePositives} of ${PLAN.length} images, most false positives first`,
  );
  await misses.focus();
  await page.keyboard.press('Space');
  await expect(falsePositives).toBeChecked();
  await expect(page.locator('.filter-count')).toHaveText(
    `${withEither} of ${PLAN.length} images, most false positives first`,
  );
  await expect(images(page).first()).toHaveAttribute('aria-setsize', String(withEither));
  await expect(page.getByRole('list', { name: 'Other filters' })).toContainText(
    'with false positives or misses',
  );
});

test('each side-panel tab keeps its own scroll', async ({ page }) => {
  await openEvaluated(page);
  // The image with 30 misses has a long annotation list.
  await scroller(page).focus();
  for (let i = 0; i < WORST_MISSES; i++) await page.keyboard.press('ArrowDown');
  await waitForImage(page, WORST_MISSES);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const lists = page.locator('.inspector-lists');
  await lists.hover();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => scrollTopOf(page, '.inspector-lists')).toBeGreaterThan(0);
  const annotationsScroll = await scrollTopOf(page, '.inspector-lists');

  await page.getByRole('tab', { name: 'Dataset' }).click();
  await page.locator('.tab-body').hover();
  await page.mouse.wheel(0, 600);
  await expect.poll(() => scrollTopOf(page, '.tab-body')).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByRole('list', { name: 'Verdicts' })).toBeVisible();
  expect(await scrollTopOf(page, '.tab-body')).toBe(0);

  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect.poll(() => scrollTopOf(page, '.inspector-lists')).toBe(annotationsScroll);
});
