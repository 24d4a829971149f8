/**
 * A seeded, realistic COCO dataset generator, for benchmarks and tests (big datasets are
 * generated, never committed). Streams to disk, so train2017 scale fits in little memory.
 *
 *   npx tsx scripts/gen-coco.ts --out val.json                    val2017 scale (5,000 images)
 *   npx tsx scripts/gen-coco.ts --scale train2017 --out train.json 118,287 images, 860,001 annotations
 *   options: --images N  --annotations N  --seed S  --keypoints  --crowd 0.011  --median-vertices 28
 *            --images-png (also write a PNG picture per image)  --format json|zip
 */
import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import {
  categories,
  generateImages,
  header,
  TRAIN2017,
  VAL2017,
  type GenOptions,
} from './gen/dataset';
import { drawPicture } from './gen/png';
import { seeded } from './gen/random';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const out = arg('out');
if (out === undefined || flag('help')) {
  console.log(
    'usage: npx tsx scripts/gen-coco.ts --out FILE [--scale val2017|train2017] [--images N] [--annotations N] [--seed S] [--keypoints] [--crowd SHARE] [--images-png] [--format json|zip]',
  );
  process.exit(out === undefined ? 1 : 0);
}
const scale = arg('scale') === 'train2017' ? TRAIN2017 : VAL2017;
const images = Number(arg('images') ?? scale.images);
const options: GenOptions = {
  images,
  annotations: Number(
    arg('annotations') ?? Math.round((scale.annotations / scale.images) * images),
  ),
  seed: Number(arg('seed') ?? 1),
  keypoints: flag('keypoints'),
  crowdShare: Number(arg('crowd') ?? 0.011),
  // COCO's train2017 file is 452 MB for 860k annotations: fewer vertices per polygon than val.
  medianVertices: Number(arg('median-vertices') ?? (scale === TRAIN2017 ? 21 : 28)),
};
const format = arg('format') ?? (out.endsWith('.zip') ? 'zip' : 'json');
const withPictures = flag('images-png');
if (withPictures) options.extension = 'png';

function write(stream: WriteStream, text: string): Promise<void> {
  return stream.write(text)
    ? Promise.resolve()
    : new Promise((r) => stream.once('drain', () => r()));
}
function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) =>
    stream.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

/** Writes the json to `path`; `onPicture` receives each image's PNG when asked for. */
async function writeJson(
  path: string,
  onPicture?: (name: string, png: Uint8Array) => Promise<void>,
): Promise<number> {
  const main = createWriteStream(path);
  const annPath = `${path}.annotations.tmp`;
  const anns = createWriteStream(annPath);
  const head = header(options.seed);
  await write(
    main,
    `{"info":${JSON.stringify(head.info)},"licenses":${JSON.stringify(head.licenses)},"images":[`,
  );
  const pictures = seeded(options.seed + 1);
  let count = 0;
  let first = true;
  for (const g of generateImages(options)) {
    await write(main, `${first ? '' : ','}${JSON.stringify(g.image)}`);
    first = false;
    if (g.annotations.length > 0) {
      await write(
        anns,
        `${count > 0 ? ',' : ''}${g.annotations.map((a) => JSON.stringify(a)).join(',')}`,
      );
      count += g.annotations.length;
    }
    if (onPicture)
      await onPicture(
        g.image.file_name as string,
        drawPicture(pictures, g.image.width as number, g.image.height as number),
      );
  }
  await close(anns);
  await write(main, '],"annotations":[');
  for await (const chunk of createReadStream(annPath)) await write(main, chunk as string);
  await write(main, `],"categories":${JSON.stringify(categories(options.keypoints))}}\n`);
  await close(main);
  rmSync(annPath);
  return count;
}

async function writeZip(path: string): Promise<number> {
  const file = createWriteStream(path);
  const zip = new Zip((err, data, final) => {
    if (err) throw err;
    file.write(data);
    if (final) file.end();
  });
  const done = new Promise<void>((r) => file.on('finish', () => r()));
  const jsonPath = `${path}.json.tmp`;
  const count = await writeJson(
    jsonPath,
    withPictures
      ? async (name, png) => {
          const entry = new ZipPassThrough(`images/default/${name}`);
          zip.add(entry);
          entry.push(png, true);
        }
      : undefined,
  );
  const json = new ZipDeflate('annotations/instances_default.json', { level: 6 });
  zip.add(json);
  for await (const chunk of createReadStream(jsonPath)) json.push(chunk as Uint8Array);
  json.push(new Uint8Array(0), true);
  zip.end();
  await done;
  rmSync(jsonPath);
  return count;
}

async function main() {
  mkdirSync(dirname(out!), { recursive: true });
  const t0 = performance.now();
  const count = format === 'zip' ? await writeZip(out!) : await writeJson(out!);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${out}: ${options.images} images, ${count} annotations (seed ${options.seed}) in ${s} s`,
  );
}

void main();
