/**
 * A file's `annotations` list read from its bytes in runs (a few MB of elements per
 * `JSON.parse`), each run checked by the parser as the whole list would be, then kept
 * as columns (storedAnnotations.ts): the parsed objects are dropped run by run, so the
 * file's text is never one string and its objects are never all alive at once.
 */
import type { IdKey } from '../ids';
import { parseJsonText } from '../json';
import type { DatasetKind, UnusableEntry } from '../model';
import { ProblemLog } from '../problems';
import { ParseContext } from '../parse/context';
import { parseAnnotations, type Lookup } from '../parse/parseAnnotations';
import type { FileBytes } from './fileBytes';
import { AnnotationRows, StoredAnnotations, type RecordOf } from './storedAnnotations';

/** The bytes of a file and where the elements of its `annotations` list lie in them. */
export type StoredSource = {
  readonly bytes: FileBytes;
  readonly spans: Float64Array;
  /** Bytes of elements per `JSON.parse` (tests make it small); a few MB by default. */
  readonly runBytes?: number;
};

/** Elements are parsed in runs of about this many bytes. */
const RUN_BYTES = 4 << 20;

/** A run of elements that is not valid JSON: where, in the file, and why. */
export class StoredSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Runs `[first, last)` of element positions, about RUN_BYTES each. */
function* runsOf(spans: Float64Array, runBytes: number): Generator<[number, number]> {
  const n = spans.length / 2;
  for (let first = 0; first < n;) {
    let last = first + 1;
    while (last < n && spans[2 * last + 1]! - spans[2 * first]! <= runBytes) last++;
    yield [first, last];
    first = last;
  }
}

/** The elements `[first, last)`; throws StoredSyntaxError where they are not valid JSON. */
function parseRun(source: StoredSource, first: number, last: number): unknown[] {
  const start = source.spans[2 * first]!;
  const text = source.bytes.text(start, source.spans[2 * last - 1]!);
  const parsed = parseJsonText(`[${text}]`);
  if (!parsed.ok) {
    const { line, column } = lineBefore(source.bytes, start);
    throw new StoredSyntaxError(
      parsed.message,
      line + parsed.line - 1,
      parsed.line === 1 ? column + parsed.column - 2 : parsed.column,
    );
  }
  return parsed.value as unknown[];
}

/** Line and column (1-based, in bytes) of file byte `at`. */
function lineBefore(bytes: FileBytes, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let done = 0;
  for (const piece of bytes.each()) {
    const end = Math.min(piece.length, at - done);
    for (let k = piece.indexOf(0x0a); k >= 0 && k < end; k = piece.indexOf(0x0a, k + 1)) {
      line++;
      lineStart = done + k + 1;
    }
    done += piece.length;
    if (done >= at) break;
  }
  return { line, column: at - lineStart + 1 };
}

/** Every element of the list, parsed (for lists a stored table cannot hold: panoptic, captions). */
export function parseAllElements(source: StoredSource): unknown[] {
  const out: unknown[] = [];
  for (const [first, last] of runsOf(source.spans, source.runBytes ?? RUN_BYTES))
    for (const e of parseRun(source, first, last)) out.push(e);
  return out;
}

/** The first run's elements, enough to tell the file's kind (and whether they are all). */
export function firstElements(source: StoredSource): { elements: unknown[]; all: boolean } {
  const first = runsOf(source.spans, source.runBytes ?? RUN_BYTES).next();
  if (first.done) return { elements: [], all: true };
  const [from, to] = first.value;
  return { elements: parseRun(source, from, to), all: to * 2 === source.spans.length };
}

/** A list that is `[ ]`: one blank span, no element. */
function withoutBlank(source: StoredSource): StoredSource {
  if (source.spans.length !== 2) return source;
  const text = source.bytes.text(source.spans[0]!, source.spans[1]!);
  return text.trim() === '' ? { ...source, spans: new Float64Array(0) } : source;
}

/** The annotations of a dataset file as a stored table, checked as `parseAnnotations` checks them. */
export function parseStoredAnnotations(
  ctx: ParseContext,
  stored: StoredSource,
  kind: DatasetKind,
  lookup: Lookup,
  unusable: UnusableEntry[],
): StoredAnnotations {
  const source = withoutBlank(stored);
  const options = { isResults: false, needsCategory: kind !== 'captions' };
  const rows = new AnnotationRows();
  const seen = new Map<IdKey, number>();
  const total = source.spans.length / 2;
  for (const [first, last] of runsOf(source.spans, source.runBytes ?? RUN_BYTES)) {
    const elements = parseRun(source, first, last);
    const run = { offset: first, total, seen };
    for (const record of parseAnnotations(ctx, elements, options, lookup, unusable, run))
      rows.add(record);
  }
  const quiet = new ParseContext(new ProblemLog(0));
  const recordOf: RecordOf = (element, sourceIndex) => {
    const run = { offset: sourceIndex, total, seen: new Map<IdKey, number>() };
    const [record] = parseAnnotations(quiet, [element], options, lookup, [], run);
    if (record === undefined) throw new Error(`annotations[${sourceIndex}] is not a record`);
    return record;
  };
  return new StoredAnnotations(rows.trim(), source.bytes, source.spans, recordOf);
}
