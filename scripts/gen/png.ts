/** A minimal PNG encoder (8-bit RGB) for generated pictures: a gradient with a few boxes. */
import { zlibSync } from 'fflate';
import { crc32 } from '../../src/io/zip/crc32';
import type { Random } from './random';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function encodePng(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 3 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A picture: a sky-to-ground gradient and a few coloured boxes. */
export function drawPicture(rand: Random, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      rgb[p] = 60 + 120 * t;
      rgb[p + 1] = 120 + 60 * t;
      rgb[p + 2] = 200 - 120 * t;
    }
  }
  for (let k = 0; k < 5; k++) {
    const x0 = rand.int(0, width - 20);
    const y0 = rand.int(0, height - 20);
    const x1 = Math.min(width, x0 + rand.int(10, width / 3));
    const y1 = Math.min(height, y0 + rand.int(10, height / 3));
    const c = [rand.int(0, 255), rand.int(0, 255), rand.int(0, 255)];
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgb.set(c, (y * width + x) * 3);
  }
  return encodePng(rgb, width, height);
}
