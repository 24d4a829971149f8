/**
 * The current image's annotations as the page draws and lists them. Masks come out as
 * pixels of their bounding box; the worker shell turns them into ImageBitmaps.
 */
import {
  annotationArea,
  annotationRle,
  categoryColor,
  idKey,
  isWholeBodySet,
  WHOLEBODY_SETS,
  type AnnotationRecord,
  type CocoId,
  type ImageRecord,
} from '../coco';
import { bodyOf } from './annotationBody';
import {
  MAX_IMAGE_MASK_PIXELS,
  maskBoxPixels,
  maskPixels,
  parseHexColor,
  type MaskPixels,
} from './maskPixels';
import type { WantedSegment } from './panoptic';
import { groundTruthMatch, predictionsOfImage } from './predictionView';
import { SentMasks } from './sentMasks';
import type {
  GroundTruthMatch,
  ProblemInfo,
  ViewAnnotation,
  ViewKeypointSet,
  ViewPrediction,
} from './protocol';
import { annotationsOfImage, isEdited, type Subset } from './subset';

/** Fields COCO defines; anything else on an annotation is shown as an extra attribute. */
const COCO_FIELDS = new Set([
  'id',
  'image_id',
  'category_id',
  'segmentation',
  'area',
  'bbox',
  'iscrowd',
  'score',
  'keypoints',
  'num_keypoints',
  'caption',
  'attributes',
]);

export type ImageViewParts = {
  annotations: ViewAnnotation[];
  /** Mask pixels by position in `annotations`; none for the masks the page holds. */
  masks: Map<number, MaskPixels>;
  /** The token of each annotation's mask drawn (sentMasks.ts), by position: made or held. */
  maskTokens: Map<number, string>;
  /** Panoptic segments to paint from the image's PNG segment map (keys are positions). */
  segments: { pngFileName: string; wanted: WantedSegment[] } | null;
  /** Detections of the results list shown over the ground truth, and their masks by position. */
  predictions: ViewPrediction[];
  predictionMasks: Map<number, MaskPixels>;
  /** Masks left undrawn because the image's masks together pass MAX_IMAGE_MASK_PIXELS. */
  undrawnMasks: number;
};

/** A category's colour as the page draws it (coco/palette.ts); magenta for an unknown id. */
export function categoryColorOf(subset: Subset, custom: Record<string, string>) {
  return (id: CocoId | null): string =>
    id !== null && subset.categoryById.has(idKey(id)) ? categoryColor(id, custom) : '#ff00ff';
}

/**
 * The image's annotations, and the pixels of their masks but those the page holds: `held`
 * names the page's bitmaps by their tokens in `sent`.
 */
export function buildImageView(
  subset: Subset,
  imageIndex: number,
  customColors: Record<string, string>,
  sent: SentMasks = new SentMasks(),
  held: ReadonlySet<string> = new Set(),
): ImageViewParts {
  const colorOf = categoryColorOf(subset, customColors);
  const image = subset.images[imageIndex];
  const annotations: ViewAnnotation[] = [];
  const masks = new Map<number, MaskPixels>();
  const maskTokens = new Map<number, string>();
  let segments: ImageViewParts['segments'] = null;
  const shown = predictionsOfImage(subset, imageIndex, colorOf);
  const parts = { predictions: shown.predictions, predictionMasks: shown.masks };
  let budget = MAX_IMAGE_MASK_PIXELS;
  let undrawnMasks = 0;
  if (image === undefined)
    return { annotations, masks, maskTokens, segments, ...parts, undrawnMasks };
  for (const [s, position] of annotationsOfImage(subset, imageIndex)) {
    const ann = subset.sources[s]!.dataset.annotations.at(position)!;
    const view = toView(
      ann,
      image,
      subset.keyOffsets[s]! + position,
      s,
      isEdited(subset.sources[s]!, ann),
      groundTruthMatch(subset, s, position),
    );
    if (ann.segmentation.kind === 'rle') {
      const rle = annotationRle(ann, image);
      const color = parseHexColor(colorOf(ann.categoryId));
      const size = rle === null ? 0 : maskBoxPixels(rle);
      if (size > budget) undrawnMasks++;
      else if (rle !== null && size > 0) {
        const token = sent.tokenOf(rle, color);
        const pixels = held.has(token) ? null : maskPixels(rle, color);
        if (pixels !== null || held.has(token)) {
          maskTokens.set(annotations.length, token);
          if (pixels !== null) masks.set(annotations.length, pixels);
          budget -= size;
        }
      }
    } else if (ann.segmentation.kind === 'panoptic') {
      segments ??= { pngFileName: ann.segmentation.pngFileName, wanted: [] };
      segments.wanted.push({
        key: annotations.length,
        segmentId: ann.segmentation.segmentId,
        color: colorOf(ann.categoryId),
      });
    }
    annotations.push(view);
  }
  return { annotations, masks, maskTokens, segments, ...parts, undrawnMasks };
}

function toView(
  ann: AnnotationRecord,
  image: ImageRecord,
  key: number,
  fileIndex: number,
  edited: boolean,
  match: GroundTruthMatch | null,
): ViewAnnotation {
  const extra: Record<string, unknown> = {};
  for (const k of Object.keys(ann.file)) {
    if (!COCO_FIELDS.has(k) && !(isWholeBodySet(k) && numbers(ann.file[k])))
      Object.defineProperty(extra, k, { value: shown(ann.file[k]), enumerable: true });
  }
  return {
    ...bodyOf(ann),
    key,
    id: ann.id,
    categoryId: ann.categoryId,
    iscrowd: ann.iscrowd,
    score: ann.score,
    area: ann.area ?? (ann.segmentation.kind === 'panoptic' ? null : safeArea(ann, image)),
    attributes: ann.attributes === null ? null : shownEach(ann.attributes),
    extra,
    keypointSets: keypointSetsOf(ann.file),
    numKeypoints: typeof ann.file.num_keypoints === 'number' ? ann.file.num_keypoints : null,
    fileIndex,
    edited,
    match,
  };
}

/** COCO-WholeBody's extra keypoint sets of an annotation, those that are lists of numbers. */
function keypointSetsOf(file: object): ViewKeypointSet[] {
  const record = file as Record<string, unknown>;
  return WHOLEBODY_SETS.flatMap((set) => {
    const points = record[set];
    return numbers(points) ? [{ set, points: [...points] }] : [];
  });
}

function numbers(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** The problems that point at one image. */
export function problemsOfImage(
  problems: readonly ProblemInfo[],
  imageIndex: number,
): ProblemInfo[] {
  return problems.filter((p) => p.imageIndex === imageIndex);
}

/** The area when the file gives none; null for shapes too large to rasterize. */
function safeArea(ann: AnnotationRecord, image: ImageRecord): number | null {
  try {
    return annotationArea(ann, image);
  } catch {
    return null;
  }
}

/**
 * Values nested deeper than this are shown as a note: posting them to the page would
 * overflow the structured clone's stack (a field nested 100,000 levels deep hid every
 * annotation of its image). They stay in the file and are exported as they are.
 */
const MAX_SHOWN_DEPTH = 64;

function shownEach(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record))
    Object.defineProperty(out, k, { value: shown(record[k]), enumerable: true });
  return out;
}

function shown(value: unknown): unknown {
  const depth = depthOf(value, MAX_SHOWN_DEPTH + 1);
  return depth > MAX_SHOWN_DEPTH
    ? `(nested more than ${MAX_SHOWN_DEPTH} levels deep: not shown)`
    : value;
}

/** How deep a JSON value nests, counted up to `limit` (iteratively: no stack to overflow). */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest >= limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}
