/**
 * Every export reads back in the tool it is for, and the app never flags its own output:
 * drawn shapes land in the instances file, panoptic files open without false problems,
 * and what is not COCO is refused with a message.
 */
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import {
  corpusFile,
  corpusTree,
  download,
  dragImage,
  expectStatus,
  openFiles,
  waitForImage,
  zipOf,
} from './helpers';

type Json = {
  images: { id: number }[];
  annotations: Record<string, unknown>[];
  categories: Record<string, unknown>[];
};

const rows = (page: Page) => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

test('a file that is not COCO (CVAT XML converted to JSON) is refused, naming the file', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [corpusFile('quirks/not-coco-annotations-object.json')]);
  const alert = page.getByRole('alert').filter({ hasText: 'not-coco-annotations-object.json' });
  await expect(alert).toContainText(
    'annotations is an object, not a list: this is not a COCO file (CVAT XML converted to JSON?)',
  );
  await expect(page.getByRole('status')).not.toHaveText(/images ·/);
});

test('panoptic segment ids repeated across images: no duplicate-id problem, nothing badged edited', async ({
  page,
}) => {
  await page.goto('/');
  const dir = 'quirks/panoptic-repeated-ids';
  await openFiles(page, [
    corpusFile(`${dir}/panoptic.json`),
    corpusFile(`${dir}/a.png`),
    corpusFile(`${dir}/b.png`),
  ]);
  await expectStatus(page, 2, 4, 1);
  for (const image of [0, 1]) {
    if (image === 1)
      await page.getByRole('list', { name: 'Images' }).getByRole('listitem').nth(1).click();
    await waitForImage(page, image);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).filter({ hasText: 'edited' })).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(/\d+ problems?/);
  await expect(problems).not.toContainText('Duplicate annotation ids');
});

/** The train subset of Datumaro's all-tasks dataset: only the files named, and its picture. */
function trainZip(files: string[]) {
  const tree = corpusTree('datumaro/coco_dataset/coco');
  const picked: Record<string, Uint8Array> = { 'images/train/a.jpg': tree['images/train/a.jpg']! };
  for (const f of files) picked[`annotations/${f}`] = tree[`annotations/${f}`]!;
  return zipOf('coco.zip', picked);
}

async function drawBoxAndExport(page: Page, files: string[]) {
  await page.goto('/');
  await openFiles(page, [trainZip(files)]);
  await waitForImage(page, 0);
  const before = await rows(page).count();
  await page.getByRole('button', { name: 'Draw box' }).click();
  await expect(page.getByRole('combobox', { name: 'Box segmentation' })).toHaveValue('polygon');
  await dragImage(page, [1, 1], [4, 3]);
  await expect(rows(page)).toHaveCount(before + 1);
  const { bytes } = await download(page, 'Export zip');
  const zip = unzipSync(new Uint8Array(bytes));
  const read = (name: string) =>
    JSON.parse(Buffer.from(zip[`annotations/${name}`]!).toString('utf8')) as Json;
  return { zip, read };
}

function expectDrawnBox(file: Json) {
  const drawn = file.annotations.at(-1)!;
  const [x, y, w, h] = drawn.bbox as number[];
  expect(w! * h!).toBeGreaterThan(0);
  expect(drawn.segmentation).toEqual([[x, y, x! + w!, y, x! + w!, y! + h!, x, y! + h!]]);
  expect(drawn.iscrowd).toBe(0);
  return drawn;
}

test('a box drawn with instances, person_keypoints and labels open goes to the instances file, as a polygon, with a new id', async ({
  page,
}) => {
  const files = ['instances_train.json', 'person_keypoints_train.json', 'labels_train.json'];
  const { read } = await drawBoxAndExport(page, files);
  const tree = corpusTree('datumaro/coco_dataset/coco/annotations');
  for (const f of ['person_keypoints_train.json', 'labels_train.json'])
    expect(read(f)).toEqual(JSON.parse(Buffer.from(tree[f]!).toString('utf8')));
  const instances = read('instances_train.json');
  expect(instances.annotations).toHaveLength(2);
  // Every file has an annotation with id 1.
  expect(expectDrawnBox(instances).id).toBe(2);
});

test('a box drawn where the subset has no instances file makes instances_<subset>.json', async ({
  page,
}) => {
  const { zip, read } = await drawBoxAndExport(page, [
    'person_keypoints_train.json',
    'labels_train.json',
  ]);
  expect(Object.keys(zip).sort()).toEqual([
    'annotations/instances_train.json',
    'annotations/labels_train.json',
    'annotations/person_keypoints_train.json',
    'images/train/a.jpg',
  ]);
  const instances = read('instances_train.json');
  expect(instances.images.map((i) => i.id)).toEqual([5]);
  expect(instances.categories.every((c) => !('keypoints' in c))).toBe(true);
  expect(instances.annotations).toHaveLength(1);
  expect(expectDrawnBox(instances).id).toBe(2);
  expect(read('person_keypoints_train.json').annotations).toHaveLength(1);
});

test('a Roboflow subset folder "my train" exports as my_train in both annotations/ and images/', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [zipOf('roboflow.zip', corpusTree('quirks/roboflow-subset-space'))]);
  await expect(page.getByText('all pictures found')).toBeVisible();
  const { bytes } = await download(page, 'Export zip');
  const names = Object.keys(unzipSync(new Uint8Array(bytes))).sort();
  expect(names).toEqual(['annotations/instances_my_train.json', 'images/my_train/a.jpg']);
});
