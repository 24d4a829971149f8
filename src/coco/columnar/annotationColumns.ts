/**
 * An `annotations` array as typed columns, one row per element in file order: what the
 * index, the lists and the checks need, without keeping a parsed object per annotation
 * (the record itself is `JSON.parse`d from its byte span when it is needed).
 *
 * Absent values: NaN in the Float64 columns, -1 in `keypointCount`. Byte offsets are
 * Float64 because files may pass 4 GB. Columns grow by half again; read them up to `count`
 * (or call `trim()` once the array is complete).
 */

/** `segKind`: what an element's `segmentation` is. */
export const SegKind = {
  /** absent, `null` or `[]` */
  none: 0,
  /** a list of polygon parts (`parts` of them) */
  polygons: 1,
  /** an RLE object (its `[height, width]` in `rleSize`) */
  rle: 2,
} as const;
export type SegKind = (typeof SegKind)[keyof typeof SegKind];

const INITIAL_CAPACITY = 1024;

export class AnnotationColumns {
  /** Rows in use. */
  count = 0;
  /** Rows the columns have room for. */
  capacity: number;
  /** Byte span `[start, end)` of the element in the file (whitespace around it excluded). */
  start: Float64Array;
  end: Float64Array;
  id: Float64Array;
  imageId: Float64Array;
  categoryId: Float64Array;
  area: Float64Array;
  score: Float64Array;
  /** `[x, y, width, height]` per row (image pixels), at `4 * row`. */
  bbox: Float64Array;
  /** 0 or 1 (`iscrowd`). */
  iscrowd: Uint8Array;
  /** A `SegKind`. */
  segKind: Uint8Array;
  /** Polygon parts (0 unless `segKind` is polygons). */
  parts: Uint32Array;
  /** How many numbers `keypoints` holds; -1 when absent. */
  keypointCount: Int32Array;
  /** An RLE's `size` `[height, width]` per row, at `2 * row` (NaN unless `segKind` is rle). */
  rleSize: Float64Array;
  /**
   * 1 when the row holds the element exactly and its full parse reports no problem about the
   * record itself (see `scanAnnotation`); 0 when only the span is known and the element must
   * be parsed the old way (its other columns then say absent).
   */
  regular: Uint8Array;

  constructor(capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(1, capacity);
    const n = this.capacity;
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.id = new Float64Array(n);
    this.imageId = new Float64Array(n);
    this.categoryId = new Float64Array(n);
    this.area = new Float64Array(n);
    this.score = new Float64Array(n);
    this.bbox = new Float64Array(4 * n);
    this.iscrowd = new Uint8Array(n);
    this.segKind = new Uint8Array(n);
    this.parts = new Uint32Array(n);
    this.keypointCount = new Int32Array(n);
    this.rleSize = new Float64Array(2 * n);
    this.regular = new Uint8Array(n);
  }

  /** Appends a row whose values are all absent (regular 0) and returns its index. */
  addRow(start: number, end: number): number {
    if (this.count === this.capacity) this.resize(Math.ceil(this.capacity * 1.5));
    const row = this.count++;
    this.start[row] = start;
    this.end[row] = end;
    this.clearRow(row);
    return row;
  }

  /** Sets every value of `row` but its span to absent, and `regular` to 0. */
  clearRow(row: number): void {
    this.id[row] = NaN;
    this.imageId[row] = NaN;
    this.categoryId[row] = NaN;
    this.area[row] = NaN;
    this.score[row] = NaN;
    const box = 4 * row;
    this.bbox[box] = NaN;
    this.bbox[box + 1] = NaN;
    this.bbox[box + 2] = NaN;
    this.bbox[box + 3] = NaN;
    this.iscrowd[row] = 0;
    this.segKind[row] = SegKind.none;
    this.parts[row] = 0;
    this.keypointCount[row] = -1;
    this.rleSize[2 * row] = NaN;
    this.rleSize[2 * row + 1] = NaN;
    this.regular[row] = 0;
  }

  /** Appends every row of `other` (read elsewhere: another worker's columns arrive as plain data). */
  append(other: ColumnData): void {
    const n = other.count;
    if (this.count + n > this.capacity) this.resize(this.count + n);
    for (const [name, width] of COLUMN_WIDTHS)
      (this[name] as Column).set(
        (other[name] as Column).subarray(0, width * n),
        width * this.count,
      );
    this.count += n;
  }

  /** Room for at least `rows` rows. */
  reserve(rows: number): void {
    if (rows > this.capacity) this.resize(rows);
  }

  /** Shrinks every column to `count` rows (the array is complete). */
  trim(): void {
    this.resize(Math.max(1, this.count));
  }

  /** Bytes the columns hold per row. */
  static readonly bytesPerRow = 8 * 7 + 8 * 4 + 1 + 1 + 4 + 4 + 8 * 2 + 1;

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.start = grown(this.start, capacity);
    this.end = grown(this.end, capacity);
    this.id = grown(this.id, capacity);
    this.imageId = grown(this.imageId, capacity);
    this.categoryId = grown(this.categoryId, capacity);
    this.area = grown(this.area, capacity);
    this.score = grown(this.score, capacity);
    this.bbox = grown(this.bbox, 4 * capacity);
    this.iscrowd = grown(this.iscrowd, capacity);
    this.segKind = grown(this.segKind, capacity);
    this.parts = grown(this.parts, capacity);
    this.keypointCount = grown(this.keypointCount, capacity);
    this.rleSize = grown(this.rleSize, 2 * capacity);
    this.regular = grown(this.regular, capacity);
  }
}

type Column = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** Every column and the numbers it holds per row. */
const COLUMN_WIDTHS = [
  ['start', 1],
  ['end', 1],
  ['id', 1],
  ['imageId', 1],
  ['categoryId', 1],
  ['area', 1],
  ['score', 1],
  ['bbox', 4],
  ['iscrowd', 1],
  ['segKind', 1],
  ['parts', 1],
  ['keypointCount', 1],
  ['rleSize', 2],
  ['regular', 1],
] as const;

/** The columns' data without the methods (as a message carries it). */
export type ColumnData = Pick<AnnotationColumns, 'count' | (typeof COLUMN_WIDTHS)[number][0]>;

/** A copy of `column` with room for `length` items (cut when smaller). */
function grown<T extends Column>(column: T, length: number): T {
  const out = new (column.constructor as new (n: number) => T)(length);
  out.set(column.subarray(0, Math.min(length, column.length)));
  return out;
}
