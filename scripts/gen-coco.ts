/**
 * A seeded, realistic MS COCO instances dataset, for benchmarks and tests (big datasets
 * are generated, never committed). Streams to disk, so train2017 scale fits in little
 * memory. Same options, same bytes.
 */
import { parseArgs } from 'node:util';
import { planDataset, TRAIN2017, VAL2017, type GenOptions } from './gen/dataset';
import { writeDataset } from './gen/output';

const USAGE = `usage: npx tsx scripts/gen-coco.ts --out PATH [options]

  --out PATH            where to write (.json, or .zip with --format zip)
  --scale NAME          val2017 (default: 5,000 images, 36,781 annotations)
                        or train2017 (118,287 images, 860,001 annotations)
  --images N            number of images (annotations scale with it, ~7.36 per image)
  --annotations N       total number of annotations (exact)
  --seed S              seed (default 1); same seed, same bytes
  --keypoints           COCO person keypoints on the person category and its annotations
  --images-png          also paint a PNG picture per image (names end in .png); with json,
                        they go to a folder named after the subset next to the file
  --format json|zip     zip = CVAT COCO 1.1 layout: annotations/instances_default.json and
                        images/default/<file_name> (default: from --out's extension)
  --crowd SHARE         share of crowd RLE annotations (default 0.01)
  --median-vertices N   median polygon vertex count (default 28 for val2017, 21 for train2017)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function count(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} wants a whole number, not "${text}"`);
  return n;
}

function parse(): ReturnType<typeof parseOptions> {
  try {
    return parseOptions();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function parseOptions() {
  return parseArgs({
    options: {
      out: { type: 'string' },
      scale: { type: 'string', default: 'val2017' },
      images: { type: 'string' },
      annotations: { type: 'string' },
      seed: { type: 'string' },
      keypoints: { type: 'boolean', default: false },
      'images-png': { type: 'boolean', default: false },
      format: { type: 'string' },
      crowd: { type: 'string' },
      'median-vertices': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
}

async function main(): Promise<void> {
  const { values } = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const out = values.out ?? fail('--out is required');
  if (values.scale !== 'val2017' && values.scale !== 'train2017') {
    fail(`--scale is val2017 or train2017, not "${values.scale}"`);
  }
  const scale = values.scale === 'train2017' ? TRAIN2017 : VAL2017;
  const images = count(values.images, 'images', scale.images);
  const perImage = scale.annotations / scale.images;
  const crowdShare = Number(values.crowd ?? 0.01);
  if (!(crowdShare >= 0 && crowdShare <= 1)) fail('--crowd is a share between 0 and 1');
  const format = values.format ?? (out.endsWith('.zip') ? 'zip' : 'json');
  if (format !== 'json' && format !== 'zip') fail(`--format is json or zip, not "${format}"`);
  const pictures = values['images-png'];
  const options: GenOptions = {
    images,
    annotations: count(values.annotations, 'annotations', Math.round(perImage * images)),
    seed: count(values.seed, 'seed', 1),
    keypoints: values.keypoints,
    crowdShare,
    medianVertices: count(values['median-vertices'], 'median-vertices', scale.medianVertices ?? 28),
    subset: scale.subset ?? 'val2017',
    extension: pictures ? 'png' : 'jpg',
  };
  const started = performance.now();
  const r = await writeDataset(out, planDataset(options), format, pictures);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mb = (r.bytes / 1e6).toFixed(1);
  const extra = pictures ? `, ${r.pictures} pictures` : '';
  console.log(
    `${out}: ${images} images, ${r.annotations} annotations${extra} (seed ${options.seed}), ${mb} MB in ${seconds} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
