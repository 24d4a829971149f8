/**
 * Problems found in a dataset: each a value with a code, the JSON path of the offending
 * place (`annotations[12].segmentation.counts`), a message a person understands, a
 * severity, and the image/annotation it concerns so the UI can link to it.
 */
import type { CocoId } from './types';

export type Severity = 'error' | 'warning' | 'info';

export type ProblemCode =
  // the file as a whole
  | 'invalid-json'
  | 'empty-file'
  | 'wrong-top-level'
  | 'missing-section'
  | 'missing-info'
  // records
  | 'missing-field'
  | 'wrong-type'
  | 'duplicate-id'
  | 'string-id'
  | 'unknown-image'
  | 'unknown-category'
  | 'category-id-zero'
  | 'duplicate-category-name'
  | 'iscrowd-boolean'
  | 'image-size-invalid'
  | 'image-file-name-missing'
  // geometry
  | 'flat-segmentation'
  | 'polygon-odd-length'
  | 'polygon-too-few-points'
  | 'polygon-not-finite'
  | 'bbox-negative'
  | 'bbox-not-finite'
  | 'bbox-wrong-length'
  | 'rle-counts-sum'
  | 'rle-size-mismatch'
  | 'rle-invalid'
  | 'rle-empty'
  | 'rle-not-crowd'
  | 'crowd-not-rle'
  | 'keypoints-wrong-length'
  | 'skeleton-zero-based'
  | 'skeleton-out-of-range'
  | 'too-large';

export type Problem = {
  code: ProblemCode;
  /** JSON path inside the file: `annotations[12].bbox[2]`; `''` for the file itself. */
  path: string;
  message: string;
  severity: Severity;
  imageId?: CocoId;
  annotationId?: CocoId;
};

/**
 * Collects problems. Past `limitPerCode` problems of one code only the count grows, so a
 * file with a million identical quirks does not hold a million messages.
 */
export class ProblemLog {
  readonly problems: Problem[] = [];
  readonly counts = new Map<ProblemCode, number>();
  constructor(private readonly limitPerCode = 10_000) {}

  add(problem: Problem): void {
    const n = (this.counts.get(problem.code) ?? 0) + 1;
    this.counts.set(problem.code, n);
    if (n <= this.limitPerCode) this.problems.push(problem);
  }

  /** How many problems of every code were found, including those not kept. */
  total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
}

/** Whether a key can be written `.key` in a path (cached: paths are built per record). */
const plainKeys = new Map<string, boolean>();

function isPlainKey(key: string): boolean {
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = /^[A-Za-z_$][\w$]*$/.test(key);
    if (plainKeys.size < 1000) plainKeys.set(key, plain);
  }
  return plain;
}

/** `base[index]` or `base.key` as a JSON path segment. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!isPlainKey(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}
