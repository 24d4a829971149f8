/**
 * `parseCoco`: a COCO file (text or parsed JSON) → the app model plus every problem found,
 * each with its JSON path. Never throws on bad data: what is usable opens, the rest is
 * reported and kept aside so an export writes it back.
 */
import { idKey, type ImageId } from '../ids';
import { parseJsonText } from '../json';
import {
  firstElements,
  parseAllElements,
  parseStoredAnnotations,
  StoredSyntaxError,
  type StoredSource,
} from '../columnar/parseStored';
import type {
  AnnotationTable,
  Dataset,
  DatasetKind,
  ImageRecord,
  ParseResult,
  UnusableEntry,
} from '../model';
import { ProblemLog } from '../problems';
import type { CocoFile } from '../types';
import { buildIndex, indexById } from './buildIndex';
import { describeType, isObject, own, ParseContext, type JsonObject } from './context';
import { parseAnnotations } from './parseAnnotations';
import { parseCategories } from './parseCategories';
import { parseImages } from './parseImages';
import { parsePanoptic } from './parsePanoptic';

export type ParseOptions = {
  /** The file's name, used only as a hint for its kind (`stuff_val2017.json`). */
  fileName?: string;
  /** Problems kept per code; the counts always cover all. */
  problemLimitPerCode?: number;
  /** Called now and then while records are checked (after the JSON itself is parsed). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The file's bytes and where its `annotations` elements lie in them, when the parsed
   * input holds that list empty (io/jsonSplitter's located arrays): the annotations are
   * then parsed from the bytes run by run and kept as a stored table (coco/columnar).
   */
  stored?: StoredSource;
};

/** Parses COCO JSON text (a UTF-8 BOM is fine) or an already parsed JSON value. */
export function parseCoco(input: unknown, options: ParseOptions = {}): ParseResult {
  const log = new ProblemLog(options.problemLimitPerCode);
  const ctx = new ParseContext(log, options.onProgress);
  let root = input;
  if (typeof input === 'string') {
    const json = parseJsonText(input);
    if (!json.ok) {
      const code = json.message === 'the file is empty' ? 'empty-file' : 'invalid-json';
      const where = code === 'empty-file' ? '' : ` at line ${json.line}, column ${json.column}`;
      ctx.report(code, '', `not valid JSON${where}: ${json.message}`, 'error');
      return done(null, log);
    }
    root = json.value;
  }
  if (Array.isArray(root)) return done(parseResults(ctx, root), log);
  if (
    !isObject(root) ||
    !['images', 'annotations', 'categories'].some((k) => own(root as JsonObject, k) !== undefined)
  ) {
    const what = isObject(root)
      ? 'an object without "images", "annotations" or "categories"'
      : describeType(root);
    ctx.report(
      'wrong-top-level',
      '',
      `not a COCO file: expected an object with "images", "annotations" and "categories" (or a results list), found ${what}`,
      'error',
    );
    return done(null, log);
  }
  const wrongSection = notAList(root);
  if (wrongSection !== null) {
    ctx.report('wrong-top-level', wrongSection.key, wrongSection.message, 'error');
    return done(null, log);
  }
  try {
    return done(parseDatasetFile(ctx, root, options.fileName, options.stored ?? null), log);
  } catch (error) {
    if (!(error instanceof StoredSyntaxError)) throw error;
    const where = ` at line ${error.line}, column ${error.column}`;
    ctx.report('invalid-json', '', `not valid JSON${where}: ${error.message}`, 'error');
    return done(null, log);
  }
}

/**
 * `images`, `annotations` and `categories` are lists in every COCO file. One that is there
 * but is something else means the file is not COCO (CVAT's XML format converted to JSON
 * has `"annotations": {"version": …, "meta": …}`): it is refused rather than opened as an
 * empty dataset that an export would write back as `{"annotations": []}`.
 */
function notAList(root: JsonObject): { key: string; message: string } | null {
  for (const key of ['images', 'annotations', 'categories']) {
    const value = own(root, key);
    if (value === undefined || Array.isArray(value)) continue;
    const hint = key === 'annotations' && isObject(value) ? ' (CVAT XML converted to JSON?)' : '';
    return {
      key,
      message: `${key} is ${describeType(value)}, not a list: this is not a COCO file${hint}`,
    };
  }
  return null;
}

