/** The edit messages' types (protocol.ts): what the page asks, and what an edit changed. */
import type {
  BoxSegmentation,
  CocoId,
  FixKind,
  JsonRecord,
  KeypointEdit,
  KeypointSetName,
  Patch,
  Shape,
} from '../coco';
import type { PredictionsSummary } from './predictionTypes';
import type { CategoryInfo } from './summaryTypes';

/** An edit as the page asks for it; annotations by their view keys, categories by id. */
export type EditCommand =
  /** Field edits as the user means them, in each file's own conventions (edit/fieldCommands.ts). */
  | { type: 'set-crowd'; keys: number[]; on: boolean }
  | { type: 'relabel'; keys: number[]; categoryId: CocoId }
  | { type: 'set-score'; keys: number[]; score: number | null }
  | { type: 'set-attribute'; keys: number[]; name: string; value: unknown }
  | { type: 'rename-attribute'; keys: number[]; from: string; to: string }
  | { type: 'set-shape'; key: number; shape: Shape }
  /** A keypoint edit on one set of an annotation (edit/keypointCommands.ts). */
  | { type: 'keypoint'; key: number; set: KeypointSetName; edit: KeypointEdit }
  | {
      type: 'add-annotation';
      imageIndex: number;
      categoryId: CocoId;
      shape: Shape;
      /** How a box's segmentation is written (a 4-corner polygon unless Datumaro's `[]`). */
      boxAs?: BoxSegmentation;
    }
  /**
   * A brush (or, with `erase`, eraser) stroke: painted into the mask or polygon `key`, or
   * (key null) into a new mask annotation of `categoryId` on image `imageIndex`.
   * `points` are x, y pairs in image pixels, `size` the brush diameter (see brushStroke.ts).
   */
  | {
      type: 'paint';
      key: number | null;
      imageIndex: number;
      categoryId: CocoId;
      stroke: { points: number[]; size: number };
      erase: boolean;
    }
  | { type: 'delete'; keys: number[] }
  | { type: 'merge-crowd'; keys: number[] }
  | { type: 'split'; key: number }
  | { type: 'add-category'; name: string; supercategory: string }
  | { type: 'set-category'; id: CocoId; fields: JsonRecord }
  | { type: 'merge-categories'; from: CocoId; into: CocoId }
  | { type: 'delete-category'; id: CocoId; reassignTo: CocoId | null }
  | { type: 'set-attribute-of-category'; categoryId: CocoId; name: string; value: unknown }
  /** A fix offered by the checks, for the annotations (keys) or categories it names. */
  | { type: 'fix'; fix: FixKind; keys: number[]; categoryIds: CocoId[] }
  | MaskCommand;

/**
 * A pixel edit of one annotation (coco/edit/maskCommands.ts), which the page previews
 * (`preview-edit`) before it sends it as an edit. `crowd`: iscrowd is set too.
 */
export type MaskCommand =
  | { type: 'convert-to-mask'; key: number; crowd: boolean }
  /** `tolerance`: how far (image pixels) the polygon may stray from the mask's outline. */
  | { type: 'convert-to-polygons'; key: number; tolerance: number }
  | { type: 'fill-holes'; key: number }
  /** Removes the mask's 8-connected parts of fewer than `minPixels` pixels. */
  | { type: 'remove-specks'; key: number; minPixels: number };

/**
 * A patch for each annotation file (source) of a subset it touches, applied in order.
 * `create: 'instances'` on a source one past the subset's last: the subset had no
 * instances file for a drawn shape, and one is made (see instancesSource.ts).
 */
export type SubsetPatch = { source: number; patch: Patch; create?: 'instances' }[];

/** A category's annotation counts after an edit. */
export type CategoryCount = { id: CocoId; annotationCount: number; crowdCount: number };

/** What an edit changed in the summary the page holds. */
export type SubsetDelta = {
  subset: number;
  annotationCount: number;
  crowdCount: number;
  /**
   * The whole category table when the edit changed it (added, renamed, merged, deleted a
   * category); otherwise null, and `categoryCounts` holds the counts that changed — a
   * relabel among 10^6 categories sends two counts, not the table.
   */
  categories: CategoryInfo[] | null;
  categoryCounts: CategoryCount[];
  /** New annotation counts and flags of the images the edit touched. */
  images: { index: number; annotationCount: number; flags: number }[];
  /** The predictions' summary after the edit (their verdicts may now be stale). */
  predictions: PredictionsSummary | null;
};

/**
 * What an edit, undo or redo did: `patch` is what it applied (keep it to undo), `delta`
 * updates the page's summary, `inserted` are the view keys of annotations it added.
 */
export type Edited = { patch: SubsetPatch; delta: SubsetDelta; inserted: number[] };
