/**
 * The current image as the page draws and lists it: its annotations (a union by kind), their
 * masks as bitmaps, its picture and problems. Part of the message protocol (protocol.ts
 * re-exports it).
 */
import type { CocoId, WholeBodySetName } from '../coco';
import type { GroundTruthMatch, ViewPrediction } from './predictionTypes';
import type { ProblemInfo } from './summaryTypes';

/** A mask drawn as one image: the crop `[x, y, width, height]` of its image, in image pixels. */
export type MaskImage = {
  bitmap: ImageBitmap;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Made at the resolution the canvas showed the image (worker/sampledPixels.ts), to be
   * drawn at once: `[x, y, width, height]` is where it goes, not its pixels' crop. The page
   * asks for the whole mask then, which takes its place (canvas/heldMasks.ts).
   */
  sampled?: true;
};

/** `[x, y, w, h]`, image pixels. */
export type ViewBbox = [number, number, number, number];

/**
 * What an annotation holds, by kind. The kind is its segmentation's when it has one
 * (polygons, an RLE mask, a panoptic segment); without one, keypoints make it 'keypoints',
 * else a caption 'caption', else a bbox 'box', else it is only a 'label'. Each variant has
 * the field that gave it its kind, never null; what may come beside it is typed `| null`
 * (a person in COCO's keypoints files has polygons, a bbox and keypoints; a file may omit
 * any bbox). A kind that rules a field out has no such field: a 'box' has no keypoints nor
 * caption (they would have made it another kind), a 'label' has nothing to draw.
 */
export type AnnotationBody =
  | {
      kind: 'polygon';
      /** Polygon parts `[x1, y1, …]`, image pixels. */
      polygons: number[][];
      bbox: ViewBbox | null;
      keypoints: number[] | null;
      caption: string | null;
    }
  | {
      /** An RLE mask (crowd regions, segm results). */
      kind: 'mask';
      /** Set by the worker shell once drawn; null when not drawn (too many pixels, bad RLE). */
      mask: MaskImage | null;
      bbox: ViewBbox | null;
      keypoints: number[] | null;
      caption: string | null;
    }
  | {
      /** A panoptic segment: painted from its image's PNG segment map. */
      kind: 'segment';
      /** Set by the worker shell once painted; null when the segment map cannot be read. */
      mask: MaskImage | null;
      bbox: ViewBbox | null;
    }
  | {
      kind: 'keypoints';
      /** `[x, y, v]` triples, image pixels; v = 0 not labeled, 1 hidden, 2 visible. */
      keypoints: number[];
      bbox: ViewBbox | null;
      caption: string | null;
    }
  | { kind: 'caption'; caption: string; bbox: ViewBbox | null }
  | { kind: 'box'; bbox: ViewBbox }
  | { kind: 'label' };

export type AnnotationKind = AnnotationBody['kind'];

/** One annotation of the current image, as the canvas and the inspector need it. */
export type ViewAnnotation = AnnotationBody & {
  /** Position in the subset's annotations: the stable key while the dataset is open. */
  key: number;
  id: CocoId;
  categoryId: CocoId | null;
  iscrowd: boolean;
  score: number | null;
  /** `area` as the file gives it, else as computed. */
  area: number | null;
  attributes: Record<string, unknown> | null;
  /** Fields the annotation holds beyond COCO's (FiftyOne writes attributes there). */
  extra: Record<string, unknown>;
  /** COCO-WholeBody's extra keypoint sets the annotation holds (not repeated in `extra`). */
  keypointSets: ViewKeypointSet[];
  /** `num_keypoints` as the file gives it (a number), else null. */
  numKeypoints: number | null;
  /** Which annotation file of the subset it comes from. */
  fileIndex: number;
  /** Changed (or added) since the dataset was opened. */
  edited: boolean;
  /** How the predictions matched it, when predictions were evaluated. */
  match: GroundTruthMatch | null;
};

/** One of COCO-WholeBody's extra keypoint sets: `[x, y, v]` triples, image pixels. */
export type ViewKeypointSet = { set: WholeBodySetName; points: number[] };

export type ImageView = {
  subset: number;
  imageIndex: number;
  annotations: ViewAnnotation[];
  /** The picture, when found: a slice of the opened file or zip (no copy for stored entries). */
  picture: Blob | null;
  /** Why the found picture cannot be read (an LZMA zip entry, say), when it cannot. */
  pictureError: string | null;
  /** The image's own problems. */
  problems: ProblemInfo[];
  /** Detections of a results list shown over the ground truth. */
  predictions: ViewPrediction[];
  /**
   * `[key, token]` of each annotation's mask drawn: the page keeps bitmaps by token and
   * says which it holds when it asks for a view (`held`); a held mask comes with its token
   * and no bitmap (its `mask` is null), to be drawn from the page's bitmap.
   */
  maskTokens: [key: number, token: string][];
};

/**
 * What a mask command would do (the `preview-edit` answer): pixels added and removed and
 * the IoU of before and after (pycocotools' rleIou, non-crowd), the parts (and polygon
 * points) after, and the changed pixels as one image: added in PREVIEW_COLORS.added,
 * removed in `removed`; a conversion to a mask also shows the pixels it keeps in `kept`.
 * `rle`: the RLE a conversion to a mask would write, as the user checks it.
 */
export type MaskPreview = {
  iou: number;
  added: number;
  removed: number;
  parts: number;
  points: number | null;
  image: MaskImage | null;
  rle: {
    size: [height: number, width: number];
    area: number;
    bbox: number[];
    /** The start of `counts` as the file would hold it (a string, or a list joined by commas). */
    countsStart: string;
    compressed: boolean;
  } | null;
};

/**
 * How the canvas shows the image: the stage's `scale` (CSS pixels per image pixel) and
 * position (CSS pixels), and `ratio` device pixels per CSS pixel. A preview is made for it.
 */
export type ShownAt = { scale: number; x: number; y: number; ratio: number };

/**
 * The resolution a preview is made at for `shown`, in bitmap pixels per image pixel: one
 * per device pixel when the canvas shows fewer device pixels than image pixels, else 1.
 */
export function previewScale(shown: ShownAt | null): number {
  return shown === null ? 1 : Math.min(1, shown.scale * shown.ratio);
}

/** The preview's colours (RGB): added, removed, and kept pixels. */
export const PREVIEW_COLORS = {
  added: [0, 230, 118],
  removed: [255, 23, 68],
  kept: [41, 121, 255],
} as const satisfies Record<string, readonly [number, number, number]>;
