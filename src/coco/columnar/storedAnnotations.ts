/**
 * Annotations kept as columns instead of parsed objects. Per record only the fields
 * whole-dataset passes read (ids, box, area, crowd, score) are kept, in typed arrays; its
 * shape, keypoints, attributes and file object are read back from the file's bytes (see
 * storedBytes.ts) when asked for, by the parser's own rules, so a record read back is the record
 * the parser made. train2017-scale: ~90 bytes per annotation instead of ~1 KB.
 */
import type { AnnotationId, CategoryId, IdKey, ImageId } from '../ids';
import type { AnnotationRecord, AnnotationTable, Bbox } from '../model';
import type { AnnotationRows } from './annotationRows';
import type { StoredBytes } from './storedBytes';

/** An element of the file's list, parsed → its record (the parser's rules, problems dropped). */
export type RecordOf = (element: object, sourceIndex: number) => AnnotationRecord;
/**
 * Consecutive elements from `sourceIndex` on, parsed → their records by position (none
 * where an element is not one): one call of the parser for a run.
 */
export type RecordsOf = (
  elements: readonly unknown[],
  sourceIndex: number,
) => (AnnotationRecord | undefined)[];

/** Full records read back lately, kept for the next asks (a record's fields are read together). */
const RECENT = 4096;
/** Bytes of the file read and parsed together when all records are read (`readAll`). */
const RUN_BYTES = 4 << 20;
/**
 * Bytes of the file per run of a pass in order (`readFrom`): small enough that a run's
 * records and file objects die young. With 4 MB runs most of them outlived a scavenge and
 * went to the old generation (opening and checking train2017-scale in Node: 5.3 s of GC
 * with 4 MB runs, 2.1 s with 0.5 MB).
 */
const IN_ORDER_RUN_BYTES = 512 << 10;
/** Records a run read in order holds at most (edited records need no bytes). */
const MAX_RUN_RECORDS = 1 << 16;
/** Replaced positions kept apart before the slots are written out anew. */
const MAX_REPLACED = 1024;

export class StoredAnnotations implements AnnotationTable {
  private readonly recent: Map<number, AnnotationRecord>;
  /**
   * Position by id key, first record of an id winning, when the parser made it anyway
   * (buildIndex takes it instead of making a second one); null after edits.
   */
  idIndex: ReadonlyMap<IdKey, number> | null = null;

  constructor(
    readonly rows: AnnotationRows,
    readonly bytes: StoredBytes,
    /** `[start, end)` in `bytes` of every element of the file's list, by position. */
    readonly spans: Float64Array,
    private readonly recordOf: RecordOf,
    private readonly recordsOf: RecordsOf,
    /**
     * After edits: what is at each position, a row of the file (≥ 0) or `added[-slot - 1]`
     * (a record an edit made). null: the file's rows, in order.
     */
    private readonly slots: Int32Array | null = null,
    readonly added: readonly AnnotationRecord[] = [],
    recent?: Map<number, AnnotationRecord>,
    /**
     * Positions whose slot an edit replaced since `slots` was last written out: a relabel
     * at train2017 scale must not copy 860k slots.
     */
    private readonly replaced: ReadonlyMap<number, number> | null = null,
  ) {
    this.recent = recent ?? new Map();
  }

  get length(): number {
    return this.slots?.length ?? this.rows.count;
  }

  /** What is at position `index` (see `slots`). */
  slotAt(index: number): number {
    const replaced = this.replaced?.get(index);
    if (replaced !== undefined) return replaced;
    return this.slots === null ? index : this.slots[index]!;
  }

  /** The id of the record at `index`, without making the record (for whole-table passes). */
  idAt(index: number): AnnotationId {
    const slot = this.slotAt(index);
    return slot >= 0 ? this.rows.ids[slot]! : this.added[-slot - 1]!.id;
  }

  /** The image id of the record at `index`, without making the record. */
  imageIdAt(index: number): ImageId {
    const slot = this.slotAt(index);
    return slot >= 0 ? this.rows.imageIds[slot]! : this.added[-slot - 1]!.imageId;
  }

  /** The category id of the record at `index`, without making the record. */
  categoryIdAt(index: number): CategoryId | null {
    const slot = this.slotAt(index);
    return slot >= 0 ? this.rows.categoryIds[slot]! : this.added[-slot - 1]!.categoryId;
  }

