import { expect, test, type Page } from '@playwright/test';
import { openEditDataset } from './fixtures';
import { clickImage, dragImage, expectStatus, pickLabel, screenPoint } from './helpers';

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const facts = (page: Page) =>
  page.getByRole('region', { name: 'Edit annotation' }).locator('.facts');
/** The selected annotation's bbox as the inspector shows it, close to `want` (a mouse moves in screen pixels). */
async function expectBbox(page: Page, want: number[], tolerance = 0.3) {
  await expect(async () => {
    const text = (await facts(page).textContent()) ?? '';
    const got = /bbox\s*([-\d., ]+?)(?:points|$)/.exec(text)?.[1]?.split(',').map(Number) ?? [];
    expect(got).toHaveLength(4);
    got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(tolerance));
  }).toPass();
}

const undo = (page: Page) => page.getByRole('button', { name: 'Undo' }).click();
const redo = (page: Page) => page.getByRole('button', { name: 'Redo' }).click();

test.beforeEach(async ({ page }) => {
  await openEditDataset(page);
});

test('change a category, undo and redo', async ({ page }) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await pickLabel(page, 'banana');
  await expect(rows(page).first()).toHaveText(/^banana #1 box/);
  await expect(rows(page).first()).toContainText('edited');
  await undo(page);
  await expect(rows(page).first()).toHaveText(/^apple #1 box$/);
  await redo(page);
  await expect(rows(page).first()).toHaveText(/^banana #1/);
  await expect(page.getByText('1 edit')).toBeVisible();
});

test('label with a digit key, and undo with Ctrl+Z', async ({ page }) => {
  await rows(page).filter({ hasText: '#2' }).click();
  await page.locator('.canvas').focus();
  await page.keyboard.press('1');
  await expect(rows(page).nth(1)).toHaveText(/^apple #2/);
  await page.keyboard.press('Control+z');
  await expect(rows(page).nth(1)).toHaveText(/^banana #2/);
  await page.keyboard.press('Control+Shift+z');
  await expect(rows(page).nth(1)).toHaveText(/^apple #2/);
});

test('toggle is_crowd, undo and redo', async ({ page }) => {
  await rows(page).filter({ hasText: '#2' }).click();
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  // A polygon marked crowd shows the RLE it would become first; the flag alone is set.
  await page.getByRole('button', { name: 'Only set the flag' }).click();
  await expect(rows(page).nth(1)).toContainText('crowd');
  await expect(page.getByRole('checkbox', { name: 'is_crowd' })).toBeChecked();
  await undo(page);
  await expect(page.getByRole('checkbox', { name: 'is_crowd' })).not.toBeChecked();
  await redo(page);
  await expect(page.getByRole('checkbox', { name: 'is_crowd' })).toBeChecked();
});

test('set a score, change it, remove it; undo each', async ({ page }) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await page.getByRole('button', { name: 'Add score' }).click();
  const score = page.getByRole('spinbutton', { name: 'score' });
  await expect(score).toHaveValue('1');
  await score.fill('0.8');
  await score.press('Enter');
  await expect(rows(page).first()).toContainText('0.80');
  await undo(page);
  await expect(score).toHaveValue('1');
  await page.getByRole('button', { name: 'Remove score' }).click();
  await expect(page.getByRole('spinbutton', { name: 'score' })).toHaveCount(0);
  await undo(page);
  await expect(score).toHaveValue('1');
});

test('add an attribute, set it, undo and redo', async ({ page }) => {
  await rows(page).filter({ hasText: '#2' }).click();
  await page.getByLabel('New attribute name').fill('truncated');
  await page.getByLabel('New attribute type').selectOption('boolean');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const truncated = page.getByRole('checkbox', { name: 'truncated', exact: true });
  await expect(truncated).not.toBeChecked();
  await truncated.check();
  await expect(truncated).toBeChecked();
  await page.getByLabel('New attribute name').fill('note');
  await page.getByLabel('New attribute type').selectOption('text');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  await page.getByRole('textbox', { name: 'note', exact: true }).fill('ripe');
  await page.getByRole('textbox', { name: 'note', exact: true }).press('Enter');
  await undo(page);
  await expect(page.getByRole('textbox', { name: 'note', exact: true })).toHaveValue('');
  await undo(page);
  await undo(page);
  await expect(truncated).not.toBeChecked();
  await undo(page);
  await expect(truncated).toHaveCount(0);
  await redo(page);
  await expect(truncated).not.toBeChecked();
});

test('move a box by dragging it; undo and redo', async ({ page }) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await dragImage(page, [40, 35], [50, 40]);
  await expectBbox(page, [30, 25, 40, 30]);
  await undo(page);
  await rows(page).filter({ hasText: '#1' }).click();
  await expectBbox(page, [20, 20, 40, 30], 0);
  await redo(page);
  await rows(page).filter({ hasText: '#1' }).click();
  await expectBbox(page, [30, 25, 40, 30]);
});

test('drag a polygon vertex; area and bbox follow; undo', async ({ page }) => {
  await rows(page).filter({ hasText: '#2' }).click();
  await dragImage(page, [160, 20], [170, 10]);
  await expectBbox(page, [100, 10, 70, 70]);
  await undo(page);
  await rows(page).filter({ hasText: '#2' }).click();
  await expectBbox(page, [100, 20, 60, 60], 0);
  await expect(facts(page)).toContainText(/area\s*3600/);
});

test('delete with the Delete key and the button; undo brings them back', async ({ page }) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await page.locator('.canvas').focus();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(1);
  await expectStatus(page, 1, 1, 2);
  await rows(page).first().click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rows(page)).toHaveCount(0);
  await undo(page);
  await undo(page);
  await expect(rows(page)).toHaveText([/^apple #1/, /^banana #2/]);
  await expectStatus(page, 1, 2, 2);
});

test('draw a box and a polygon with the current category; undo and redo', async ({ page }) => {
  await page.getByRole('button', { name: 'Draw box' }).click();
  await pickLabel(page, 'banana', { picker: 'Draw as' });
  await dragImage(page, [10, 60], [50, 90]);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(2)).toHaveText(/^banana #3 polygon/);
  await page.getByRole('button', { name: 'Draw polygon' }).click();
  for (const [x, y] of [
    [170, 30],
    [190, 30],
    [190, 60],
  ]) {
    await clickImage(page, x!, y!);
  }
  await clickImage(page, 170, 30);
  await expect(rows(page)).toHaveCount(4);
  await expect(rows(page).nth(3)).toHaveText(/^banana #4 polygon/);
  await expectBbox(page, [170, 30, 20, 30]);
  await undo(page);
  await expect(rows(page)).toHaveCount(3);
  await redo(page);
  await expect(rows(page)).toHaveCount(4);
  await expectStatus(page, 1, 4, 2);
});

test('space-drag pans while a drawing tool is on, without drawing', async ({ page }) => {
  await page.getByRole('button', { name: 'Draw box' }).click();
  const before = await screenPoint(page, 0, 0);
  await page.keyboard.down('Space');
  await dragImage(page, [10, 10], [40, 30]);
  await page.keyboard.up('Space');
  await expect(rows(page)).toHaveCount(2);
  const after = await screenPoint(page, 0, 0);
  expect(after.x - before.x).toBeGreaterThan(20);
});

test('categories: add, rename, merge, delete with a choice; undo each', async ({ page }) => {
  await page.getByRole('tab', { name: 'Categories' }).click();
  const panel = page.getByRole('region', { name: 'Categories' });
  await panel.getByLabel('New category name').fill('cherry');
  await panel.getByRole('button', { name: 'Add category' }).click();
  await expectStatus(page, 1, 2, 3);

  await panel.getByRole('button', { name: 'Edit apple' }).click();
  await panel.getByRole('textbox', { name: 'Category name', exact: true }).fill('pear');
  await panel.getByRole('textbox', { name: 'Category name', exact: true }).press('Enter');
  await expect(panel.getByRole('checkbox', { name: 'Show pear' })).toBeVisible();

  // Delete "pear" (its editor is still open): its one annotation moves to the category chosen.
  const editor = panel.getByRole('group', { name: 'Edit category pear' });
  await expect(editor).toContainText('Delete pear (1 annotation)');
  await pickLabel(page, 'cherry', { picker: 'Other category' });
  await editor.getByRole('radio', { name: /move them to cherry/ }).check();
  await editor.getByRole('button', { name: 'Delete category' }).click();
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(rows(page).first()).toHaveText(/^cherry #1/);

  // Merge banana into cherry, then delete cherry and its annotations.
  await page.getByRole('tab', { name: 'Categories' }).click();
  await panel.getByRole('button', { name: 'Edit banana' }).click();
  await panel
    .getByRole('group', { name: 'Edit category banana' })
    .getByRole('button', { name: 'Merge into cherry' })
    .click();
  await expectStatus(page, 1, 2, 1);
  await panel.getByRole('button', { name: 'Edit cherry' }).click();
  const cherry = panel.getByRole('group', { name: 'Edit category cherry' });
  await expect(cherry).toContainText('Delete cherry (2 annotations)');
  await cherry.getByRole('button', { name: 'Delete category' }).click();
  await expectStatus(page, 1, 0, 0);

  for (let i = 0; i < 5; i++) await undo(page);
  await expectStatus(page, 1, 2, 2);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(rows(page)).toHaveText([/^apple #1/, /^banana #2/]);
});

test('edits survive a reload: the session is restored with every edit', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await rows(page).filter({ hasText: '#1' }).click();
  await pickLabel(page, 'banana');
  await page.getByRole('checkbox', { name: 'is_crowd' }).check();
  await rows(page).filter({ hasText: '#2' }).click();
  await page.getByRole('button', { name: 'Add score' }).click();
  await page.getByRole('button', { name: 'Draw box' }).click();
  await dragImage(page, [10, 60], [50, 90]);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByText('4 edits')).toBeVisible();
  await expect(page.getByLabel('Autosave')).toHaveText('Saved');

  await page.reload();
  const prompt = page.getByRole('dialog', { name: 'Restore session' });
  await expect(prompt).toContainText('edit.json');
  await expect(prompt).toContainText('4 edits');
  await prompt.getByRole('button', { name: 'Restore session' }).click();
  await expectStatus(page, 1, 3, 2);
  await expect(rows(page)).toHaveText([
    /^banana #1 box.*crowd.*edited/,
    /^banana #2 polygon.*edited.*1\.00/,
    /^apple #3 polygon.*edited/,
  ]);
  await expect(page.getByText('4 edits')).toBeVisible();
  // The restored history can be undone step by step.
  await undo(page);
  await expect(rows(page)).toHaveCount(2);
});

test('a viewer who edits nothing leaves no session to restore', async ({ page }) => {
  await rows(page).filter({ hasText: '#1' }).click();
  await expect(page.getByLabel('Autosave')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open sample' })).toBeVisible();
  await expect(page.locator('.app')).toHaveAttribute('data-sessions-checked', 'true');
  await expect(page.getByRole('dialog', { name: 'Restore session' })).toHaveCount(0);
});
