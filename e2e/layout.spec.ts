import { expect, test, type Page } from '@playwright/test';
import { expectStatus } from './helpers';

async function openSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: "Try the sample with a model's predictions" }).click();
  await expectStatus(page, 4, 28, 6);
  await expect(page.locator('.canvas')).toHaveAttribute('data-image', '0:0');
}

const widthOf = async (page: Page, selector: string) =>
  (await page.locator(selector).boundingBox())?.width ?? 0;

test.describe('at 900 × 800', () => {
  test.use({ viewport: { width: 900, height: 800 } });

  test('the canvas keeps 500 px beside both panels, and nothing is cut off', async ({ page }) => {
    await openSample(page);
    expect(await widthOf(page, '.canvas')).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('list', { name: 'Images' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Annotations' })).toBeVisible();
    // Every toolbar and view bar control lies inside the window.
    const controls = page.locator('.toolbar button, .viewbar button, .viewbar select');
    for (const box of await controls.evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    )) {
      expect(box.right).toBeLessThanOrEqual(900);
      expect(box.width).toBeGreaterThan(0);
    }
  });

  test('L and D hide and show the side panels; the canvas takes the room', async ({ page }) => {
    await openSample(page);
    const before = await widthOf(page, '.canvas');
    await page.locator('.canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await expect(page.getByRole('list', { name: 'Images' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Image list' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await page.keyboard.press('d');
    await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
    await expect.poll(() => widthOf(page, '.canvas')).toBe(900);
    expect(before).toBeLessThan(900);
    // The picture is fitted again to the wider canvas (the stage follows the element).
    const stage = page.locator('.canvas canvas').first();
    await expect.poll(async () => (await stage.boundingBox())?.width).toBe(900);

    await page.getByRole('button', { name: 'Image list' }).click();
    await page.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('list', { name: 'Images' })).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
    await expect.poll(() => widthOf(page, '.canvas')).toBe(before);
  });
});

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the panel tabs fit one row, none cut off', async ({ page }) => {
    await openSample(page);
    const list = page.getByRole('tablist', { name: 'Panels' });
    const listBox = (await list.boundingBox())!;
    const tabs = list.getByRole('tab');
    await expect(tabs).toHaveText([
      'Annotations',
      'Categories',
      'Problems',
      'Evaluation',
      'Dataset',
    ]);
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.y).toBe(listBox.y);
      expect(box.x + box.width).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
    }
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
