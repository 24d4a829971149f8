import { expect, test, type Page } from '@playwright/test';
import {
  clickImage,
  download,
  dragImage,
  expectStatus,
  openFiles,
  payload,
  pixelAt,
  waitForImage,
} from './helpers';

/**
 * One person on a 200 × 100 image: right_eye is not labeled (0, 0, 0), right_ear is
 * occluded, and a sixth point lies past the five names. The skeleton is 1-based: its
 * bone [1, 3] ends at the unlabeled right_eye (a line to (0, 0) if drawn), and [5, 6]
 * joins a point the category does not name (reported, not drawn).
 */
const dataset = {
  images: [{ id: 1, file_name: 'person.png', width: 200, height: 100 }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      bbox: [30, 20, 160, 75],
      area: 4000,
      iscrowd: 0,
      keypoints: [40, 50, 2, 60, 30, 2, 0, 0, 0, 100, 50, 2, 150, 60, 1, 180, 90, 2],
      num_keypoints: 5,
    },
  ],
  categories: [
    {
      id: 1,
      name: 'person',
      keypoints: ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'],
      skeleton: [
        [1, 2],
        [1, 3],
        [2, 4],
        [4, 5],
        [5, 6],
      ],
    },
  ],
};
const original = JSON.stringify(dataset, null, 2);

const points = (page: Page) => page.getByRole('list', { name: 'Keypoints' });
const editor = (page: Page) => page.getByRole('region', { name: 'Edit keypoints' });

async function open(page: Page) {
  await page.goto('/');
  await openFiles(page, [payload('person_keypoints_val.json', original)]);
  await expectStatus(page, 1, 1, 1);
  await waitForImage(page, 0);
  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await expect(points(page)).toBeVisible();
}

async function exported(page: Page): Promise<{ text: string; keypoints: number[]; num: number }> {
  const { bytes } = await download(page, 'Export JSON');
  const text = bytes.toString('utf8');
  const [a] = (
    JSON.parse(text) as { annotations: { keypoints: number[]; num_keypoints: number }[] }
  ).annotations;
  return { text, keypoints: a!.keypoints, num: a!.num_keypoints };
}

/** What the canvas shows where nothing is drawn. */
const background = (page: Page) => pixelAt(page, 5, 95);

test('a keypoint dragged, hidden and restored round-trips through export; undo', async ({
  page,
}) => {
  await open(page);
  const empty = await background(page);
  await dragImage(page, [60, 30], [60, 10]);
  // The point is drawn at its new place, and no longer at the old one.
  await expect.poll(() => pixelAt(page, 60, 10)).not.toEqual(empty);
  await expect.poll(() => pixelAt(page, 60, 30)).toEqual(empty);

  await clickImage(page, 60, 10);
  await expect(page.getByText('Current point: left_eye')).toBeVisible();
  await page.keyboard.press('0');
  await expect(points(page).getByRole('button', { name: 'left_eye · not labeled' })).toBeVisible();
  await expect(editor(page)).toContainText('num_keypoints: 4');
  await page.keyboard.press('2');
  await expect(points(page).getByRole('button', { name: 'left_eye · visible' })).toBeVisible();
  await expect(editor(page)).toContainText('num_keypoints: 5');

  const after = await exported(page);
  expect(Math.abs(after.keypoints[3]! - 60)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(after.keypoints[4]! - 10)).toBeLessThanOrEqual(0.5);
  expect(after.keypoints[5]).toBe(2);
  expect([...after.keypoints.slice(0, 3), ...after.keypoints.slice(6)]).toEqual([
    40, 50, 2, 0, 0, 0, 100, 50, 2, 150, 60, 1, 180, 90, 2,
  ]);
  expect(after.num).toBe(5);

  // Undo the restore, the hide and the drag: the file's own bytes again.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(editor(page)).toContainText('num_keypoints: 4');
  await undo.click();
  await expect(editor(page)).toContainText('num_keypoints: 5');
  await undo.click();
  await expect.poll(() => pixelAt(page, 60, 30)).not.toEqual(empty);
  expect((await exported(page)).text).toBe(original);
});

