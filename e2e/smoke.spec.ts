import { expect, test } from '@playwright/test';

test('the app opens and offers to open files', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open files' })).toBeVisible();
  await expect(page.getByLabel('Dataset files')).toBeAttached();
});
