/**
 * Nothing the user did is lost: an open that would replace edited work asks first, every
 * session stays saved until discarded (one per dataset and tab), autosave says whether it
 * wrote, and an export holds every edit asked for before it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editDataset } from './fixtures';
import { expectStatus, openFiles, payload, pickLabel, waitForImage } from './helpers';

/** Two images, three annotations, categories cat and dog: not to be confused with x.json. */
const otherDataset = {
  images: [
    { id: 1, file_name: 'one.png', width: 100, height: 100 },
    { id: 2, file_name: 'two.png', width: 100, height: 100 },
  ],
  annotations: [1, 2, 3].map((id) => ({
    id,
    image_id: id === 3 ? 2 : 1,
    category_id: 1,
    segmentation: [],
    area: 100,
    bbox: [10 * id, 10, 10, 10],
    iscrowd: 0,
  })),
  categories: [
    { id: 1, name: 'cat', supercategory: 'animal' },
    { id: 2, name: 'dog', supercategory: 'animal' },
  ],
};

const x = () => payload('x.json', JSON.stringify(editDataset));
const y = () => payload('y.json', JSON.stringify(otherDataset));
const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
const autosave = (page: Page) => page.getByLabel('Autosave');
const replaceDialog = (page: Page) => page.getByRole('dialog', { name: 'Unexported edits' });
const prompt = (page: Page) => page.getByRole('dialog', { name: 'Restore session' });
const saved = (page: Page, label: string) =>
  prompt(page).getByRole('listitem').filter({ hasText: label });

async function openX(page: Page) {
  await openFiles(page, [x()]);
  await expectStatus(page, 1, 2, 2);
  await waitForImage(page, 0);
}
async function openY(page: Page) {
  await openFiles(page, [y()]);
  await expectStatus(page, 2, 3, 2);
  await waitForImage(page, 0);
}
/** Labels annotation `#id` of the current image with the category named `option`. */
async function relabel(page: Page, id: number, option: string) {
  await rows(page)
    .filter({ hasText: `#${id}` })
    .click();
  await pickLabel(page, option);
  await expect(rows(page).filter({ hasText: `#${id}` })).toContainText('edited');
}

