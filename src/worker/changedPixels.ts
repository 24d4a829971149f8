/**
 * The pixels a previewed mask command changes, as RGBA for the canvas: added and removed
 * in their colours (PREVIEW_COLORS), and the kept ones too when asked. Both RLEs are
 * column-major (pixel (x, y) at x·height + y, coco/rle.ts); the RGBA is row-major.
 *
 * Made at the resolution the canvas shows the image (`ShownAt`): zoomed out on a
 * 4000 × 3000 picture, the canvas draws about one image pixel in five, so the preview is
 * sampled at the device pixels the canvas draws, each the image pixel whose centre it
 * would sample drawing the whole-resolution image nearest-neighbour. Drawn one bitmap
 * pixel per device pixel, it looks as the whole-resolution image would, for a tenth of
 * the pixels. From one device pixel per image pixel on (zoomed in), it is made whole.
 */
import { eachSetStretch, type PlannedMaskEdit } from '../coco';
import { MAX_MASK_PIXELS, type MaskPixels } from './maskPixels';
import { PREVIEW_COLORS, previewScale, type ShownAt } from './protocol';

/** The stretches the preview draws (column-major, sorted), their colours, and their box. */
type Stretches = {
  starts: number[];
  ends: number[];
  colors: number[];
  /** Image pixels, inclusive. */
  box: [x0: number, y0: number, x1: number, y1: number];
};

/** A colour as one little-endian RGBA word, opaque. */
function word(rgb: readonly number[]): number {
  return ((255 << 24) | (rgb[2]! << 16) | (rgb[1]! << 8) | rgb[0]!) >>> 0;
}

/** The masks before and after a command (one size). */
type BeforeAfter = Pick<PlannedMaskEdit, 'before' | 'after'>;

function shownStretches(planned: BeforeAfter, showKept: boolean): Stretches | null {
  const { before, after } = planned;
  const h = before.size[0];
  const kept = word(PREVIEW_COLORS.kept);
  const added = word(PREVIEW_COLORS.added);
  const removed = word(PREVIEW_COLORS.removed);
  const out: Stretches = { starts: [], ends: [], colors: [], box: [Infinity, Infinity, -1, -1] };
  const box = out.box;
  eachSetStretch(before, after, (start, length, a, b) => {
    if (a === b && !showKept) return;
    out.starts.push(start);
    out.ends.push(start + length);
    out.colors.push(a === b ? kept : b ? added : removed);
    const first = Math.floor(start / h);
    const last = Math.floor((start + length - 1) / h);
    box[0] = Math.min(box[0], first);
    box[2] = Math.max(box[2], last);
    box[1] = Math.min(box[1], first === last ? start - first * h : 0);
    box[3] = Math.max(box[3], first === last ? start + length - 1 - first * h : h - 1);
  });
  return box[2] < 0 ? null : out;
}

/**
 * The changed pixels over their box, made for the canvas as `shown` draws the image (null:
 * at whole resolution): added and removed in their colours, and with `showKept` the pixels
 * in both too; null when there is nothing to draw or the box would pass MAX_MASK_PIXELS.
 * Walks the two RLEs' runs, so it costs the runs and the pixels made, not the picture's.
 */
export function changedPixels(
  planned: BeforeAfter,
  showKept: boolean,
  shown: ShownAt | null = null,
): MaskPixels | null {
  const stretches = shownStretches(planned, showKept);
  if (stretches === null) return null;
  const h = planned.before.size[0];
  return shown === null || previewScale(shown) >= 1
    ? wholePixels(stretches, h)
    : sampledPixels(stretches, h, shown);
}

function wholePixels({ starts, ends, colors, box }: Stretches, h: number): MaskPixels | null {
  const [x0, y0, x1, y1] = box;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  if (width * height > MAX_MASK_PIXELS) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const out = new Uint32Array(rgba.buffer);
  for (let s = 0; s < starts.length; s++) {
    const color = colors[s]!;
    const end = ends[s]!;
    for (let p = starts[s]!; p < end;) {
      const x = Math.floor(p / h);
      const y = p - x * h;
      const run = Math.min(end - p, h - y);
      let at = (y - y0) * width + (x - x0);
      for (let k = 0; k < run; k++, at += width) out[at] = color;
      p += run;
    }
  }
  return { rgba, x: x0, y: y0, width, height };
}

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

function sampledPixels(stretches: Stretches, h: number, shown: ShownAt): MaskPixels | null {
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
