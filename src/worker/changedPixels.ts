/**
 * The pixels a previewed mask command changes, as RGBA for the canvas: added and removed
 * in their colours (PREVIEW_COLORS), and the kept ones too when asked. Both RLEs are
 * column-major (pixel (x, y) at x·height + y, coco/rle.ts); the RGBA is row-major.
 *
 * Made at the resolution the canvas shows the image (sampledPixels.ts); from one device
 * pixel per image pixel on (zoomed in), it is made whole.
 */
import { eachSetStretch, type PlannedMaskEdit } from '../coco';
import { MAX_MASK_PIXELS, opaqueWord, type MaskPixels } from './maskPixels';
import { PREVIEW_COLORS, previewScale, type ShownAt } from './protocol';
import { sampledPixels, type Stretches } from './sampledPixels';

/** The masks before and after a command (one size). */
type BeforeAfter = Pick<PlannedMaskEdit, 'before' | 'after'>;

function shownStretches(planned: BeforeAfter, showKept: boolean): Stretches | null {
  const { before, after } = planned;
  const h = before.size[0];
  const kept = opaqueWord(PREVIEW_COLORS.kept);
  const added = opaqueWord(PREVIEW_COLORS.added);
  const removed = opaqueWord(PREVIEW_COLORS.removed);
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
