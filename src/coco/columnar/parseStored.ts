/**
 * A file's `annotations` list read from its bytes in runs (a few MB of elements per
 * `JSON.parse`), each run checked by the parser as the whole list would be, then kept
 * as columns (storedAnnotations.ts): the parsed objects are dropped run by run, so the
 * file's text is never one string and its objects are never all alive at once.
 */
import type { IdKey } from '../ids';
import { parseJsonText } from '../json';
import type { AnnotationRecord, DatasetKind, UnusableEntry } from '../model';
import { ProblemLog } from '../problems';
import { ParseContext } from '../parse/context';
import { parseAnnotations, type Lookup } from '../parse/parseAnnotations';
import type { StoredBytes } from './storedBytes';
import { AnnotationColumns, SegKind } from './annotationColumns';
import type { Prescan } from './prescan';
import { scanAnnotation } from './scanAnnotation';
import { AnnotationRows } from './annotationRows';
import { StoredAnnotations, type RecordOf, type RecordsOf } from './storedAnnotations';

/** The bytes of a file and where the elements of its `annotations` list lie in them. */
export type StoredSource = {
  readonly bytes: StoredBytes;
  readonly spans: Float64Array;
  /** Bytes of elements per `JSON.parse` (tests make it small); a few MB by default. */
  readonly runBytes?: number;
  /** Elements already read while the file was read (see prescan.ts). */
  readonly prescan?: Prescan;
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
    const { line, column } = source.bytes.lineAndColumn(start);
    throw new StoredSyntaxError(
      parsed.message,
      line + parsed.line - 1,
      parsed.line === 1 ? column + parsed.column - 2 : parsed.column,
    );
  }
  const elements = parsed.value as unknown[];
  if (elements.length !== last - first) {
    const { line, column } = source.bytes.lineAndColumn(start);
    throw new StoredSyntaxError('an array element is missing (two commas in a row?)', line, column);
  }
  return elements;
}

/** Every element of the list, parsed (for lists a stored table cannot hold: panoptic, captions). */
export function parseAllElements(stored: StoredSource): unknown[] {
  const source = withoutBlank(stored);
  const out: unknown[] = [];
  for (const [first, last] of runsOf(source.spans, source.runBytes ?? RUN_BYTES))
    for (const e of parseRun(source, first, last)) out.push(e);
  return out;
}

/** The first run's elements, enough to tell the file's kind (and whether they are all). */
export function firstElements(stored: StoredSource): { elements: unknown[]; all: boolean } {
  const source = withoutBlank(stored);
  const first = runsOf(source.spans, source.runBytes ?? RUN_BYTES).next();
  if (first.done) return { elements: [], all: true };
  const [from, to] = first.value;
  return { elements: parseRun(source, from, to), all: to * 2 === source.spans.length };
}

/**
 * Whether a scanned row meets what the rest of the file asks of it:
 * a new id, a known image and category, as many keypoints as its category names, an RLE
 * of its image's size. Otherwise the parser's checks report what is wrong.
 */
function fitsFile(
  scanned: AnnotationColumns,
  row: number,
  lookup: Lookup,
  seen: Map<IdKey, number>,
): boolean {
  return !seen.has(scanned.id[row]!) && fitsOthers(scanned, row, lookup);
}

/** The last image looked up by `fitsOthers` (a file's annotations of one image mostly come together). */
type LastImage = { id: number; at: number | undefined };

/** `fitsFile` but for the id's being new. */
function fitsOthers(
  scanned: AnnotationColumns,
  row: number,
  lookup: Lookup,
  last: LastImage = { id: NaN, at: undefined },
): boolean {
  const imageId = scanned.imageId[row]!;
  if (imageId !== last.id) {
    last.id = imageId;
    last.at = lookup.imageById.get(imageId);
  }
  const image = lookup.images[last.at ?? -1];
  if (image === undefined) return false;
  const categoryAt = lookup.categoryById.get(scanned.categoryId[row]!);
  if (lookup.categoryById.size > 0 && categoryAt === undefined) return false;
  const named = lookup.categories[categoryAt ?? -1]?.keypoints?.length ?? 0;
  const count = scanned.keypointCount[row]!;
  if (count >= 0 && named > 0 && count !== 3 * named) return false;
  if (scanned.segKind[row] === SegKind.rle && image.height > 0) {
    const [h, w] = [scanned.rleSize[2 * row]!, scanned.rleSize[2 * row + 1]!];
    if (h !== image.height || w !== image.width) return false;
  }
  return true;
}

