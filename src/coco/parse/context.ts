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

/** Where problems go, with the references a problem links to. */
export class ParseContext {
  constructor(readonly log: ProblemLog) {}

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
  requireId(obj: JsonObject, key: string, path: string, what: string): CocoId | undefined {
    const value = own(obj, key);
    const at = pathOf(path, key);
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