test.beforeEach(({ page }) => {
  // Reloading with unexported edits asks (beforeunload); the user says leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

test('opening another dataset over edits asks first; kept sessions come back with their own edits', async ({
  page,
}) => {
  await page.goto('/');
  await openX(page);
  await relabel(page, 1, 'banana');
  await expect(autosave(page)).toHaveText('Saved');

  await openFiles(page, [y()]);
  await expect(replaceDialog(page)).toContainText('y.json');
  await expect(replaceDialog(page)).toContainText('1 edit');
  await expect(replaceDialog(page).getByRole('button', { name: 'Export first' })).toBeFocused();
  await page.screenshot({ path: 'test-results/sessions-replace-dialog.png' });
  // Until it is answered, the dataset open stays, edits and all.
  await expectStatus(page, 1, 2, 2);
  await expect(rows(page).first()).toHaveText(/^banana #1/);
  await page.keyboard.press('Escape');
  await expect(replaceDialog(page)).toHaveCount(0);
  await expectStatus(page, 1, 2, 2);

  // "Export first" does not open either.
  await openFiles(page, [y()]);
  await replaceDialog(page).getByRole('button', { name: 'Export first' }).click();
  await expect(replaceDialog(page)).toHaveCount(0);
  await expectStatus(page, 1, 2, 2);

  await openFiles(page, [y()]);
  await replaceDialog(page).getByRole('button', { name: 'Keep session and open' }).click();
  await expectStatus(page, 2, 3, 2);
  await relabel(page, 1, 'dog');
  await relabel(page, 2, 'dog');
  await expect(autosave(page)).toHaveText('Saved');

  await page.reload();
  await expect(prompt(page).getByRole('listitem')).toHaveCount(2);
  await expect(saved(page, 'x.json')).toContainText('1 image · 2 annotations');
  await expect(saved(page, 'x.json')).toContainText('1 edit');
  await expect(saved(page, 'y.json')).toContainText('2 images · 3 annotations');
  await expect(saved(page, 'y.json')).toContainText('2 edits');
  await expect(saved(page, 'y.json')).toContainText('last edit');
  await page.screenshot({ path: 'test-results/sessions-restore-prompt.png' });

  await saved(page, 'x.json').getByRole('button', { name: 'Restore session x.json' }).click();
  await expectStatus(page, 1, 2, 2);
  await expect(rows(page)).toHaveText([/^banana #1 box.*edited/, /^banana #2 polygon$/]);
  await expect(page.getByText('1 edit', { exact: true })).toBeVisible();

  await page.reload();
  await expect(prompt(page).getByRole('listitem')).toHaveCount(2);
  await saved(page, 'y.json').getByRole('button', { name: 'Restore session y.json' }).click();
  await expectStatus(page, 2, 3, 2);
  await expect(rows(page)).toHaveText([/^dog #1 box.*edited/, /^dog #2 box.*edited/]);
  await expect(page.getByText('2 edits', { exact: true })).toBeVisible();
});

test('discarding edits and opening leaves no session of them; Discard removes a saved one', async ({
  page,
}) => {
  await page.goto('/');
  await openX(page);
  await relabel(page, 1, 'banana');
  await expect(autosave(page)).toHaveText('Saved');
  await openFiles(page, [y()]);
  await replaceDialog(page).getByRole('button', { name: 'Discard edits and open' }).click();
  await expectStatus(page, 2, 3, 2);
  await relabel(page, 1, 'dog');
  await expect(autosave(page)).toHaveText('Saved');

  await page.reload();
  await expect(prompt(page).getByRole('listitem')).toHaveCount(1);
  await expect(saved(page, 'y.json')).toContainText('1 edit');
  await saved(page, 'y.json').getByRole('button', { name: 'Discard session y.json' }).click();
  await expect(prompt(page)).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('data-sessions-checked', 'true');
  await expect(prompt(page)).toHaveCount(0);
});

test('two tabs editing two datasets lose nothing; a third tab lists both', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) p.on('dialog', (dialog) => void dialog.accept());
  await a.goto('/');
  await openX(a);
  await relabel(a, 1, 'banana');
  await b.goto('/');
  await openY(b);
  await relabel(b, 1, 'dog');
  await relabel(a, 2, 'apple');
  await expect(autosave(a)).toHaveText('Saved');
  await expect(autosave(b)).toHaveText('Saved');

  const c = await context.newPage();
  await c.goto('/');
  await expect(prompt(c).getByRole('listitem')).toHaveCount(2);
  await expect(saved(c, 'x.json')).toContainText('2 edits');
  await expect(saved(c, 'x.json')).toContainText('open in another tab');
  await expect(saved(c, 'y.json')).toContainText('1 edit');
  // A session another tab works on is not taken over: both would write it.
  await saved(c, 'x.json').getByRole('button', { name: 'Restore session x.json' }).click();
  await expect(saved(c, 'x.json').getByRole('alert')).toContainText('open in another tab');
  await expect(c.getByRole('status')).toHaveText('No dataset open');

  await a.close();
  await b.close();
  const d = await context.newPage();
  await d.goto('/');
  await saved(d, 'x.json').getByRole('button', { name: 'Restore session x.json' }).click();
  await expectStatus(d, 1, 2, 2);
  await expect(rows(d)).toHaveText([/^banana #1 box.*edited/, /^apple #2 polygon.*edited/]);
  await c.reload();
  await saved(c, 'y.json').getByRole('button', { name: 'Restore session y.json' }).click();
  await expectStatus(c, 2, 3, 2);
  await expect(rows(c)).toHaveText([/^dog #1 box.*edited/, /^cat #2 box$/]);
});

test('autosave that the browser refuses says "Not saved" and raises an alert', async ({ page }) => {
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200_000 });
  // 400 kB of json: more than the browser lets this origin keep.
  const big = { ...editDataset, info: { description: 'x'.repeat(400_000) } };
  await openFiles(page, [payload('big.json', JSON.stringify(big))]);
  await expectStatus(page, 1, 2, 2);
  await expect(autosave(page)).toHaveText('Saved');
  await relabel(page, 1, 'banana');
  await expect(autosave(page)).toHaveText("Not saved: the browser's storage is full — export now");
  await expect(page.getByRole('alert').filter({ hasText: 'Autosave' })).toContainText(
    'export them',
  );
  await page.screenshot({ path: 'test-results/sessions-not-saved.png' });
  // Keeping the session is no choice then: it could not be saved.
  await openFiles(page, [y()]);
  await expect(
    replaceDialog(page).getByRole('button', { name: 'Keep session and open' }),
  ).toBeDisabled();
});

test('an export right after 50 fast label keys holds the last label; edits after it ask again', async ({
  page,
}) => {
  await page.goto('/');
  await openX(page);
  await rows(page).filter({ hasText: '#1' }).click();
  // 50 label keys and the export click in one task, faster than the engine answers: the
  // export must wait for every edit on its way.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      for (let i = 0; i < 50; i++)
        window.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 === 0 ? '2' : '1' }));
      document.querySelector<HTMLButtonElement>('.export-buttons button:first-child')!.click();
    }),
  ]);
  const bytes = readFileSync((await file.path())!);
  const exported = JSON.parse(bytes.toString('utf8')) as typeof editDataset;
  // banana, apple, banana, …, apple: only the 50th edit gives apple back.
  expect(exported.annotations.find((a) => a.id === 1)?.category_id).toBe(1);
  await expect(page.getByText('50 edits', { exact: true })).toBeVisible();
  await expect(autosave(page)).toHaveText('Saved');

  // One edit after the export: that one is what the question is about.
  await relabel(page, 2, 'apple');
  await openFiles(page, [y()]);
  await expect(replaceDialog(page)).toContainText('which has 1 edit not exported');
  await replaceDialog(page).getByRole('button', { name: 'Cancel' }).click();
  // Undone back to what was exported: opening another dataset asks nothing.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('50 edits', { exact: true })).toBeVisible();
  await openY(page);
  await expect(replaceDialog(page)).toHaveCount(0);
  await relabel(page, 1, 'dog');
  await openFiles(page, [x()]);
  await expect(replaceDialog(page)).toContainText('which has 1 edit not exported');
  await expectStatus(page, 2, 3, 2);
});

