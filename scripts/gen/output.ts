/**
 * Writing a generated dataset to disk, streamed so memory stays flat at any scale:
 * - json: the instances file; pictures (if asked) as PNGs in a folder named after the
 *   subset beside it, as COCO's own layout has `annotations/…json` and `val2017/…`.
 * - zip: CVAT's COCO 1.1 layout, `annotations/instances_default.json` (deflated) and
 *   `images/default/<file_name>` (stored, level 0: PNGs are compressed already).
 * Pictures are painted in a second pass over the same seeded annotations.
 */
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { cocoJsonChunks, generateAnnotations, plannedImages, type DatasetPlan } from './dataset';
import { drawPicture } from './png';

export type OutputFormat = 'json' | 'zip';

export type WriteResult = { annotations: number; bytes: number; pictures: number };

/** Waits until `stream` has room, so a fast producer does not fill memory. */
function drained(stream: WriteStream): Promise<void> {
  return stream.writableNeedDrain
    ? new Promise((resolve) => stream.once('drain', () => resolve()))
    : Promise.resolve();
}

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Each image's picture as `[file name, PNG bytes]`, in image order. */
function* pictures(plan: DatasetPlan): Generator<[name: string, png: Uint8Array]> {
  const entries = plannedImages(plan);
  for (const [, { annotations, masks }] of generateAnnotations(plan)) {
    const next = entries.next();
    if (next.done === true) return;
    const image = next.value;
    const painted = masks.map((rle, k) => ({
      rle,
      categoryId: annotations[k]!.category_id,
      crowd: annotations[k]!.iscrowd === 1,
    }));
    yield [image.file_name, drawPicture(image.width, image.height, painted)];
  }
}

async function writeJson(
  path: string,
  plan: DatasetPlan,
  withPictures: boolean,
): Promise<WriteResult> {
  const file = createWriteStream(path);
  const chunks = cocoJsonChunks(plan);
  let next = chunks.next();
  while (next.done !== true) {
    file.write(next.value);
    await drained(file);
    next = chunks.next();
  }
  await finished(file);
  let count = 0;
  if (withPictures) {
    const folder = join(dirname(path), plan.options.subset);
    mkdirSync(folder, { recursive: true });
    for (const [name, png] of pictures(plan)) {
      writeFileSync(join(folder, name), png);
      count++;
    }
  }
  return { annotations: next.value.annotations, bytes: file.bytesWritten, pictures: count };
}

async function writeZip(
  path: string,
  plan: DatasetPlan,
  withPictures: boolean,
): Promise<WriteResult> {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else file.write(data);
  });
  const json = new ZipDeflate('annotations/instances_default.json', { level: 6 });
  zip.add(json);
  const encoder = new TextEncoder();
  const chunks = cocoJsonChunks(plan);
  let next = chunks.next();
  while (next.done !== true) {
    json.push(encoder.encode(next.value));
    await drained(file);
    next = chunks.next();
  }
  json.push(new Uint8Array(0), true);
  let count = 0;
  if (withPictures) {
    for (const [name, png] of pictures(plan)) {
      const entry = new ZipPassThrough(`images/default/${name}`);
      zip.add(entry);
      entry.push(png, true);
      count++;
      await drained(file);
    }
  }
  zip.end();
  await finished(file);
  if (failure) throw failure;
  return { annotations: next.value.annotations, bytes: file.bytesWritten, pictures: count };
}

/** Writes `plan` to `path` as a json file or a CVAT COCO 1.1 zip. */
export async function writeDataset(
  path: string,
  plan: DatasetPlan,
  format: OutputFormat,
  withPictures: boolean,
): Promise<WriteResult> {
  mkdirSync(dirname(path), { recursive: true });
  return format === 'zip'
    ? writeZip(path, plan, withPictures)
    : writeJson(path, plan, withPictures);
}
