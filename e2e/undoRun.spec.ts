import { expect, test, type Page } from '@playwright/test';
import { openEditDataset } from './fixtures';

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const edits = (page: Page) => page.locator('.undo-redo .edits');

/** Key presses faster than the engine answers: each its own task, as key repeat sends them. */
function press(page: Page, keys: string[]) {
  return page.evaluate(async (sequence) => {
    const hop = new MessageChannel();
    for (const key of sequence) {
      const mod = key.startsWith('Ctrl+');
      const name = key.replace(/^Ctrl\+(Shift\+)?/, '');
      window.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: key.includes('Shift+') ? name.toUpperCase() : name,
          ctrlKey: mod,
          shiftKey: key.includes('Shift+'),
        }),
      );
      await new Promise<void>((resolve) => {
        hop.port1.onmessage = () => resolve();
        hop.port2.postMessage(null);
      });
    }
  }, keys);
}

test('Ctrl+Z held down undoes every edit; Ctrl+Z and Ctrl+Shift+Z in turn keep the history', async ({
  page,
}) => {
  await openEditDataset(page);
  await rows(page).filter({ hasText: '#2' }).click();
  // 29 labels in turn: apple, banana, apple, … (the last is apple; #2 was banana).
  await press(
    page,
    Array.from({ length: 29 }, (_, i) => (i % 2 === 0 ? '1' : '2')),
  );
  await expect(edits(page)).toHaveText('29 edits');
  await expect(rows(page).nth(1)).toHaveText(/^apple #2/);
  await expect(rows(page).nth(1)).toContainText('edited');

  await press(page, Array<string>(29).fill('Ctrl+z'));
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(edits(page)).toHaveCount(0);
  await expect(rows(page).nth(1)).toHaveText(/^banana #2/);
  await expect(rows(page).nth(1)).not.toContainText('edited');
  // Relabels keep the annotation keys: the selection stays.
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');

  // Redo, undo, … 31 times: one redo is left, the first label (apple).
  await press(
    page,
    Array.from({ length: 31 }, (_, i) => (i % 2 === 0 ? 'Ctrl+Shift+z' : 'Ctrl+z')),
  );
  await expect(edits(page)).toHaveText('1 edit');
  await expect(rows(page).nth(1)).toHaveText(/^apple #2/);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});
