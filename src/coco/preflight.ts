/**
 * Pre-flight of an export: what the tools users load it into would refuse or change, read
 * from their importers (CVAT's COCO 1.1 goes through Datumaro), and the export setting
 * that fixes each. Datumaro (`plugins/data_formats/coco/base.py`) reads fields with a
 * strict type check (`_parse_field`: ids must be integers, `iscrowd` present on instances,
 * `keypoints` on person_keypoints), fails the import on a category it was not given
 * (`UndeclaredLabelError`) and skips, with a warning, an annotation of an unknown image.
 * CVAT reads category id 0 as "no label" and its mask importer fails on an all-zero RLE.
 * pycocotools' COCOeval('segm') crashes on `segmentation: []` (`IndexError` in
 * `frPyObjects`) and COCOeval('keypoints') needs `keypoints` and `num_keypoints`.
 */
import { annotationRle } from './geometry';
import { idKey } from './ids';
import type { AnnotationRecord, Dataset } from './model';
import type { ExportSettings } from './exportPlan';
import { rleArea } from './rle';

export type Reader = 'CVAT' | 'Datumaro' | 'pycocotools';

export type PreflightFinding = {
  /** A stable key: what kind of trouble. */
  readonly kind:
    | 'category-zero'
    | 'undeclared-category'
    | 'unknown-image'
    | 'empty-mask'
    | 'box-without-segmentation'
    | 'non-integer-id'
    | 'missing-iscrowd'
    | 'missing-keypoints';
  readonly readers: readonly Reader[];
  /** `rejects`: the import or evaluation fails; `changes`: it reads something else. */
  readonly effect: 'rejects' | 'changes';
  /** How many records it concerns. */
  readonly count: number;
  readonly message: string;
  /** The export setting that fixes it, or null when only an edit can. */
  readonly fix: { readonly label: string; readonly settings: Partial<ExportSettings> } | null;
};

const DROP_FIX = {
  label: 'Turn on “Drop or fix what other tools fail on”',
  settings: { dropProblems: true },
} as const;

/** What a file's readers would refuse or change in an export of `dataset` with `settings`. */
export function preflight(dataset: Dataset, settings: ExportSettings): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const add = (finding: PreflightFinding) => {
    if (finding.count > 0) out.push(finding);
  };
  const instances = ['instances', 'person_keypoints', 'stuff'].includes(dataset.kind);
  const annotations = dataset.panoptic === null ? dataset.annotations : [];
  const dropped = settings.dropProblems;

  if (!settings.remapCategoryIds && dataset.kind !== 'results') {
    const zero = dataset.categories.some((c) => idKey(c.id) === 0);
    add({
      kind: 'category-zero',
      readers: ['CVAT'],
      effect: 'changes',
      count: zero
        ? Math.max(
            1,
            count(annotations, (a) => isZero(a.categoryId)),
          )
        : 0,
      message: 'category id 0 is read by CVAT as “no label”: those annotations lose their label',
      fix: { label: 'Turn on “Renumber categories 1..N”', settings: { remapCategoryIds: true } },
    });
  }
  if (!dropped && dataset.kind !== 'results' && dataset.kind !== 'captions') {
    add({
      kind: 'undeclared-category',
      readers: ['Datumaro', 'CVAT'],
      effect: 'rejects',
      count: count(
        annotations,
        (a) => a.categoryId !== null && !dataset.index.categoryById.has(idKey(a.categoryId)),
      ),
      message: 'annotations name a category the file does not declare: the import fails',
      fix: DROP_FIX,
    });
    add({
      kind: 'unknown-image',
      readers: ['Datumaro', 'CVAT'],
      effect: 'changes',
      count: count(annotations, (a) => !dataset.index.imageById.has(idKey(a.imageId))),
      message: 'annotations of an image that is not in the file are skipped',
      fix: DROP_FIX,
    });
    add({
      kind: 'empty-mask',
      readers: ['CVAT'],
      effect: 'rejects',
      count: count(annotations, (a) => isEmptyMask(dataset, a)),
      message: 'masks with no pixel set make CVAT’s mask import fail',
      fix: DROP_FIX,
    });
  }
  if (!dropped && instances) {
    add({
      kind: 'box-without-segmentation',
      readers: ['pycocotools'],
      effect: 'rejects',
      count: count(
        annotations,
        (a) => a.segmentation.kind === 'none' && a.bbox !== null && a.bbox[2] > 0 && a.bbox[3] > 0,
      ),
      message:
        'boxes with “segmentation”: [] make COCOeval(“segm”) crash (IndexError); their 4-corner polygon fixes it',
      fix: DROP_FIX,
    });
  }
  if (dataset.kind !== 'results') {
    const ids =
      count(dataset.images, (r) => !isInteger(r.id)) +
      count(dataset.categories, (r) => !isInteger(r.id)) +
      count(annotations, (r) => !isInteger(r.id) || !isInteger(r.imageId));
    add({
      kind: 'non-integer-id',
      readers: ['Datumaro', 'CVAT'],
      effect: 'rejects',
      count: ids,
      message: 'ids that are not integers (strings) stop Datumaro’s import; give them integer ids',
      fix: null,
    });
  }
  if (instances && !dropped) {
    add({
      kind: 'missing-iscrowd',
      readers: ['Datumaro', 'CVAT'],
      effect: 'rejects',
      count: count(annotations, (a) => !('iscrowd' in a.file)),
      message: 'annotations without “iscrowd” stop Datumaro’s import; the fix writes it (0)',
      fix: DROP_FIX,
    });
  }
  if (dataset.kind === 'person_keypoints' && !dropped) {
    add({
      kind: 'missing-keypoints',
      readers: ['Datumaro', 'CVAT', 'pycocotools'],
      effect: 'rejects',
      count: count(annotations, (a) => !('keypoints' in a.file) || !('num_keypoints' in a.file)),
      message:
        'annotations without “keypoints” or “num_keypoints” stop Datumaro’s import and COCOeval(“keypoints”); the fix writes them, every keypoint unlabelled',
      fix: DROP_FIX,
    });
  }
  return out;
}

function count<T>(list: Iterable<T>, test: (item: T) => boolean): number {
  let n = 0;
  for (const item of list) if (test(item)) n++;
  return n;
}

function isZero(id: AnnotationRecord['categoryId']): boolean {
  return id !== null && idKey(id) === 0;
}

function isInteger(id: unknown): boolean {
  return typeof id === 'number' && Number.isInteger(id);
}

function isEmptyMask(dataset: Dataset, a: AnnotationRecord): boolean {
  if (a.segmentation.kind !== 'rle') return false;
  const at = dataset.index.imageById.get(idKey(a.imageId));
  const image = at === undefined ? undefined : dataset.images[at];
  if (image === undefined) return false;
  try {
    const rle = annotationRle(a, image);
    return rle !== null && rleArea(rle) === 0;
  } catch {
    return false;
  }
}
