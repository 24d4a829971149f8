/**
 * The image-by-image pass: each cell's IoUs (detections × ground truths, for the
 * matching), the matches at the chosen threshold, and the image's share of the confusion
 * matrix while its masks exist. An image's masks are dropped once it is done, so masks
 * never pile up: they die young, and the evaluation keeps only numbers.
 */
import type { CategoryId } from '../ids';
import type { Cells } from './cells';
import { confusionCounter, countImage, finishConfusion, type ImageView } from './confusion';
import { matchScratch } from './evaluateImages';
import { computeCellIous, pairIou, type Geometry } from './iou';
import { dropMask, masksApart } from './maskIou';
import { finishMatches, matchAt, matchBuffers, matchCellInto, type MatchBuffers } from './match';
import type { AreaRange, ConfusionMatrix, Matches } from './types';

/** Cells grouped by image index: `list[start[i] .. start[i + 1])`. */
export type ImageCells = { readonly start: Int32Array; readonly list: Int32Array };

export function cellsByImage(cells: Cells, images: number): ImageCells {
  const start = new Int32Array(images + 1);
  for (let c = 0; c < cells.count; c++) start[cells.image[c]! + 1]!++;
  for (let i = 0; i < images; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, images);
  const list = new Int32Array(cells.count);
  for (let c = 0; c < cells.count; c++) list[fill[cells.image[c]!]!++] = c;
  return { start, list };
}

/** What re-matching needs: the geometry (masks are made again on demand) and the cells. */
export type LoopInput = {
  readonly geometry: Geometry;
  readonly cells: Cells;
  readonly byImage: ImageCells;
  /** Area range "all". */
  readonly area: AreaRange;
  readonly categoryIds: readonly CategoryId[];
  /**
   * Cross-category mask IoUs asked for so far (of pairs not known apart), by
   * `dp * gtCount + gp`: a confusion matrix at another threshold mostly asks for the same
   * pairs, and then needs no mask.
   */
  readonly pairs: Map<number, number>;
};

/**
 * IoU of detection dp and ground truth gp (not crowd); masks' through the pair cache,
 * but for pairs whose known ranges are apart (0, and no mask to make again for them).
 */
function cachedIou(input: LoopInput): (dp: number, gp: number) => number {
  const geo = input.geometry;
  const n = geo.gtTable.count;
  if (geo.iouType !== 'segm') return (dp, gp) => pairIou(geo, dp, gp, false);
  return (dp, gp) => {
    if (masksApart(geo.dtMasks, dp, geo.gtMasks, gp)) return 0;
    const key = dp * n + gp;
    let v = input.pairs.get(key);
    if (v === undefined) {
      v = pairIou(geo, dp, gp, false);
      input.pairs.set(key, v);
    }
    return v;
  };
}

function dropImageMasks(input: LoopInput, from: number, to: number): void {
  const { geometry: geo, cells, byImage } = input;
  if (geo.iouType !== 'segm') return;
  for (let j = from; j < to; j++) {
    const c = byImage.list[j]!;
    for (let g = cells.gtStart[c]!; g < cells.gtStart[c + 1]!; g++) {
      dropMask(geo.gtMasks, cells.gtList[g]!);
    }
    for (let s = cells.slotStart[c]!; s < cells.slotStart[c + 1]!; s++) {
      dropMask(geo.dtMasks, cells.slotDt[s]!);
    }
  }
  // Every mask made for the image was one of its cells': none is in use any more.
  geo.arena.reset();
}

function view(input: LoopInput): ImageView {
  const { gtTable, dtTable } = input.geometry;
  return { cells: input.cells, gtTable, dtTable, list: input.byImage.list };
}

/**
 * Fills every cell's IoUs, and returns the matches and confusion matrix at `threshold`.
 * Yields the share of the images done, every 8 images (a few ms of work at most: 64 images
 * took up to ~0.1 s the first time, when the code is not optimized yet).
 */
export function* imagePass(
  input: LoopInput,
  threshold: number,
): Generator<number, { matches: Matches; confusion: ConfusionMatrix }> {
  const { geometry: geo, cells, byImage, area } = input;
  const images = byImage.start.length - 1;
  const matchInput = { cells, gtTable: geo.gtTable, dtTable: geo.dtTable, area };
  const buffers: MatchBuffers = matchBuffers(geo.dtTable.count, geo.gtTable.count);
  const scratch = matchScratch(cells);
  const counter = confusionCounter(input.categoryIds.length, geo.gtTable.count);
  const images_ = view(input);
  const iou = cachedIou(input);
  for (let i = 0; i < images; i++) {
    const from = byImage.start[i]!;
    const to = byImage.start[i + 1]!;
    for (let j = from; j < to; j++) {
      const c = byImage.list[j]!;
      computeCellIous(geo, cells, c);
      matchCellInto(matchInput, c, threshold, scratch, buffers);
    }
    countImage(counter, images_, from, to, buffers, threshold, iou);
    dropImageMasks(input, from, to);
    if ((i & 7) === 7) yield (i + 1) / images;
  }
  return {
    matches: finishMatches(threshold, buffers),
    confusion: finishConfusion(counter, threshold, input.categoryIds),
  };
}

/** The confusion matrix at another threshold: masks are made again where pairs need them. */
export function confusionPass(input: LoopInput, threshold: number): ConfusionMatrix {
  const { geometry: geo, byImage, cells, area } = input;
  const matches = matchAt({ cells, gtTable: geo.gtTable, dtTable: geo.dtTable, area }, threshold);
  const counter = confusionCounter(input.categoryIds.length, geo.gtTable.count);
  const images_ = view(input);
  const iou = cachedIou(input);
  for (let i = 0; i + 1 < byImage.start.length; i++) {
    const from = byImage.start[i]!;
    const to = byImage.start[i + 1]!;
    countImage(counter, images_, from, to, matches, threshold, iou);
    dropImageMasks(input, from, to);
  }
  return finishConfusion(counter, threshold, input.categoryIds);
}
