/** Shared state and small checks for the record parsers. */
import { isCocoId } from '../ids';
import {
  pathOf,
  type Problem,
  type ProblemCode,
  type ProblemLog,
  type Severity,
} from '../problems';
import type { CocoId } from '../types';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Every item a finite number (a loop: this runs for every coordinate of a dataset). */
export function allFinite(values: readonly unknown[]): values is number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/** Own property, so `__proto__`, `constructor` and friends in a file are plain data. */
export function own(obj: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(clip(value))}`;
  return `${typeof value} ${String(value)}`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Where in the file a record is, built into a path only when a problem is reported:
 * validating 860k annotations must not build millions of path strings nobody reads.
 * One instance walks over a list (`index` and the ids are updated per record).
 */
export class RecordPlace {
  index = 0;
  imageId: CocoId | undefined = undefined;
  annotationId: CocoId | undefined = undefined;
  /** `annotations`, `annotations[3].segments_info`, or '' for a bare results list. */
  constructor(private readonly list: string) {}

  /** Reports a problem at this record (or a field of it). */
  report(
    ctx: ParseContext,
    code: ProblemCode,
    message: string,
    severity: Severity,
    ...keys: (string | number)[]
  ): void {
    ctx.report(code, this.path(...keys), message, severity, this.refs());
  }

  /** `annotations[12]`, `annotations[12].bbox`, `annotations[12].segmentation[1]`. */
  path(...keys: (string | number)[]): string {
    let p = `${this.list}[${this.index}]`;
    for (const k of keys) p = pathOf(p, k);
    return p;
  }

  refs(): { imageId?: CocoId; annotationId?: CocoId } {
    const out: { imageId?: CocoId; annotationId?: CocoId } = {};
    if (this.imageId !== undefined) out.imageId = this.imageId;
    if (this.annotationId !== undefined) out.annotationId = this.annotationId;
    return out;
  }
}

/** Where problems go, with the references a problem links to. */
export class ParseContext {
  constructor(
    readonly log: ProblemLog,
    /** Progress while a long list is checked; see `tick`. */
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** Reports progress every 32,768 records of a list of `total`. */
  tick(done: number, total: number): void {
    if (this.onProgress !== undefined && (done & 0x7fff) === 0) this.onProgress(done, total);
  }

  report(
    code: ProblemCode,
    path: string,
    message: string,
    severity: Severity,
    refs: { imageId?: CocoId; annotationId?: CocoId } = {},
  ): void {
    const problem: Problem = { code, path, message, severity };
    if (refs.imageId !== undefined) problem.imageId = refs.imageId;
    if (refs.annotationId !== undefined) problem.annotationId = refs.annotationId;
    this.log.add(problem);
  }

  /**
   * A required id field: reports a missing or mistyped one and returns undefined; notes
   * a string id (a quirk of some tools) and returns it.
   */
  requireId(
    obj: JsonObject,
    key: string,
    where: string | RecordPlace,
    what: string,
  ): CocoId | undefined {
    const value = own(obj, key);
    if (isCocoId(value) && typeof value === 'number') return value;
    const at = typeof where === 'string' ? pathOf(where, key) : where.path(key);
    if (value === undefined) {
      this.report('missing-field', at, `${what} has no "${key}"`, 'error');
      return undefined;
    }
    if (!isCocoId(value)) {
      this.report(
        'wrong-type',
        at,
        `"${key}" should be a number, not ${describeType(value)}`,
        'error',
      );
      return undefined;
    }
    if (typeof value === 'string') {
      this.report(
        'string-id',
        at,
        `"${key}" is the text ${JSON.stringify(value)}; COCO ids are numbers`,
        'info',
      );
    }
    return value;
  }
}
