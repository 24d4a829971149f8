/**
 * The messages between the page and the data engine worker: one discriminated union each
 * way. The engine owns the parsed dataset; the page receives only what it shows (an image
 * table, categories, counts, the current image's annotations). Buffers and bitmaps go
 * in transfer lists (see client.ts), never cloned.
 */
import type {
  CocoId,
  DatasetKind,
  DatasetStats,
  FindingKind,
  FixKind,
  IouType,
  ExportSettings,
  JsonRecord,
  Patch,
  PreflightFinding,
  ProblemCode,
  Severity,
  Shape,
  BoxSegmentation,
} from '../coco';
import type {
  ConfusionReport,
  EvaluationReport,
  GroundTruthMatch,
  ImageMistakes,
  PredictionsSummary,
  ViewPrediction,
} from './predictionTypes';
import type { SourceFile } from '../io/sourceFile';

export * from './predictionTypes';

/** What a reader of the export would refuse or change, in which of the subset's files. */
export type PreflightInfo = PreflightFinding & { file: string };

// A file the user gave: defined by io (which makes them), carried by the messages below.
export type { SourceFile };

/** Per-image flags in `ImageTable.flags`. */
export const ImageFlag = {
  hasCrowd: 1,
  hasProblems: 2,
  /** The picture itself was found among the opened files. */
  hasFile: 4,
  /** An annotation of the image was edited, added or deleted. */
  edited: 8,
  /** The last run of the deeper checks found something on the image or its annotations. */
  hasFindings: 16,
} as const;

/**
 * `flags` with `hasFindings` on exactly the images at `flagged` (the last check's). Here,
 * beside the flags, because the engine and the page both apply it and must agree.
 */
export function withFindingFlags(flags: Uint8Array, flagged: Int32Array): Uint8Array {
  const out = flags.map((f) => f & ~ImageFlag.hasFindings);
  for (const i of flagged) out[i]! |= ImageFlag.hasFindings;
  return out;
}

/** The images of a subset, column-wise so 118k rows post quickly. Index = image position. */
export type ImageTable = {
  ids: CocoId[];
  fileNames: string[];
  widths: Int32Array;
  heights: Int32Array;
  annotationCounts: Int32Array;
  flags: Uint8Array;
};

export type CategoryInfo = {
  id: CocoId;
  name: string;
  supercategory: string | null;
  keypoints: string[] | null;
  /** 0-based keypoint index pairs. */
  skeleton: [number, number][] | null;
  annotationCount: number;
  crowdCount: number;
};

/** Problems of the opened files beside the json's own: a picture the matcher could not pick. */
export type PictureProblemCode = 'picture-ambiguous' | 'picture-unreadable';

/** A problem as the page lists it; `imageIndex` links to the image when known. */
export type ProblemInfo = {
  code: ProblemCode | PictureProblemCode;
  severity: Severity;
  file: string;
  path: string;
  message: string;
  imageIndex: number | null;
  annotationId: CocoId | null;
};

export type SubsetSummary = {
  name: string;
  /** The annotation files this subset was read from, with their kinds. */
  files: { path: string; kind: DatasetKind; annotationCount: number }[];
  images: ImageTable;
  categories: CategoryInfo[];
  annotationCount: number;
  crowdCount: number;
  /** Problems kept for the list (capped); `problemTotal` counts all. */
  problems: ProblemInfo[];
  problemTotal: number;
  problemCounts: Partial<Record<ProblemCode | PictureProblemCode, number>>;
  /** How many images' pictures were found among the opened files. */
  imagesFound: number;
  /** Of the images found, how many have a picture that cannot be read (encrypted, LZMA). */
  imagesUnreadable: number;
  /** File names not found (capped list). */
  imagesMissing: string[];
  /** A results list shown over this subset's ground truth, when one was given. */
  predictions: PredictionsSummary | null;
};

export type OpenSummary = {
  subsets: SubsetSummary[];
  /** What each opened file other than a picture turned out to be. */
  files: { path: string; role: 'annotations' | 'unreadable'; note?: string }[];
  /** How many pictures were among the opened files. */
  pictureCount: number;
};

/** A mask drawn as one image: the crop `[x, y, width, height]` of its image, in image pixels. */
export type MaskImage = {
  bitmap: ImageBitmap;
  x: number;
  y: number;
  width: number;
  height: number;
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
  /** Which annotation file of the subset it comes from. */
  fileIndex: number;
  /** Changed (or added) since the dataset was opened. */
  edited: boolean;
  /** How the predictions matched it, when predictions were evaluated. */
  match: GroundTruthMatch | null;
};

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
};

/** How the image list is ordered; ties keep the images' own order. */
export type ImageSort = 'file' | 'false-positives' | 'misses' | 'mistakes';

