/**
 * Mask commands in the engine: a page command (an annotation by its view key) planned on
 * its annotation file (coco/edit/maskCommands.ts), and its preview: the counts the
 * inspector shows and the changed pixels as RGBA for the canvas.
 */
import {
  eachSetStretch,
  maskDiff,
  planMaskEdit,
  type MaskEdit,
  type Dataset,
  type PlannedMaskEdit,
} from '../coco';
import { MAX_MASK_PIXELS, type MaskPixels } from './maskPixels';
import { PREVIEW_COLORS, type MaskCommand, type MaskPreview } from './protocol';
import { imageSize, locateKey, type Subset } from './subset';

function maskEditOf(command: MaskCommand): MaskEdit {
  switch (command.type) {
    case 'convert-to-mask':
      return { kind: 'to-mask', crowd: command.crowd };
    case 'convert-to-polygons':
      return { kind: 'to-polygons', tolerance: command.tolerance };
    case 'fill-holes':
      return { kind: 'fill-holes' };
    case 'remove-specks':
      return { kind: 'remove-specks', minPixels: command.minPixels };
  }
}

/**
 * The last command planned on each annotation file, by the file's dataset object: Apply
 * after a preview reuses the preview's plan. An edit replaces the dataset object (patches
 * apply into a new one), so a plan is never reused on a file it was not made for.
 */
const lastPlans = new WeakMap<Dataset, { command: string; planned: PlannedMaskEdit }>();

/** The command planned on the annotation's file: which file, and the plan with its pixels. */
export function planMaskCommand(
  subset: Subset,
  command: MaskCommand,
): { source: number; planned: PlannedMaskEdit } {
  const [source, at] = locateKey(subset, command.key) ?? [-1, -1];
  if (source < 0) throw new Error(`annotation ${command.key} is no longer in the dataset`);
  const dataset = subset.sources[source]!.dataset;
  const asked = JSON.stringify(command);
  const last = lastPlans.get(dataset);
  if (last?.command === asked) return { source, planned: last.planned };
  const image = imageSize(subset, source, at);
  const planned = planMaskEdit(dataset, at, image, maskEditOf(command));
  lastPlans.set(dataset, { command: asked, planned });
  return { source, planned };
}

/** How many characters of an RLE's counts the preview shows. */
const COUNTS_START = 48;

/** The preview's numbers, and the pixels to draw (the shell makes them a bitmap). */
export function previewMaskCommand(
  subset: Subset,
  command: MaskCommand,
): { preview: Omit<MaskPreview, 'image'>; pixels: MaskPixels | null } {
  const { planned } = planMaskCommand(subset, command);
  const { added, removed, iou } = maskDiff(planned.before, planned.after);
  const segmentation = planned.written.segmentation;
  const rle =
    command.type === 'convert-to-mask' && isRle(segmentation)
      ? {
          size: segmentation.size,
          area: planned.written.area as number,
          bbox: planned.written.bbox as number[],
          countsStart: countsStart(segmentation.counts),
          compressed: typeof segmentation.counts === 'string',
        }
      : null;
  const pixels = changedPixels(planned, command.type === 'convert-to-mask');
  return {
    preview: { iou, added, removed, parts: planned.parts, points: planned.points, rle },
    pixels,
  };
}

type WrittenRle = { size: [number, number]; counts: string | number[] };

function isRle(value: unknown): value is WrittenRle {
  return typeof value === 'object' && value !== null && 'counts' in value;
}

function countsStart(counts: string | number[]): string {
  const text = typeof counts === 'string' ? counts : counts.join(',');
  return text.length > COUNTS_START ? `${text.slice(0, COUNTS_START)}…` : text;
}

/**
 * The changed pixels over their box, row-major RGBA (as maskPixels.ts makes masks):
 * added and removed in their colours, and with `showKept` the pixels in both too; null
 * when there is nothing to draw or the box would pass MAX_MASK_PIXELS. Walks the two
 * RLEs' runs, so it costs the changed pixels and their box, not the picture's pixels.
 */
export function changedPixels(planned: PlannedMaskEdit, showKept: boolean): MaskPixels | null {
  const { before, after } = planned;
  const h = before.size[0];
  const shown = (a: boolean, b: boolean) => a !== b || (showKept && a);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  eachSetStretch(before, after, (start, length, a, b) => {
    if (!shown(a, b)) return;
    const first = Math.floor(start / h);
    const last = Math.floor((start + length - 1) / h);
    x0 = Math.min(x0, first);
    x1 = Math.max(x1, last);
    y0 = Math.min(y0, first === last ? start - first * h : 0);
    y1 = Math.max(y1, first === last ? start + length - 1 - first * h : h - 1);
  });
  if (x1 < 0) return null;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  if (width * height > MAX_MASK_PIXELS) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const word = (rgb: readonly number[]) =>
    ((255 << 24) | (rgb[2]! << 16) | (rgb[1]! << 8) | rgb[0]!) >>> 0;
  const kept = word(PREVIEW_COLORS.kept);
  const added = word(PREVIEW_COLORS.added);
  const removed = word(PREVIEW_COLORS.removed);
  const out = new Uint32Array(rgba.buffer);
  eachSetStretch(before, after, (start, length, a, b) => {
    if (!shown(a, b)) return;
    const color = a === b ? kept : b ? added : removed;
    for (let p = start; p < start + length;) {
      const x = Math.floor(p / h);
      const y = p - x * h;
      const run = Math.min(start + length - p, h - y);
      let at = (y - y0) * width + (x - x0);
      for (let k = 0; k < run; k++, at += width) out[at] = color;
      p += run;
    }
  });
  return { rgba, x: x0, y: y0, width, height };
}