  /** The crowd column by position when positions are rows (no edit since the read), else null. */
  crowdColumn(): Uint8Array | null {
    if (this.slots !== null || this.replaced !== null || this.added.length > 0) return null;
    return this.rows.iscrowd.subarray(0, this.rows.count);
  }

  /** Whether the record at `index` is a crowd, without making the record. */
  iscrowdAt(index: number): boolean {
    const slot = this.slotAt(index);
    return slot >= 0 ? this.rows.iscrowd[slot] === 1 : this.added[-slot - 1]!.iscrowd;
  }

  /** A copy of the slots, to edit (see `slots`). */
  slotArray(): Int32Array {
    let out: Int32Array;
    if (this.slots !== null) out = this.slots.slice();
    else {
      out = new Int32Array(this.rows.count);
      for (let i = 0; i < out.length; i++) out[i] = i;
    }
    this.replaced?.forEach((slot, at) => (out[at] = slot));
    return out;
  }

  /** The slot at each position in `replaced` replaced, with `added` the edited records. */
  withReplaced(
    replaced: ReadonlyMap<number, number>,
    added: readonly AnnotationRecord[],
  ): StoredAnnotations {
    const all = new Map(this.replaced ?? []);
    replaced.forEach((slot, at) => all.set(at, slot));
    if (all.size > MAX_REPLACED) {
      const slots = this.slotArray();
      replaced.forEach((slot, at) => (slots[at] = slot));
      return this.withSlots(slots, added);
    }
    return this.edited(this.slots, added, all);
  }

  /** The same file's rows after an edit: `slots` over its rows and `added`. */
  withSlots(slots: Int32Array, added: readonly AnnotationRecord[]): StoredAnnotations {
    return this.edited(slots, added, null);
  }

  private edited(
    slots: Int32Array | null,
    added: readonly AnnotationRecord[],
    replaced: ReadonlyMap<number, number> | null,
  ): StoredAnnotations {
    const { rows, bytes, spans, recordOf, recordsOf, recent } = this;
    return new StoredAnnotations(
      rows,
      bytes,
      spans,
      recordOf,
      recordsOf,
      slots,
      added,
      recent,
      replaced,
    );
  }

  /** The record in `slot`, with `added` the edited records it may name. */
  recordOfSlot(
    slot: number,
    added: readonly AnnotationRecord[] = this.added,
  ): AnnotationRecord | undefined {
    return slot >= 0
      ? slot < this.rows.count
        ? new StoredRecord(this, slot)
        : undefined
      : added[-slot - 1];
  }

  /** How many elements the file's list has (records and unusable entries). */
  get elementCount(): number {
    return this.spans.length / 2;
  }

