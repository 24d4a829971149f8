import { expect, test, type Page } from '@playwright/test';
import { expectStatus, openFiles, payload, pickLabel, waitForImage } from './helpers';

/** COCO's first labels, with the ones a native select's type-ahead confused ("bi…", "p…"). */
const NAMES: [number, string][] = [
  [1, 'person'],
  [2, 'bicycle'],
  [3, 'car'],
  [4, 'motorcycle'],
  [7, 'train'],
  [9, 'boat'],
  [12, 'parking meter'],
  [16, 'bird'],
];

function dataset(categories: { id: number; name: string }[], categoryIds: number[]) {
  return {
    images: [{ id: 1, file_name: 'a.png', width: 200, height: 100 }],
    annotations: categoryIds.map((category_id, i) => ({
      id: i + 1,
      image_id: 1,
      category_id,
      bbox: [10 + 60 * i, 10, 40, 40],
      area: 1600,
      iscrowd: 0,
    })),
    categories,
  };
}

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const picker = (page: Page) => page.getByRole('combobox', { name: 'Category', exact: true });
const options = (page: Page) =>
  page.getByRole('listbox', { name: 'Category', exact: true }).getByRole('option');
const editCount = (page: Page) => page.locator('.undo-redo .edits');

test.describe('the label picker', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    const categories = NAMES.map(([id, name]) => ({ id, name }));
    await openFiles(page, [payload('coco.json', JSON.stringify(dataset(categories, [1, 2, 3])))]);
    await expectStatus(page, 1, 3, NAMES.length);
    await waitForImage(page, 0);
  });

  test('C, "bicycle", Enter: the annotation is a bicycle, in one undo step', async ({ page }) => {
    await rows(page).filter({ hasText: '#1' }).click();
    await page.keyboard.press('c');
    await expect(picker(page)).toBeFocused();
    await page.keyboard.type('bicycle');
    await expect(options(page).first()).toHaveAccessibleName('bicycle');
    await page.keyboard.press('Enter');
    await expect(rows(page).first()).toHaveText(/^bicycle #1/);
    await expect(picker(page)).toHaveValue('bicycle');
    await expect(editCount(page)).toHaveText('1 edit');
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      'Undo Label as bicycle',
    );

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(rows(page).first()).toHaveText(/^person #1/);
    await expect(editCount(page)).toHaveCount(0);
  });

  test('Esc cancels: nothing changes and the field shows the label again', async ({ page }) => {
    await rows(page).filter({ hasText: '#1' }).click();
    await picker(page).fill('car');
    await expect(options(page).first()).toHaveAccessibleName('car');
    await picker(page).press('Escape');
    await expect(page.getByRole('listbox', { name: 'Category' })).toHaveCount(0);
    await expect(picker(page)).toHaveValue('person');
    await expect(rows(page).first()).toHaveText(/^person #1/);
    await expect(editCount(page)).toHaveCount(0);
    // The selection stays: Esc closed the picker only.
    await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
  });

  test('typing an id picks the category with that id', async ({ page }) => {
    await rows(page).filter({ hasText: '#2' }).click();
    await pickLabel(page, '16', { name: 'bird' });
    await expect(rows(page).nth(1)).toHaveText(/^bird #2/);
  });

  test('arrow keys move through the matches; a click commits', async ({ page }) => {
    await rows(page).filter({ hasText: '#1' }).click();
    await picker(page).fill('b');
    // Name starts first (bicycle, boat, bird), then names with a "b" inside (motorcycle has none).
    await expect(options(page)).toHaveText([/^bicycle/, /^boat/, /^bird/]);
    await picker(page).press('ArrowDown');
    await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    const boat = await options(page).nth(1).getAttribute('id');
    await expect(picker(page)).toHaveAttribute('aria-activedescendant', boat!);
    await picker(page).press('Enter');
    await expect(rows(page).first()).toHaveText(/^boat #1/);
    await picker(page).fill('mot');
    await options(page).first().click();
    await expect(rows(page).first()).toHaveText(/^motorcycle #1/);
    await expect(editCount(page)).toHaveText('2 edits');
  });

  test('the labels used last are listed first', async ({ page }) => {
    await rows(page).filter({ hasText: '#1' }).click();
    await pickLabel(page, 'train');
    await rows(page).filter({ hasText: '#2' }).click();
    await pickLabel(page, 'boat');
    await rows(page).filter({ hasText: '#3' }).click();
    await picker(page).press('ArrowDown');
    await expect(options(page).nth(0)).toHaveAccessibleName('boat');
    await expect(options(page).nth(1)).toHaveAccessibleName('train');
    await expect(options(page).nth(2)).toHaveAccessibleName('person');
  });

  test('several selected annotations are relabelled at once, as one undo step', async ({
    page,
  }) => {
    await rows(page).filter({ hasText: '#1' }).click();
    await rows(page)
      .filter({ hasText: '#2' })
      .click({ modifiers: ['Shift'] });
    await expect(picker(page)).toHaveValue('');
    await expect(picker(page)).toHaveAttribute('placeholder', '(several)');
    await pickLabel(page, 'parking meter');
    await expect(rows(page)).toHaveText([/^parking meter #1/, /^parking meter #2/, /^car #3/]);
    await expect(editCount(page)).toHaveText('1 edit');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(rows(page)).toHaveText([/^person #1/, /^bicycle #2/, /^car #3/]);
  });
});

test('200,000 categories: the picker and the Categories tab list a few, search finds any', async ({
  page,
}) => {
  const n = 200_000;
  const categories = Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `label ${i + 1}` }));
  await page.goto('/');
  await openFiles(page, [payload('many.json', JSON.stringify(dataset(categories, [1])))]);
  await expectStatus(page, 1, 1, n);
  await waitForImage(page, 0);

  await rows(page).first().click();
  await picker(page).press('ArrowDown');
  await expect(page.getByText('First 200 of 200,000 matches')).toBeVisible();
  // Only the rows in view are in the page (the list is virtualized).
  expect(await options(page).count()).toBeLessThan(30);
  await picker(page).press('Escape');
  await pickLabel(page, 'label 200000');
  await expect(rows(page).first()).toHaveText(/^label 200000 #1/);

  await page.getByRole('tab', { name: 'Categories' }).click();
  const panel = page.getByRole('region', { name: 'Categories' });
  const shown = panel.getByRole('checkbox', { name: /^Show / });
  await expect(shown.first()).toBeVisible();
  expect(await shown.count()).toBeLessThanOrEqual(100);
  await expect(panel).toContainText('First 100 of 200,000 categories');
  await panel.getByRole('searchbox', { name: 'Find category' }).fill('label 199999');
  await expect(
    panel.getByRole('checkbox', { name: 'Show label 199999', exact: true }),
  ).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Show label 199999', exact: true }).uncheck();
  await expect(
    panel.getByRole('checkbox', { name: 'Show label 199999', exact: true }),
  ).not.toBeChecked();
});