function done(dataset: Dataset | null, log: ProblemLog): ParseResult {
  return { dataset, problems: log.problems, problemCounts: log.counts };
}

function section(ctx: ParseContext, root: JsonObject, key: string, required: boolean): unknown[] {
  const value = own(root, key);
  if (Array.isArray(value)) return value;
  if (value === undefined) {
    if (required) ctx.report('missing-section', key, `the file has no "${key}" list`, 'error');
  } else {
    ctx.report('wrong-type', key, `"${key}" should be a list, not ${describeType(value)}`, 'error');
  }
  return [];
}

function parseDatasetFile(
  ctx: ParseContext,
  root: JsonObject,
  fileName: string | undefined,
  storedSource: StoredSource | null,
): Dataset {
  for (const key of ['info', 'licenses']) {
    if (own(root, key) === undefined)
      ctx.report(
        'missing-info',
        key,
        `the file has no "${key}" (optional; kept absent on export)`,
        'info',
      );
  }
  const { kind, stored } =
    storedSource === null
      ? { kind: detectKind(root, fileName), stored: null }
      : kindOfStored(root, fileName, storedSource);
  const unusable: UnusableEntry[] = [];
  const images = parseImages(ctx, section(ctx, root, 'images', true), unusable);
  const categories = parseCategories(
    ctx,
    section(ctx, root, 'categories', kind !== 'image_info' && kind !== 'captions'),
    unusable,
  );
  const imageById = indexById(images);
  const lookup = { images, imageById, categories, categoryById: indexById(categories) };
  const entries = section(ctx, root, 'annotations', kind !== 'image_info');
  let annotations: AnnotationTable;
  let panoptic = null;
  if (stored !== null) {
    annotations = parseStoredAnnotations(ctx, stored, kind, lookup, unusable);
  } else if (kind === 'panoptic') {
    const parsed = parsePanoptic(ctx, entries, lookup, unusable);
    annotations = parsed.segments;
    panoptic = parsed.entries;
  } else {
    annotations = parseAnnotations(
      ctx,
      entries,
      { isResults: false, needsCategory: kind !== 'captions' },
      lookup,
      unusable,
    );
  }
  return {
    kind,
    file: root as CocoFile,
    images,
    annotations,
    categories,
    panoptic,
    unusable,
    index: buildIndex(images, annotations, categories, kind !== 'panoptic', lookup.imageById),
  };
}

/**
 * The kind of a file whose annotations are stored (see ParseOptions.stored), told from its
 * first elements; and the stored source, or null when the list is better held as objects
 * (panoptic and captions files, or a kind only all elements can tell): then every element
 * is parsed into the root's list, as if the file had been parsed whole.
 */