  at(index: number): AnnotationRecord | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.recordOfSlot(this.slotAt(index));
  }

  *[Symbol.iterator](): Iterator<AnnotationRecord> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /**
   * Every record, read back in runs of a few MB of consecutive elements (one `JSON.parse`
   * each): for passes that need them all at once (statistics, evaluation). The records live
   * as long as the caller keeps the array; a pass in order can use `readFrom` instead.
   */
  readAll(runBytes = RUN_BYTES): AnnotationRecord[] {
    const steps = this.readAllSteps(runBytes);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
    }
  }

  /**
   * `readAll`, a run at a time: yields the share of the rows read (0..1) after each run, so
   * that a caller in slices answers other requests meanwhile (val2017-scale's 36k records
   * read at once took ~0.2 s of one task in the engine).
   */
  *readAllSteps(runBytes = RUN_BYTES): Generator<number, AnnotationRecord[]> {
    const byRow = new Array<AnnotationRecord | undefined>(this.rows.count);
    const source = this.rows.sourceIndex;
    for (let first = 0; first < this.rows.count;) {
      const from = source[first]!;
      let last = first + 1;
      while (
        last < this.rows.count &&
        this.spans[2 * source[last]! + 1]! - this.spans[2 * from]! <= runBytes
      )
        last++;
      const records = this.elementsRead(from, source[last - 1]!);
      for (let row = first; row < last; row++) byRow[row] = records[source[row]! - from];
      first = last;
      yield first / this.rows.count;
    }
    return Array.from({ length: this.length }, (_, i) => {
      const slot = this.slotAt(i);
      return slot >= 0 ? byRow[slot]! : this.added[-slot - 1]!;
    });
  }

  /**
   * The records at positions `from`, `from + 1`, … as far as one run of at most `runBytes`
   * of the file reaches (at least one record): a pass in order reads the table run by run
   * and drops each when done with it, never holding 860k records at once.
   */
  readFrom(from: number, runBytes = IN_ORDER_RUN_BYTES): AnnotationRecord[] {
    const source = this.rows.sourceIndex;
    let first = Infinity; // the run's first and last element
    let last = -1;
    let to = from;
    for (; to < this.length && to - from < MAX_RUN_RECORDS; to++) {
      const slot = this.slotAt(to);
      if (slot < 0) continue;
      const lo = Math.min(first, source[slot]!);
      const hi = Math.max(last, source[slot]!);
      if (last >= 0 && this.spans[2 * hi + 1]! - this.spans[2 * lo]! > runBytes) break;
      first = lo;
      last = hi;
    }
    const records = last >= 0 ? this.elementsRead(first, last) : [];
    const out = new Array<AnnotationRecord>(to - from);
    for (let at = from; at < to; at++) {
      const slot = this.slotAt(at);
      out[at - from] = slot >= 0 ? records[source[slot]! - first]! : this.added[-slot - 1]!;
    }
    return out;
  }

  /** Elements `first` to `last` (inclusive) of the file's list, parsed → records by position. */
  private elementsRead(first: number, last: number): (AnnotationRecord | undefined)[] {
    const text = this.bytes.text(this.spans[2 * first]!, this.spans[2 * last + 1]!);
    return this.recordsOf(JSON.parse(`[${text}]`) as unknown[], first);
  }

  /** Element `sourceIndex` of the file's list, parsed anew from its bytes. */
  element(sourceIndex: number): unknown {
    return JSON.parse(
      this.bytes.text(this.spans[2 * sourceIndex]!, this.spans[2 * sourceIndex + 1]!),
    );
  }

  /** The full record of `row`, read back from the file (or kept from a recent read). */
  read(row: number): AnnotationRecord {
    const kept = this.recent.get(row);
    if (kept !== undefined) return kept;
    const at = this.rows.sourceIndex[row]!;
    const record = this.recordOf(this.element(at) as object, at);
    if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(row, record);
    return record;
  }
}

/**
 * A record of a stored table: the columns answer at once; the rest is read back from the
 * file when asked for (see `read`).
 */
class StoredRecord implements AnnotationRecord {
  constructor(
    readonly table: StoredAnnotations,
    readonly row: number,
  ) {}

  get id(): AnnotationId {
    return this.table.rows.ids[this.row]!;
  }
  get imageId(): ImageId {
    return this.table.rows.imageIds[this.row]!;
  }
  get categoryId(): CategoryId | null {
    return this.table.rows.categoryIds[this.row]!;
  }
  get sourceIndex(): number {
    return this.table.rows.sourceIndex[this.row]!;
  }
  get iscrowd(): boolean {
    return this.table.rows.iscrowd[this.row] === 1;
  }
  get area(): number | null {
    const v = this.table.rows.area[this.row]!;
    return Number.isNaN(v) ? null : v;
  }
  get score(): number | null {
    const v = this.table.rows.score[this.row]!;
    return Number.isNaN(v) ? null : v;
  }
  get bbox(): Bbox | null {
    const b = this.table.rows.bbox;
    const o = 4 * this.row;
    return Number.isNaN(b[o]!) ? null : [b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!];
  }
  get segmentation(): AnnotationRecord['segmentation'] {
    return this.load().segmentation;
  }
  get keypoints(): AnnotationRecord['keypoints'] {
    return this.load().keypoints;
  }
  get caption(): string | null {
    return this.load().caption;
  }
  get attributes(): AnnotationRecord['attributes'] {
    return this.load().attributes;
  }
  get file(): AnnotationRecord['file'] {
    return this.load().file;
  }

  private load(): AnnotationRecord {
    return this.table.read(this.row);
  }
}

/** Where a record is kept in its file, when it is a stored table's record the user did not change. */
export function storedPlace(record: AnnotationRecord): StoredRecord | null {
  return record instanceof StoredRecord ? record : null;
}
