/**
 * The rows of a stored table (storedAnnotations.ts): one per record in file order, the
 * fields whole-dataset passes read, in columns. A number field's NaN is "absent".
 */
import type { AnnotationId, CategoryId, ImageId } from '../ids';
import type { AnnotationRecord } from '../model';
import type { AnnotationColumns } from './annotationColumns';

/** A column of ids: a list, or numbers in a typed array when every row was scanned. */
type IdColumn<T> = { [row: number]: T; readonly length: number };

export class AnnotationRows {
  count = 0;
  /**
   * Ids by row. Rows made in scanned columns (`inPlace`) hold them in typed arrays;
   * otherwise lists, since a parsed record's ids may be strings and its category absent.
   */
  ids: IdColumn<AnnotationId>;
  imageIds: IdColumn<ImageId>;
  categoryIds: IdColumn<CategoryId | null>;
  sourceIndex: Int32Array;
  iscrowd: Uint8Array;
  area: Float64Array;
  score: Float64Array;
  bbox: Float64Array;

  /** `capacity`: rows to make room for at once (the file's element count, when known). */
  constructor(capacity = 1024) {
    const n = Math.max(1, capacity);
    this.ids = [];
    this.imageIds = [];
    this.categoryIds = [];
    this.sourceIndex = new Int32Array(n);
    this.iscrowd = new Uint8Array(n);
    this.area = new Float64Array(n);
    this.score = new Float64Array(n);
    this.bbox = new Float64Array(4 * n);
  }

  /**
   * Every element's row, made in the columns of the rows read while the file was read
   * (`scanned`, whose row r is element `elementOf(r)`, rising) with the rows read later
   * (`late`, whose row j is element `lateAt[j]`) put into the gaps: no copy of the columns
   * (at train2017 scale a copy wrote 66 MB of new memory, whose first touch cost more than
   * the copy). `scanned`'s columns become the rows' (made room in first, if need be).
   */
  static inPlace(
    scanned: AnnotationColumns,
    elementOf: (row: number) => number,
    late: AnnotationColumns,
    lateAt: readonly number[],
    total: number,
  ): AnnotationRows {
    if (scanned.count + late.count !== total) throw new RangeError('inPlace: rows are missing');
    scanned.reserve(total);
    const columns: [Float64Array | Uint8Array, Float64Array | Uint8Array, number][] = [
      [scanned.id, late.id, 1],
      [scanned.imageId, late.imageId, 1],
      [scanned.categoryId, late.categoryId, 1],
      [scanned.area, late.area, 1],
      [scanned.score, late.score, 1],
      [scanned.iscrowd, late.iscrowd, 1],
      [scanned.bbox, late.bbox, 4],
    ];
    // Runs of rows of consecutive elements move up to their elements, the last run first
    // (a run's place is at or after where it is, past the runs before it).
    for (let end = scanned.count; end > 0;) {
      let start = end - 1;
      while (start > 0 && elementOf(start - 1) === elementOf(start) - 1) start--;
      const to = elementOf(start);
      if (to !== start)
        for (const [column, , width] of columns)
          column.copyWithin(width * to, width * start, width * end);
      end = start;
    }
    for (let j = 0; j < lateAt.length; j++)
      for (const [column, from, width] of columns)
        column.set(from.subarray(width * j, width * (j + 1)), width * lateAt[j]!);
    const rows = new AnnotationRows(1);
    const ids = <T>(column: Float64Array) => column.subarray(0, total) as unknown as IdColumn<T>;
    rows.ids = ids(scanned.id);
    rows.imageIds = ids(scanned.imageId);
    rows.categoryIds = ids(scanned.categoryId);
    rows.area = scanned.area.subarray(0, total);
    rows.score = scanned.score.subarray(0, total);
    rows.iscrowd = scanned.iscrowd.subarray(0, total);
    rows.bbox = scanned.bbox.subarray(0, 4 * total);
    rows.sourceIndex = new Int32Array(total);
    for (let i = 0; i < total; i++) rows.sourceIndex[i] = i;
    rows.count = total;
    return rows;
  }

  add(record: AnnotationRecord): void {
    const row = this.count++;
    if (row === this.sourceIndex.length) this.grow();
    this.ids[row] = record.id;
    this.imageIds[row] = record.imageId;
    this.categoryIds[row] = record.categoryId;
    this.sourceIndex[row] = record.sourceIndex;
    this.iscrowd[row] = record.iscrowd ? 1 : 0;
    this.area[row] = record.area ?? NaN;
    this.score[row] = record.score ?? NaN;
    const box = record.bbox;
    for (let k = 0; k < 4; k++) this.bbox[4 * row + k] = box === null ? NaN : box[k]!;
  }

  /** Row `from` of `scanned`, read from the file's bytes (regular: every value known). */
  addScanned(scanned: AnnotationColumns, from: number, sourceIndex: number): void {
    const row = this.count++;
    if (row === this.sourceIndex.length) this.grow();
    this.ids[row] = scanned.id[from]! as AnnotationId;
    this.imageIds[row] = scanned.imageId[from]! as ImageId;
    this.categoryIds[row] = scanned.categoryId[from]! as CategoryId;
    this.sourceIndex[row] = sourceIndex;
    this.iscrowd[row] = scanned.iscrowd[from]!;
    this.area[row] = scanned.area[from]!;
    this.score[row] = scanned.score[from]!;
    for (let k = 0; k < 4; k++) this.bbox[4 * row + k] = scanned.bbox[4 * from + k]!;
  }

  /** The columns at their final size. */
  trim(): this {
    // Rows made in place are at their size; lists need no trimming.
    if (this.count === this.sourceIndex.length) return this;
    this.sourceIndex = this.sourceIndex.slice(0, this.count);
    this.iscrowd = this.iscrowd.slice(0, this.count);
    this.area = this.area.slice(0, this.count);
    this.score = this.score.slice(0, this.count);
    this.bbox = this.bbox.slice(0, 4 * this.count);
    return this;
  }

  /** Room for twice the rows (the id lists grow as they are written; rows made in place are full). */
  private grow(): void {
    const n = this.sourceIndex.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T => {
      const out = new (a.constructor as new (n: number) => T)(size);
      out.set(a);
      return out;
    };
    this.sourceIndex = grown(this.sourceIndex, n);
    this.iscrowd = grown(this.iscrowd, n);
    this.area = grown(this.area, n);
    this.score = grown(this.score, n);
    this.bbox = grown(this.bbox, 4 * n);
  }
}