function kindOfStored(
  root: JsonObject,
  fileName: string | undefined,
  source: StoredSource,
): { kind: DatasetKind; stored: StoredSource | null } {
  // A first run of a few elements is enough to tell (JSON.parse of a whole default run, a few
  // MB, took ~30 ms of a val2017-scale open); a kind only all elements can tell reads them all.
  const probe = firstElements({ ...source, runBytes: KIND_PROBE_BYTES });
  const kind = detectKind({ ...root, annotations: probe.elements }, fileName);
  const needsAll = !probe.all && (kind === 'labels' || kind === 'image_info');
  if (kind !== 'panoptic' && kind !== 'captions' && !needsAll) return { kind, stored: source };
  Object.defineProperty(root, 'annotations', {
    value: probe.all ? probe.elements : parseAllElements(source),
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return { kind: detectKind(root, fileName), stored: null };
}

/** Bytes of the first elements a stored file's kind is told from. */
const KIND_PROBE_BYTES = 64 << 10;

const KIND_PREFIX =
  /(?:^|[\\/])(instances|person_keypoints|captions|image_info|labels|panoptic|stuff)_[^\\/]*$/;

/** What a dataset file holds, from its content; the file name only settles ties. */
export function detectKind(root: JsonObject, fileName?: string): DatasetKind {
  const hint =
    fileName === undefined
      ? undefined
      : (KIND_PREFIX.exec(fileName)?.[1] as DatasetKind | undefined);
  const anns = own(root, 'annotations');
  const list = Array.isArray(anns) ? anns.filter(isObject) : [];
  const cats = own(root, 'categories');
  const first = list[0];
  if (first !== undefined && own(first, 'segments_info') !== undefined) return 'panoptic';
  if (first !== undefined && own(first, 'caption') !== undefined) return 'captions';
  const hasKeypointCategories =
    Array.isArray(cats) && cats.some((c) => isObject(c) && Array.isArray(own(c, 'keypoints')));
  if (hasKeypointCategories || (first !== undefined && own(first, 'keypoints') !== undefined))
    return 'person_keypoints';
  if (list.length === 0) {
    if (hint === 'image_info' || !Array.isArray(cats) || cats.length === 0) return 'image_info';
    return hint === 'stuff' ? 'stuff' : 'instances';
  }
  const hasShapes = list.some(
    (a) => own(a, 'segmentation') !== undefined || own(a, 'bbox') !== undefined,
  );
  if (!hasShapes) return 'labels';
  return hint === 'stuff' ? 'stuff' : 'instances';
}

/** A results list (pycocotools' `loadRes` input): detections or captions, no `images`. */
function parseResults(ctx: ParseContext, root: unknown[]): Dataset | null {
  const objects = root.filter(isObject);
  if (root.length > 0 && !objects.some((o) => own(o, 'image_id') !== undefined)) {
    ctx.report(
      'wrong-top-level',
      '',
      'not a COCO file: a list, but not of detections or captions (no "image_id")',
      'error',
    );
    return null;
  }
  const isCaptions = objects.length > 0 && objects.every((o) => own(o, 'caption') !== undefined);
  const unusable: UnusableEntry[] = [];
  const images = imagesOfResults(objects);
  const lookup = { images, imageById: indexById(images), categories: [], categoryById: new Map() };
  // Captions results carry no category; detections are checked against the ground truth later.
  const annotations = parseAnnotations(
    ctx,
    root,
    { isResults: true, needsCategory: !isCaptions },
    lookup,
    unusable,
  );
  return {
    kind: 'results',
    file: null,
    images,
    annotations,
    categories: [],
    panoptic: null,
    unusable,
    index: buildIndex(images, annotations, [], true),
  };
}

/**
 * A results list names images only by id. Each gets a record sized by what the
 * detections say: an RLE's size, else the farthest box or keypoint.
 */
function imagesOfResults(results: readonly JsonObject[]): ImageRecord[] {
  const sizes = new Map<string | number, { id: ImageId; width: number; height: number }>();
  for (const r of results) {
    const id = own(r, 'image_id');
    if (typeof id !== 'number' && typeof id !== 'string') continue;
    let size = sizes.get(idKey(id));
    if (size === undefined) {
      size = { id: id as ImageId, width: 0, height: 0 };
      sizes.set(idKey(id), size);
    }
    const extent = resultExtent(r);
    size.width = Math.max(size.width, extent[0]);
    size.height = Math.max(size.height, extent[1]);
  }
  return [...sizes.values()].map((s) => ({ ...s, fileName: '', file: null, sourceIndex: -1 }));
}

function resultExtent(r: JsonObject): [number, number] {
  const seg = own(r, 'segmentation');
  if (isObject(seg)) {
    const size = own(seg, 'size');
    if (Array.isArray(size) && typeof size[0] === 'number' && typeof size[1] === 'number')
      return [size[1], size[0]];
  }
  let w = 0;
  let h = 0;
  const bbox = own(r, 'bbox');
  if (Array.isArray(bbox) && bbox.length === 4 && bbox.every((v) => typeof v === 'number')) {
    const [x, y, bw, bh] = bbox as [number, number, number, number];
    w = Math.ceil(x + bw);
    h = Math.ceil(y + bh);
  }
  const kp = own(r, 'keypoints');
  if (Array.isArray(kp)) {
    for (let i = 0; i + 1 < kp.length; i += 3) {
      if (typeof kp[i] === 'number') w = Math.max(w, Math.ceil(kp[i] as number));
      if (typeof kp[i + 1] === 'number') h = Math.max(h, Math.ceil(kp[i + 1] as number));
    }
  }
  return [w, h];
}
