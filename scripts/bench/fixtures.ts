/**
 * Benchmark inputs that the dataset generator does not make: a dense dataset (every image
 * with 100 polygons and 10 crowd masks, for image switching; 200 polygons for pan/zoom),
 * a 1 GB zip of stored pictures, and a deflated zip of a json. Written under .cache/bench.
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { polygonsToRle, rleArea, rleToBbox, rleToString } from '../../src/coco';

export const CACHE = '.cache/bench';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    s ^= s >>> 12;
    return (s >>> 0) / 4294967296;
  };
}

function blob(rand: () => number, cx: number, cy: number, r: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const rr = r * (0.7 + 0.6 * rand());
    out.push(
      Math.round((cx + Math.cos(a) * rr) * 100) / 100,
      Math.round((cy + Math.sin(a) * rr) * 100) / 100,
    );
  }
  return out;
}

/** `images` pictures-less images of 640×480, each with `polygons` polygons and `masks` crowd RLEs. */
export function denseDataset(
  path: string,
  images: number,
  polygons: number,
  masks: number,
): string {
  if (existsSync(path)) return path;
  const rand = rng(42);
  const W = 640;
  const H = 480;
  const anns: unknown[] = [];
  for (let i = 1; i <= images; i++) {
    for (let k = 0; k < polygons + masks; k++) {
      const poly = blob(rand, 40 + rand() * (W - 80), 40 + rand() * (H - 80), 10 + rand() * 30, 24);
      const crowd = k >= polygons;
      const rle = polygonsToRle(
        [crowd ? blob(rand, W / 2, H / 2, 60 + rand() * 120, 40) : poly],
        H,
        W,
      );
      const bbox = rleToBbox(rle);
      anns.push({
        id: anns.length + 1,
        image_id: i,
        category_id: 1 + (k % 10),
        segmentation: crowd
          ? { size: [H, W], counts: k % 2 ? rleToString(rle) : Array.from(rle.counts) }
          : [poly],
        area: rleArea(rle),
        bbox,
        iscrowd: crowd ? 1 : 0,
      });
    }
  }
  const json = {
    images: Array.from({ length: images }, (_, i) => ({
      id: i + 1,
      file_name: `${i + 1}.jpg`,
      width: W,
      height: H,
    })),
    categories: Array.from({ length: 10 }, (_, i) => ({
      id: i + 1,
      name: `c${i + 1}`,
      supercategory: 'x',
    })),
    annotations: anns,
  };
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path, JSON.stringify(json));
  return path;
}

async function writeZip(path: string, add: (zip: Zip) => Promise<void>): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) throw err;
    out.write(chunk);
    if (final) out.end();
  });
  await add(zip);
  zip.end();
  await done;
}

/**
 * A zip of `count` stored pictures (~`bytes` in all) plus an annotations json: each
 * picture is a real JPEG followed by padding (browsers ignore bytes after the JPEG's end).
 */
export async function picturesZip(
  path: string,
  jpeg: string,
  count: number,
  bytes: number,
): Promise<string> {
  if (existsSync(path) && statSync(path).size > bytes * 0.9) return path;
  mkdirSync(CACHE, { recursive: true });
  const picture = readFileSync(jpeg);
  const each = Math.max(picture.length, Math.floor(bytes / count));
  const padded = new Uint8Array(each);
  padded.set(picture);
  for (let i = picture.length; i < each; i++) padded[i] = (i * 31) & 0xff;
  const json = JSON.stringify({
    images: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      file_name: `${String(i + 1).padStart(12, '0')}.jpg`,
      width: 640,
      height: 427,
    })),
    categories: [{ id: 1, name: 'thing' }],
    annotations: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      image_id: i + 1,
      category_id: 1,
      bbox: [10, 10, 100, 80],
      area: 8000,
      iscrowd: 0,
      segmentation: [],
    })),
  });
  await writeZip(path, async (zip) => {
    const ann = new ZipDeflate('annotations/instances_default.json', { level: 6 });
    zip.add(ann);
    ann.push(new TextEncoder().encode(json), true);
    for (let i = 0; i < count; i++) {
      const entry = new ZipPassThrough(`images/default/${String(i + 1).padStart(12, '0')}.jpg`);
      zip.add(entry);
      entry.push(padded, true);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
  });
  return path;
}

/** The json at `jsonPath`, deflated in a CVAT-layout zip. */
export async function deflatedJsonZip(path: string, jsonPath: string): Promise<string> {
  if (existsSync(path)) return path;
  await writeZip(path, async (zip) => {
    const entry = new ZipDeflate('annotations/instances_default.json', { level: 6 });
    zip.add(entry);
    entry.push(readFileSync(jsonPath), true);
  });
  return path;
}

export { join };
