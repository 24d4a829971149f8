/**
 * The messages between the page and the data engine worker: one discriminated union each
 * way. The engine owns the parsed dataset; the page receives only what it shows (an image
 * table, categories, counts, the current image's annotations). Buffers and bitmaps go
 * in transfer lists (see client.ts), never cloned.
 */
import type {
  CocoId,
  DatasetStats,
  FindingKind,
  FixKind,
  IouType,
  ExportSettings,
  PreflightFinding,
} from '../coco';
import type {
  ConfusionReport,
  EvaluationReport,
  ImageMistakes,
  PredictionsSummary,
} from './predictionTypes';
import type { Edited, EditCommand, MaskCommand, SubsetPatch } from './editTypes';
import type { SourceFile } from '../io/sourceFile';
import type { ImageTable, OpenSummary } from './summaryTypes';
import type { ImageView, MaskImage, MaskPreview, ShownAt } from './viewTypes';

export * from './editTypes';
export * from './predictionTypes';
export * from './summaryTypes';
export * from './viewTypes';

/** What a reader of the export would refuse or change, in which of the subset's files. */
export type PreflightInfo = PreflightFinding & { file: string };

// A file the user gave: defined by io (which makes them), carried by the messages below.
export type { SourceFile };

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
  | {
      type: 'open';
      id: number;
      files: SourceFile[];
      /**
       * The image the page will show first, by file name or id (its URL names one; see
       * `firstImageIndex`): its view comes with the answer. Absent or null: the first image.
       */
      firstImage?: string | null;
      /**
       * A channel to the worker that reads big jsons' slices (reader.worker.ts), and whether
       * it also scans their later parts.
       */
      reader?: { port: MessagePort; scansTail: boolean } | null;
    }
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
      /** The tokens of the image's masks the page holds as bitmaps (ImageView.maskTokens). */
      held?: string[];
    }
  | { type: 'filter-images'; id: number; subset: number; filter: ImageFilter }
  | { type: 'picture'; id: number; subset: number; imageIndex: number }
  | {
      type: 'edit';
      id: number;
      subset: number;
      command: EditCommand;
      /** The image the page shows: its view after the edit comes with the answer. */
      view?: ViewAsked;
    }
  /** What a mask command would do, without doing it. */
  | {
      type: 'preview-edit';
      id: number;
      subset: number;
      command: MaskCommand;
      /** How the canvas shows the image, for the changed pixels' resolution (absent: whole). */
      shown?: ShownAt | null;
      /**
       * The user's colours (as `image-view`'s): given, the mask an Apply would draw is made
       * ahead while the preview shows, for the view after the Apply (preparedMask.ts).
       */
      customColors?: Record<string, string>;
    }
  /**
   * Every pixel of a mask the page was sent under `token` made as the canvas showed it
   * (`MaskImage.sampled`), to take its place.
   */
  | { type: 'whole-mask'; id: number; token: string }
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
  | { type: 'walk'; id: number; subset: number; kind: WalkKind; from: WalkStop; step: 1 | -1 }
  /**
   * Sent to a spare engine while the page is idle: it opens a small built-in dataset in an
   * engine of its own (warmUp.ts), so that a real open finds its code compiled.
   */
  | { type: 'warm-up'; id: number };

/**
 * What N / Shift+N walk through, in image order then annotation order: every annotation,
 * crowd ones, those with a problem (found reading the file or by the last checks), edited
 * ones, the detections that are false positives, the ground truth they missed, or both.
 */
export type WalkKind =
  | 'annotation'
  | 'crowd'
  | 'problem'
  | 'edited'
  | 'false-positive'
  | 'miss'
  /** False positives and misses together: in each image its misses, then its false positives. */
  | 'mistake';

/** A place in a walk: an image, and an annotation's (or a detection's) view key on it. */
/** Where a walk stands; `prediction`: `key` is a detection's (false positives), not a view key. */
export type WalkStop = { imageIndex: number; key: number | null; prediction?: boolean };

/** Where a walk stepped to, its 1-based position among all `total` stops; null when none. */
export type Walked = {
  stop: { imageIndex: number; key: number; prediction: boolean } | null;
  position: number;
  total: number;
};

/** An image view asked for along with another request (its subset is the request's). */
/** `held`: the tokens of the image's masks the page holds (as `image-view`'s: not sent again). */
export type ViewAsked = {
  imageIndex: number;
  customColors: Record<string, string>;
  held?: string[];
};

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
  /**
   * `firstView`: the view of the image the page shows first (the first subset's
   * `firstImageIndex`), so it can be drawn without asking; null when there is no image.
   */
  open: { type: 'opened'; summary: OpenSummary; firstView: ImageView | null };
  'add-images': { type: 'images-added'; summary: OpenSummary };
  'image-view': { type: 'image-view'; view: ImageView };
  /** Image positions that pass the filter, in the list's order (`filter.sort`). */
  'filter-images': { type: 'images-filtered'; images: Int32Array };
  picture: { type: 'picture'; picture: Blob | null };
  /** `view`: the view asked for with the edit (null when not asked, or it could not be made). */
  edit: { type: 'edited'; view: ImageView | null } & Edited;
  'preview-edit': { type: 'edit-previewed'; preview: MaskPreview };
  /** Null when the engine no longer knows the token (it remembers the last 512 masks). */
  'whole-mask': { type: 'whole-mask'; image: MaskImage | null };
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
  'warm-up': { type: 'warmed' };
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
  'preview-edit': 'edit-previewed',
  'whole-mask': 'whole-mask',
  'apply-patches': 'edited',
  export: 'exported',
  check: 'checked',
  'add-predictions': 'predictions-added',
  evaluate: 'evaluated',
  'match-threshold': 'matched',
  stats: 'stats',
  preflight: 'preflighted',
  walk: 'walked',
  'warm-up': 'warmed',
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

/**
 * The image shown first after an open: the one `wanted` names (the URL's), by file name,
 * else by id; else the first. The page and the engine both ask this, so the view the
 * engine sends with an open's answer is the one the page shows.
 */
export function firstImageIndex(
  images: Pick<ImageTable, 'ids' | 'fileNames'>,
  wanted: string | null | undefined,
): number {
  if (wanted === null || wanted === undefined) return 0;
  const byName = images.fileNames.indexOf(wanted);
  if (byName >= 0) return byName;
  return Math.max(
    0,
    images.ids.findIndex((id) => String(id) === wanted),
  );
}