/** Element bytes as one contiguous view: a piece's own bytes, or a copy when it crosses pieces. */
class ElementBytes {
  constructor(private readonly source: StoredSource) {}
  locate(i: number): { bytes: Uint8Array; start: number; end: number } {
    const start = this.source.spans[2 * i]!;
    const end = this.source.spans[2 * i + 1]!;
    return this.source.bytes.view(start, end);
  }
}

/**
 * Every element's row, when each element is regular, fits the file and no two share an id:
 * the common case, which needs neither a parse nor a map of ids (a map of 860k ids took
 * ~0.1-0.3 s of a train2017-scale open; a sorted copy of them, ~50 ms). Else null.
 */
function regularRows(
  ctx: ParseContext,
  source: StoredSource,
  elements: ElementBytes,
  lookup: Lookup,
): AnnotationRows | null {
  const total = source.spans.length / 2;
  const prescan = source.prescan;
  // Without a prescan, every element is read late, into columns made for them all.
  const prescanned = prescan?.columns ?? new AnnotationColumns(total);
  const prescanCount = prescan?.count ?? 0;
  // Elements the prescan did not read whole (cut by the end of a slice).
  const late = new AnnotationColumns(64);
  const lateAt: number[] = [];
  const ids = new Float64Array(total);
  const lastImage: LastImage = { id: NaN, at: undefined };
  let next = 0;
  for (let i = 0; i < total; i++) {
    ctx.tick(i, total);
    if (next < prescanCount && prescan!.element(next) === i) {
      if (!fitsOthers(prescanned, next, lookup, lastImage)) return null;
      ids[i] = prescanned.id[next++]!;
    } else {
      const at = elements.locate(i);
      const row = late.count;
      if (!scanAnnotation(at.bytes, at.start, at.end, 0, late)) return null;
      if (!fitsOthers(late, row, lookup, lastImage)) return null;
      ids[i] = late.id[row]!;
      lateAt.push(i);
    }
  }
  ids.sort();
  for (let i = 1; i < total; i++) if (ids[i] === ids[i - 1]) return null;
  const rows = AnnotationRows.inPlace(prescanned, (r) => prescan!.element(r), late, lateAt, total);
  prescan?.forget();
  return rows;
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
  const seen = new Map<IdKey, number>();
  const total = source.spans.length / 2;
  const scanned = new AnnotationColumns(1);
  const elements = new ElementBytes(source);
  const prescan = source.prescan;
  const regular = regularRows(ctx, source, elements, lookup);
  const rows = regular ?? new AnnotationRows(total);
  let next = 0; // the next prescanned row
  for (let i = regular !== null ? total : 0; i < total; i++) {
    ctx.tick(i, total);
    if (prescan !== undefined && next < prescan.count && prescan.element(next) === i) {
      const row = next++;
      if (fitsFile(prescan.columns, row, lookup, seen)) {
        seen.set(prescan.columns.id[row]!, i);
        rows.addScanned(prescan.columns, row, i);
        continue;
      }
    } else {
      scanned.count = 0;
      const at = elements.locate(i);
      if (
        scanAnnotation(at.bytes, at.start, at.end, 0, scanned) &&
        fitsFile(scanned, 0, lookup, seen)
      ) {
        seen.set(scanned.id[0]!, i);
        rows.addScanned(scanned, 0, i);
        continue;
      }
    }
    // Irregular, or a problem with the rest of the file: parsed and checked the old way.
    const run = { offset: i, total, seen };
    const [element] = parseRun(source, i, i + 1);
    for (const record of parseAnnotations(ctx, [element], options, lookup, unusable, run))
      rows.add(record);
  }
  const quiet = new ParseContext(new ProblemLog(0));
  const recordsOf: RecordsOf = (elements, sourceIndex) => {
    const run = { offset: sourceIndex, total, seen: new Map<IdKey, number>() };
    const out = new Array<AnnotationRecord | undefined>(elements.length);
    for (const record of parseAnnotations(quiet, elements, options, lookup, [], run))
      out[record.sourceIndex - sourceIndex] = record;
    return out;
  };
  const recordOf: RecordOf = (element, sourceIndex) => {
    const [record] = recordsOf([element], sourceIndex);
    if (record === undefined) throw new Error(`annotations[${sourceIndex}] is not a record`);
    return record;
  };
  const table = new StoredAnnotations(rows.trim(), source.bytes, source.spans, recordOf, recordsOf);
  // Every element a record: positions are rows, and the ids seen are the index by id.
  if (rows.count === total && regular === null) table.idIndex = seen;
  return table;
}