/** Which images the list shows; empty fields do not filter. */
export type ImageFilter = {
  /** Part of the file name (case-insensitive). */
  text: string;
  /** Category ids (as strings): images with an annotation of any of them. */
  categories: string[];
  hasCrowd: boolean;
  hasProblems: boolean;
  notAnnotated: boolean;
  /** Only images with an edited, added or deleted annotation. */
  edited: boolean;
  /** Only images with false positives, or missed ground truth (either, when both are set). */
  falsePositives: boolean;
  misses: boolean;
  /** The order of the list: the images' own, or most mistakes (by the verdicts) first. */
  sort: ImageSort;
  /** Only images with at least `min` and (unless null) at most `max` annotations. */
  annotationCount: { min: number; max: number | null } | null;
  /** Only images of this size (pixels). */
  size: { width: number; height: number } | null;
};

export const NO_FILTER: ImageFilter = {
  text: '',
  categories: [],
  hasCrowd: false,
  hasProblems: false,
  notAnnotated: false,
  edited: false,
  falsePositives: false,
  misses: false,
  sort: 'file',
  annotationCount: null,
  size: null,
};

/** An edit as the page asks for it; annotations by their view keys, categories by id. */
export type EditCommand =
  /** Field edits as the user means them, in each file's own conventions (edit/fieldCommands.ts). */
  | { type: 'set-crowd'; keys: number[]; on: boolean }
  | { type: 'relabel'; keys: number[]; categoryId: CocoId }
  | { type: 'set-score'; keys: number[]; score: number | null }
  | { type: 'set-attribute'; keys: number[]; name: string; value: unknown }
  | { type: 'rename-attribute'; keys: number[]; from: string; to: string }
  | { type: 'set-shape'; key: number; shape: Shape }
  | {
      type: 'add-annotation';
      imageIndex: number;
      categoryId: CocoId;
      shape: Shape;
      /** How a box's segmentation is written (a 4-corner polygon unless Datumaro's `[]`). */
      boxAs?: BoxSegmentation;
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
  | { type: 'fix'; fix: FixKind; keys: number[]; categoryIds: CocoId[] };

/** A deeper check's finding, as the problems panel lists it (see coco/checks.ts). */
export type FindingInfo = {
  kind: FindingKind;
  message: string;
  /** The annotation's view key, when about an annotation. */
  key: number | null;
  annotationId: CocoId | null;
  imageIndex: number | null;
  categoryId: CocoId | null;
  fix: FixKind | null;
};

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

/** What an export writes (see coco/exportPlan.ts) and whether the pictures go in the zip. */
export type ExportRequest = ExportSettings & { includeImages: boolean };

export type OpenPhase =
  | 'listing'
  | 'reading'
  | 'parsing'
  | 'indexing'
  | 'matching'
  | 'writing'
  | 'pictures'
  | 'checking'
  | 'evaluating';

/** page → engine */
export type Request =
  | { type: 'open'; id: number; files: SourceFile[] }
  | { type: 'add-images'; id: number; files: SourceFile[] }
  | {
      type: 'image-view';
      id: number;
      subset: number;
      imageIndex: number;
      /**
       * Colours the user picked, by category id (as a string); the others follow the
       * palette (coco/palette.ts), so 10^6 categories are not sent with every view.
       */
      customColors: Record<string, string>;
    }
  | { type: 'filter-images'; id: number; subset: number; filter: ImageFilter }
  | { type: 'picture'; id: number; subset: number; imageIndex: number }
  | { type: 'edit'; id: number; subset: number; command: EditCommand }
  /** Undo, redo and restore: patches the page kept, applied in order. */
  | { type: 'apply-patches'; id: number; subset: number; patches: SubsetPatch[] }
  /** json: the subset's annotation files; zip: every subset, CVAT COCO 1.1 layout. */
  | { type: 'export'; id: number; format: 'json' | 'zip'; subset: number; settings: ExportRequest }
  | { type: 'cancel-export'; id: number }
  | { type: 'check'; id: number; subset: number }
  /** Results lists to show over a subset (the current one unless their ids say otherwise). */
  | { type: 'add-predictions'; id: number; subset: number; files: SourceFile[] }
  | { type: 'evaluate'; id: number; subset: number; iouType: IouType }
  | { type: 'match-threshold'; id: number; subset: number; threshold: number }
  | { type: 'stats'; id: number; subset: number }
  | { type: 'preflight'; id: number; subset: number; settings: ExportSettings }
  /** The next (or previous) annotation of a kind after `from`, across images (N / Shift+N). */
  | { type: 'walk'; id: number; subset: number; kind: WalkKind; from: WalkStop; step: 1 | -1 };

/**
 * What N / Shift+N walk through, in image order then annotation order: every annotation,
 * crowd ones, those with a problem (found reading the file or by the last checks), edited
 * ones, the detections that are false positives, or the ground truth they missed.
 */
export type WalkKind = 'annotation' | 'crowd' | 'problem' | 'edited' | 'false-positive' | 'miss';

/** A place in a walk: an image, and an annotation's (or a detection's) view key on it. */
export type WalkStop = { imageIndex: number; key: number | null };

/** Where a walk stepped to, its 1-based position among all `total` stops; null when none. */
export type Walked = { stop: (WalkStop & { key: number }) | null; position: number; total: number };

/**
 * What an edit, undo or redo did: `patch` is what it applied (keep it to undo), `delta`
 * updates the page's summary, `inserted` are the view keys of annotations it added.
 */
export type Edited = { patch: SubsetPatch; delta: SubsetDelta; inserted: number[] };

/** A file an export made; `notes`: what the user should know about it (a picture left out). */
export type ExportedFile = { name: string; blob: Blob; notes?: string[] };

/** The deeper checks' answer (see coco/checks.ts). */
export type Checked = {
  findings: FindingInfo[];
  /** Positions of the images with findings, ascending (all of them; `findings` may be capped). */
  flagged: Int32Array;
  counts: Partial<Record<FindingKind, number>>;
};

/** Every request type must have an entry (extra keys would be answers nobody asks for). */
type AnswerMap<M extends { [T in Request['type']]: { type: string } | null }> = M;

/**
 * The protocol end to end: each request type → its answer (without the `id` it echoes).
 * The client resolves a request with exactly this type, and the worker's handler table
 * (serve.ts) must return it, so neither side narrows by hand. Any request may instead be
 * answered `failed`, and long ones send `progress` first.
 */
export type Answers = AnswerMap<{
  open: { type: 'opened'; summary: OpenSummary };
  'add-images': { type: 'images-added'; summary: OpenSummary };
  'image-view': { type: 'image-view'; view: ImageView };
  /** Image positions that pass the filter, in the list's order (`filter.sort`). */
  'filter-images': { type: 'images-filtered'; images: Int32Array };
  picture: { type: 'picture'; picture: Blob | null };
  edit: { type: 'edited' } & Edited;
  'apply-patches': { type: 'edited' } & Edited;
  export: { type: 'exported'; files: ExportedFile[] };
  /** No answer of its own: the export it stops answers `failed` (code `cancelled`). */
  'cancel-export': null;
  check: { type: 'checked' } & Checked;
  /** `subset`: the one the (last) results list was attached to. */
  'add-predictions': { type: 'predictions-added'; summary: OpenSummary; subset: number };
  evaluate: {
    type: 'evaluated';
    report: EvaluationReport;
    confusion: ConfusionReport;
    predictions: PredictionsSummary;
    mistakes: ImageMistakes | null;
  };
  'match-threshold': {
    type: 'matched';
    confusion: ConfusionReport | null;
    predictions: PredictionsSummary;
    mistakes: ImageMistakes | null;
  };
  stats: { type: 'stats'; stats: DatasetStats };
  preflight: { type: 'preflighted'; findings: PreflightInfo[] };
  walk: { type: 'walked' } & Walked;
}>;

/** The request types that are answered (all but `cancel-export`). */
export type AnsweredType = {
  [T in Request['type']]: Answers[T] extends null ? never : T;
}[Request['type']];

/** The answer to a request of type `T`, as posted. */
export type AnswerTo<T extends AnsweredType> = NonNullable<Answers[T]> & { id: number };

/**
 * Each answered request's answer type, at run time: the client checks an answer against
 * it (one check for every request instead of one per method). Typed by the map, so an
 * entry cannot disagree with it.
 */
export const ANSWER_TYPES: { [T in AnsweredType]: NonNullable<Answers[T]>['type'] } = {
  open: 'opened',
  'add-images': 'images-added',
  'image-view': 'image-view',
  'filter-images': 'images-filtered',
  picture: 'picture',
  edit: 'edited',
  'apply-patches': 'edited',
  export: 'exported',
  check: 'checked',
  'add-predictions': 'predictions-added',
  evaluate: 'evaluated',
  'match-threshold': 'matched',
  stats: 'stats',
  preflight: 'preflighted',
  walk: 'walked',
};

/** The one place an answer is narrowed: by its type, against the table above. */
export function isAnswerTo<T extends AnsweredType>(
  type: T,
  response: { type: string },
): response is AnswerTo<T> {
  return response.type === ANSWER_TYPES[type];
}

export type ProgressMessage = {
  type: 'progress';
  id: number;
  phase: OpenPhase;
  file: string;
  done: number;
  total: number;
};

/** engine → page: progress, an answer from the map above, or a failure. */
export type Response =
  | ProgressMessage
  | { [T in AnsweredType]: AnswerTo<T> }[AnsweredType]
  | { type: 'failed'; id: number; error: EngineError };

/** An error the user sees: which file, where in it, and what is wrong. */
export type EngineError = {
  file: string;
  place: string;
  message: string;
  /** Set when the files held pictures but no annotations (they may belong to the open dataset). */
  code?: 'no-annotations' | 'cancelled';
};

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** A request before the client numbers it. */
export type UnsentRequest = { [T in Request['type']]: Omit<RequestOf<T>, 'id'> }[Request['type']];
