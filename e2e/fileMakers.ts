/** Files that break things, or big ones, made in the test (never committed). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createDeflateRaw } from 'node:zlib';
import { Zlib } from 'fflate';
import { crc32 } from '../src/io/zip/crc32';

/**
 * A zip whose one entry is `megabytes` MB of zeros deflated (about 1000:1): a zip bomb.
 * Its CRC is left 0; the reader must refuse it from the declared sizes before inflating.
 */
export async function zipBomb(entry: string, megabytes: number): Promise<Buffer> {
  // Node's own zlib, streamed a MiB at a time: 300 MB through fflate took 13 s of the test's
  // 60 on a loaded machine.
  const zeros = Buffer.alloc(1 << 20);
  const compressed = await buffer(
    Readable.from(Array.from({ length: megabytes }, () => zeros)).pipe(
      createDeflateRaw({ level: 9 }),
    ),
  );
  const name = Buffer.from(entry);
  const size = megabytes << 20;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // crc of zeros is not checked before the cap
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const dirStart = 30 + name.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(dirStart, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}

/** A width × height grayscale PNG made row by row (never one big buffer of pixels). */
export function bigGrayPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(new Uint8Array(out.subarray(4, 8 + data.length))), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const parts: Uint8Array[] = [];
  const z = new Zlib({ level: 1 }, (data) => parts.push(data));
  const row = new Uint8Array(width + 1).fill(90);
  row[0] = 0;
  for (let y = 0; y < height; y++) z.push(row, y === height - 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A generated COCO json (scripts/gen-coco.ts, seed 5) of that many images and annotations. */
export function generatedJson(path: string, images: number, annotations: number): void {
  const args = ['--images', String(images), '--annotations', String(annotations)];
  execFileSync('npx', ['tsx', 'scripts/gen-coco.ts', ...args, '--seed', '5', '--out', path], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: 'ignore',
  });
}