test('add the next missing keypoint by a click; Delete deletes the point, not the annotation', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Add keypoint: right_eye' }).click();
  await clickImage(page, 80, 80);
  await expect(points(page).getByRole('button', { name: 'right_eye · visible' })).toBeVisible();
  await expect(editor(page)).toContainText('num_keypoints: 6');
  await expect(page.getByText('Current point: right_eye')).toBeVisible();

  await page.keyboard.press('Delete');
  await expect(points(page).getByRole('button', { name: 'right_eye · not labeled' })).toBeVisible();
  await expect(editor(page)).toContainText('num_keypoints: 5');
  await expect(page.getByRole('list', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(
    1,
  );
  const { keypoints, num } = await exported(page);
  expect(keypoints.slice(6, 9)).toEqual([0, 0, 0]);
  expect(num).toBe(5);
});

test('a skeleton bone past the named keypoints is listed as a problem and not drawn', async ({
  page,
}) => {
  await open(page);
  const empty = await background(page);
  // A bone that is drawn (left_ear → right_ear) shows on the canvas …
  expect(await pixelAt(page, 125, 55)).not.toEqual(empty);
  // … the bone past the names (right_ear → the sixth point) does not, nor one to (0, 0).
  expect(await pixelAt(page, 165, 75)).toEqual(empty);
  expect(await pixelAt(page, 20, 25)).toEqual(empty);
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: /^skeleton-out-of-range \(1/ }).click();
  await expect(problems).toContainText('categories[0].skeleton[4]');
  await expect(problems).toContainText(
    'skeleton bone [5, 6] (1-based) joins a keypoint beyond the 5 named ones',
  );
});

/** A COCO-WholeBody person: three body points, feet, a left hand with only its wrist, no face. */
const wholeBody = {
  images: [{ id: 1, file_name: 'person.png', width: 200, height: 100 }],
  annotations: [
    {
      id: 1,
      image_id: 1,
      category_id: 1,
      bbox: [20, 10, 160, 85],
      area: 4000,
      iscrowd: 0,
      keypoints: [100, 20, 2, 90, 40, 2, 110, 40, 2],
      num_keypoints: 3,
      foot_kpts: [80, 90, 2, 76, 90, 2, 84, 88, 1, 120, 90, 2, 124, 90, 2, 116, 88, 1],
      face_kpts: Array.from({ length: 204 }, () => 0),
      lefthand_kpts: [30, 70, 2, ...Array.from({ length: 60 }, () => 0)],
      face_box: [0, 0, 0, 0],
      lefthand_box: [25, 65, 10, 10],
      foot_valid: true,
      face_valid: false,
      lefthand_valid: true,
    },
  ],
  categories: [
    {
      id: 1,
      name: 'person',
      keypoints: ['nose', 'left_shoulder', 'right_shoulder'],
      skeleton: [[2, 3]],
    },
  ],
};

test('COCO-WholeBody: its extra sets are a layer of their own, named and edited', async ({
  page,
}) => {
  const text = JSON.stringify(wholeBody);
  await page.goto('/');
  await openFiles(page, [payload('coco_wholebody_val.json', text)]);
  await expectStatus(page, 1, 1, 1);
  await waitForImage(page, 0);
  const empty = await background(page);
  await expect.poll(() => pixelAt(page, 30, 70)).not.toEqual(empty);
  const layer = page.getByRole('checkbox', { name: 'Whole-body keypoints' });
  await layer.uncheck();
  await expect.poll(() => pixelAt(page, 30, 70)).toEqual(empty);
  // The body's points are their own layer: still drawn.
  expect(await pixelAt(page, 100, 20)).not.toEqual(empty);
  await layer.check();

  await page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').first().click();
  await page.getByText('Feet keypoints').click();
  const feet = page.getByRole('list', { name: 'Feet keypoints' });
  await expect(feet.getByRole('button', { name: 'left_big_toe · visible' })).toBeVisible();
  await expect(feet.getByRole('button', { name: 'right_heel · occluded' })).toBeVisible();
  await dragImage(page, [120, 90], [130, 80]);
  await expect.poll(() => pixelAt(page, 130, 80)).not.toEqual(empty);
  await page.getByText('Left hand keypoints').click();
  await page.getByRole('button', { name: 'Add keypoint: left_hand_thumb1' }).click();
  await clickImage(page, 40, 60);
  await expect(
    page.getByRole('list', { name: 'Left hand keypoints' }).getByRole('button', {
      name: 'left_hand_thumb1 · visible',
    }),
  ).toBeVisible();

  const { bytes } = await download(page, 'Export JSON');
  const [a] = (JSON.parse(bytes.toString('utf8')) as { annotations: Record<string, number[]>[] })
    .annotations;
  expect(Math.abs(a!.foot_kpts![9]! - 130)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(a!.foot_kpts![10]! - 80)).toBeLessThanOrEqual(0.5);
  expect(a!.foot_kpts![11]).toBe(2);
  expect(a!.lefthand_kpts!.slice(3, 6).map(Math.round)).toEqual([40, 60, 2]);
  expect(a!.num_keypoints).toBe(3);
});
