/**
 * Pixels made at the resolution the canvas shows an image (`ShownAt`), for the preview
 * (changedPixels.ts) and the mask an Apply draws (maskPixels.ts): zoomed out on a
 * 4000 × 3000 picture, the canvas draws about one image pixel in five, so the bitmap is
 * sampled at the device pixels the canvas draws, each the image pixel whose centre it
 * would sample drawing the whole-resolution image nearest-neighbour. Drawn one bitmap
 * pixel per device pixel, it looks as the whole-resolution image would, for a tenth of
 * the pixels.
 */
import type { MaskPixels } from './maskPixels';
import type { ShownAt } from './protocol';

/** The stretches the preview draws (column-major, sorted), their colours, and their box. */
export type Stretches = {
  starts: number[];
  ends: number[];
  colors: number[];
  /** Image pixels, inclusive. */
  box: [x0: number, y0: number, x1: number, y1: number];
};

/**
 * Where a device pixel's centre falls exactly on an image pixel's edge, Chromium's
 * nearest-neighbour draw samples the image pixel before it (its float rounding lands a
 * hair short): so does the preview.
 */
const TIE = 1e-6;

/**
 * The device pixels along one axis that show image pixels `first..last`: the first one's
 * index, and for each the image pixel its centre samples (as a nearest-neighbour draw at
 * `scale` device pixels per image pixel, shifted by `offset` device pixels, would).
 */
function sampledAxis(
  first: number,
  last: number,
  scale: number,
  offset: number,
): { device: number; source: Int32Array } {
  const at = (device: number) => Math.floor((device + 0.5 - offset) / scale - TIE);
  let device = Math.floor(first * scale + offset) - 1;
  while (at(device) < first) device++;
  let end = Math.ceil((last + 1) * scale + offset) + 1;
  while (at(end - 1) > last) end--;
  const source = new Int32Array(Math.max(0, end - device));
  for (let i = 0; i < source.length; i++) source[i] = at(device + i);
  return { device, source };
}

/** The stretches (column-major, image height `h`) sampled as `shown` draws them. */
export function sampledPixels(stretches: Stretches, h: number, shown: ShownAt): MaskPixels | null {
  const { starts, ends, colors, box } = stretches;
  const [x0, y0, x1, y1] = box;
  const scale = shown.scale * shown.ratio;
  const cols = sampledAxis(x0, x1, scale, shown.x * shown.ratio);
  const rows = sampledAxis(y0, y1, scale, shown.y * shown.ratio);
  const width = cols.source.length;
  const height = rows.source.length;
  if (width === 0 || height === 0) return null;
  // rowFrom[y − y0]: the first bitmap row sampling image row y or below it.
  const rowFrom = new Int32Array(y1 - y0 + 2);
  for (let y = y0, j = 0; y <= y1 + 1; y++) {
    while (j < height && rows.source[j]! < y) j++;
    rowFrom[y - y0] = j;
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  const out = new Uint32Array(rgba.buffer);
  let s = 0;
  for (let i = 0; i < width; i++) {
    const column = cols.source[i]! * h;
    // Columns only grow: the stretches before this column are never needed again.
    while (s < starts.length && ends[s]! <= column) s++;
    for (let t = s; t < starts.length && starts[t]! < column + h; t++) {
      const top = Math.max(y0, starts[t]! - column);
      const bottom = Math.min(y1 + 1, ends[t]! - column);
      if (top >= bottom) continue;
      const color = colors[t]!;
      for (let j = rowFrom[top - y0]!, stop = rowFrom[bottom - y0]!; j < stop; j++)
        out[j * width + i] = color;
    }
  }
  // Where the bitmap goes, in image pixels: its pixels on the device pixels they sampled for.
  return {
    rgba,
    x: x0,
    y: y0,
    width,
    height,
    placed: {
      x: (cols.device / shown.ratio - shown.x) / shown.scale,
      y: (rows.device / shown.ratio - shown.y) / shown.scale,
      width: width / scale,
      height: height / scale,
    },
  };
}