test('a session saved in another format is refused with the reason, and kept', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.app')).toHaveAttribute('data-sessions-checked', 'true');
  await page.evaluate(async (json) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cocoscope');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['meta', 'files', 'history'], 'readwrite');
    const id = 'from-the-future';
    const meta = { id, label: 'old.json', images: 1, annotations: 2, edits: 3 };
    tx.objectStore('meta').put({ ...meta, createdAt: 1, lastEditAt: Date.now() }, id);
    tx.objectStore('files').put([{ path: 'old.json', file: new Blob([json]) }], id);
    tx.objectStore('history').put({ format: 7, history: [], view: {}, savedAt: 1 }, id);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, JSON.stringify(editDataset));
  await page.reload();
  const row = saved(page, 'old.json');
  await expect(row).toContainText('3 edits');
  await row.getByRole('button', { name: 'Restore session old.json' }).click();
  await expect(row.getByRole('alert')).toContainText('saved in another format (format 7');
  await expect(row.getByRole('alert')).toContainText('It stays saved');
  await expect(page.getByRole('status')).toHaveText('No dataset open');
  await page.reload();
  await expect(saved(page, 'old.json')).toBeVisible();
});

test('the one session the previous version saved is listed and restores', async ({ page }) => {
  await page.goto('/');
  await openX(page);
  await relabel(page, 1, 'banana');
  await expect(autosave(page)).toHaveText('Saved');
  // Rewrite it as version 1 stored it: one object store, the keys 'files' and 'state'.
  await page.evaluate(async () => {
    const request = (r: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const v2 = (await request(indexedDB.open('cocoscope'))) as IDBDatabase;
    const tx = v2.transaction(['meta', 'files', 'history']);
    const [meta] = (await request(tx.objectStore('meta').getAll())) as { id: string }[];
    const files = await request(tx.objectStore('files').get(meta!.id));
    const state = (await request(tx.objectStore('history').get(meta!.id))) as {
      format?: number;
    };
    delete state.format;
    v2.close();
    await request(indexedDB.deleteDatabase('cocoscope'));
    const open = indexedDB.open('cocoscope', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('session');
    const v1 = (await request(open)) as IDBDatabase;
    const write = v1.transaction('session', 'readwrite');
    write.objectStore('session').put({ label: 'x.json', files, savedAt: 1000 }, 'files');
    write.objectStore('session').put(state, 'state');
    await new Promise((resolve) => (write.oncomplete = resolve));
    v1.close();
  });
  await page.reload();
  await expect(saved(page, 'x.json')).toContainText('1 edit');
  await expect(saved(page, 'x.json')).toContainText('counts not recorded');
  await saved(page, 'x.json').getByRole('button', { name: 'Restore session x.json' }).click();
  await expectStatus(page, 1, 2, 2);
  await expect(rows(page)).toHaveText([/^banana #1 box.*edited/, /^banana #2 polygon$/]);
});

test('a session whose edits no longer apply opens its files without them, and stays saved', async ({
  page,
}) => {
  await page.goto('/');
  await openX(page);
  await relabel(page, 1, 'banana');
  await expect(autosave(page)).toHaveText('Saved');
  // The saved edit now expects a record the file does not hold.
  await page.evaluate(async () => {
    const request = (r: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = (await request(indexedDB.open('cocoscope'))) as IDBDatabase;
    const [meta] = (await request(db.transaction('meta').objectStore('meta').getAll())) as {
      id: string;
    }[];
    const tx = db.transaction('history', 'readwrite');
    const record = (await request(tx.objectStore('history').get(meta!.id))) as {
      history: { patch: { patch: { before: { category_id: number } }[] }[] }[];
    };
    record.history[0]!.patch[0]!.patch[0]!.before.category_id = 42;
    tx.objectStore('history').put(record, meta!.id);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await saved(page, 'x.json').getByRole('button', { name: 'Restore session x.json' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Restoring x.json' })).toContainText(
    'stays saved',
  );
  await expectStatus(page, 1, 2, 2);
  await expect(rows(page)).toHaveText([/^apple #1 box$/, /^banana #2 polygon$/]);
  await page.reload();
  await expect(saved(page, 'x.json')).toContainText('1 edit');
});
