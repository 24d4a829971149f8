/**
 * Mask commands in the engine: a page command (an annotation by its view key) planned on
 * its annotation file (coco/edit/maskCommands.ts), and its preview: the counts the
 * inspector shows and the changed pixels as RGBA for the canvas (changedPixels.ts).
 */
import { maskDiff, planMaskEdit, type MaskEdit, type Dataset, type PlannedMaskEdit } from '../coco';
import { changedPixels } from './changedPixels';
import { categoryColorOf } from './imageView';
import { parseHexColor, shownMaskPixels, type MaskPixels } from './maskPixels';
import type { SentMasks } from './sentMasks';
import type { MaskCommand, MaskPreview, ShownAt } from './protocol';
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

/**
 * The preview's numbers, and the pixels to draw (the shell makes them a bitmap), made for
 * the canvas as `shown` draws the image (null: at whole resolution).
 */
export function previewMaskCommand(
  subset: Subset,
  command: MaskCommand,
  shown: ShownAt | null = null,
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
  const pixels = changedPixels(planned, command.type === 'convert-to-mask', shown);
  return {
    preview: { iou, added, removed, parts: planned.parts, points: planned.points, rle },
    pixels,
  };
}

/**
 * The mask an Apply of `command` draws in the image's view, made while the preview shows:
 * its token (sentMasks.ts) and its pixels in its category's colour, as the canvas shows
 * the image (`shown`: sampled when zoomed out; the page asks for the whole mask after).
 * Null when the result is no mask (polygons) or is not drawn (past MAX_MASK_PIXELS).
 */
export function appliedMaskPixels(
  subset: Subset,
  command: MaskCommand,
  customColors: Record<string, string>,
  sent: SentMasks,
  shown: ShownAt | null,
): { token: string; pixels: MaskPixels } | null {
  if (command.type === 'convert-to-polygons') return null;
  const { source, planned } = planMaskCommand(subset, command);
  const [, at] = locateKey(subset, command.key)!;
  const record = subset.sources[source]!.dataset.annotations.at(at)!;
  const color = parseHexColor(categoryColorOf(subset, customColors)(record.categoryId));
  const pixels = shownMaskPixels(planned.after, color, shown);
  return pixels === null ? null : { token: sent.tokenOf(planned.after, color), pixels };
}

type WrittenRle = { size: [number, number]; counts: string | number[] };

function isRle(value: unknown): value is WrittenRle {
  return typeof value === 'object' && value !== null && 'counts' in value;
}

function countsStart(counts: string | number[]): string {
  // Only the counts the start shows are joined (a mask may have a million).
  const text = typeof counts === 'string' ? counts : counts.slice(0, COUNTS_START).join(',');
  return text.length > COUNTS_START ? `${text.slice(0, COUNTS_START)}…` : text;
}
