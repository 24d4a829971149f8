/**
 * Pictures for generated images: a minimal PNG encoder (8-bit RGB, zlib via fflate) and a
 * painter that draws a sky-to-ground gradient with every annotation's mask filled in its
 * category's colour, so what the viewer overlays lines up with what the picture shows.
 */
import { zlibSync } from 'fflate';
import type { Rle } from '../../src/coco/mask';
import { crc32 } from '../../src/io/zip/crc32';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** A PNG chunk: length, type, data, CRC-32 of type + data (all big-endian). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes row-major RGB pixels (`width * height * 3` bytes) as a PNG. Every row uses the
 * Sub filter (each byte minus the one 3 to its left): flat areas become zeros, which
 * deflate squeezes well even at a fast level.
 */
export function encodePng(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const src = y * stride;
    const dst = y * (stride + 1);
    raw[dst] = 1; // Sub
    for (let i = 0; i < 3 && i < stride; i++) raw[dst + 1 + i] = rgb[src + i]!;
    for (let i = 3; i < stride; i++) raw[dst + 1 + i] = (rgb[src + i]! - rgb[src + i - 3]!) & 0xff;
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour RGB, deflate, no interlace
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 2 })),
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

/** A stable, saturated colour per category id (golden-angle hues). */
export function categoryColor(categoryId: number): [number, number, number] {
  const hue = (categoryId * 137.508) % 360;
  const f = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (0.55 - 0.4 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** An object to paint: its mask (column-major RLE of the picture's size) and category. */
export type PaintedMask = { rle: Rle; categoryId: number; crowd: boolean };

/**
 * A `width × height` picture as PNG bytes: a gradient background, then each mask filled
 * in order (later ones on top); crowd regions are striped so they read as "many things".
 */
export function drawPicture(
  width: number,
  height: number,
  masks: readonly PaintedMask[],
): Uint8Array {
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  const row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    const horizon = t < 0.55;
    const r = horizon ? 110 + 90 * t : 90 + 40 * t;
    const g = horizon ? 160 + 60 * t : 120 - 30 * t;
    const b = horizon ? 235 - 40 * t : 70 - 20 * t;
    for (let x = 0; x < stride; x += 3) {
      row[x] = r;
      row[x + 1] = g;
      row[x + 2] = b;
    }
    rgb.set(row, y * stride);
  }
  for (const { rle, categoryId, crowd } of masks) {
    const [cr, cg, cb] = categoryColor(categoryId);
    const h = rle.size[0];
    let at = 0;
    for (let j = 0; j < rle.counts.length; j++) {
      const run = rle.counts[j]!;
      if (j % 2 === 1) {
        // Column-major: index i is pixel (x = floor(i / h), y = i % h).
        for (let i = at; i < at + run; i++) {
          const x = Math.floor(i / h);
          const y = i - x * h;
          const p = y * stride + x * 3;
          const shade = crowd && ((x + y) >> 2) % 2 === 0 ? 0.6 : 1;
          rgb[p] = cr * shade;
          rgb[p + 1] = cg * shade;
          rgb[p + 2] = cb * shade;
        }
      }
      at += run;
    }
  }
  return encodePng(rgb, width, height);
}
