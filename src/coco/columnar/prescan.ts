/**
 * The `annotations` elements read while the file itself is read: io's splitter hands each
 * element it meets to `scan` (the one pass over those bytes), which keeps the regular ones'
 * rows. What it cannot read whole (an irregular element, one cut by the end of a slice) is
 * read later by parseStored, from the kept bytes.
 */
import { AnnotationColumns, type ColumnData } from './annotationColumns';
import { scanAnnotationFrom } from './scanAnnotation';

export class Prescan {
  private rows: AnnotationColumns;
  /** The element (position in the list) of each row. */
  private elementOf: Int32Array;

  /** `expected`: about how many elements there will be (the columns grow past it if needed). */
  constructor(expected = 1 << 14) {
    const capacity = Math.max(1024, Math.ceil(expected));
    this.rows = new AnnotationColumns(capacity);
    this.elementOf = new Int32Array(capacity);
  }

  /** The rows read, in the order of their elements. */
  get columns(): AnnotationColumns {
    return this.rows;
  }

  /**
   * Forgets every row, once a table was made in their columns (see AnnotationRows.inPlace):
   * a parse of the same file again reads every element from its bytes.
   */
  forget(): void {
    this.rows = new AnnotationColumns(1);
    this.elementOf = new Int32Array(1);
  }

  get count(): number {
    return this.rows.count;
  }

  /** About how many elements there will be (see ElementScanner). */
  get expected(): number {
    return this.rows.capacity;
  }

  /** Reads element `element` from `chunk[from]`; the index after it, or -1 (see ElementScanner). */
  scan(
    chunk: Uint8Array,
    from: number,
    limit: number,
    fileOffset: number,
    element: number,
  ): number {
    const end = scanAnnotationFrom(chunk, from, limit, fileOffset, this.columns);
    if (end < 0) return -1;
    const row = this.rows.count - 1;
    if (row === this.elementOf.length) {
      const grown = new Int32Array(this.rows.capacity);
      grown.set(this.elementOf);
      this.elementOf = grown;
    }
    this.elementOf[row] = element;
    return end;
  }

  /** Appends rows read elsewhere (see tailScan.ts): row k is element `firstElement + k`. */
  adopt(rows: ColumnData, firstElement: number): void {
    const base = this.rows.count;
    this.rows.append(rows);
    if (this.elementOf.length < this.rows.capacity) {
      const grown = new Int32Array(this.rows.capacity);
      grown.set(this.elementOf);
      this.elementOf = grown;
    }
    for (let k = 0; k < rows.count; k++) this.elementOf[base + k] = firstElement + k;
  }

  /** Forgets the row read last. */
  drop(): void {
    this.rows.count--;
  }

  /** The element of `row`. */
  element(row: number): number {
    return this.elementOf[row]!;
  }
}
