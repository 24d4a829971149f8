/**
 * A file's bytes read back from the file on each ask, through a synchronous reader (in the
 * browser's worker, FileReaderSync over the opened File): nothing of the file is kept but
 * the last window read, so reading records one after another in file order reads the disk
 * once per window, and a record picked at random costs one small read.
 */
import { strFromU8 } from 'fflate';
import type { StoredBytes } from './storedBytes';

/** Reads bytes `[start, end)` of the file (end ≤ its size). */
export type ReadRange = (start: number, end: number) => Uint8Array;

/** Bytes read at once for a small ask (a record is a few hundred). */
const WINDOW_BYTES = 64 << 10;
/** Bytes read at once for an ask of a window or more (a run of records). */
const RUNS_BYTES = 4 << 20;
/** Bytes read at once when counting lines. */
const LINE_SCAN_BYTES = 16 << 20;

export class DiskBytes implements StoredBytes {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  /** Ranges the reader of the file kept (see `keep`), by start. */
  private readonly kept: { start: number; bytes: Uint8Array }[] = [];

  constructor(
    readonly length: number,
    private readonly read: ReadRange,
    private readonly windowBytes = WINDOW_BYTES,
  ) {}

  slice(start: number, end: number): Uint8Array {
    const { bytes, start: from, end: to } = this.view(start, end);
    return bytes.subarray(from, to);
  }

  view(start: number, end: number): { bytes: Uint8Array; start: number; end: number } {
    if (!(start >= 0 && start <= end && end <= this.length))
      throw new RangeError(`bytes [${start}, ${end}) are not within 0…${this.length}`);
    const from = start - this.windowStart;
    if (from >= 0 && end - this.windowStart <= this.window.length)
      return { bytes: this.window, start: from, end: from + end - start };
    for (const k of this.kept)
      if (start >= k.start && end <= k.start + k.bytes.length)
        return { bytes: k.bytes, start: start - k.start, end: end - k.start };
    if (end - start >= this.windowBytes) {
      // A run of records (a pass in order reads the file run by run): the next runs are
      // read with it, as one read from disk costs a trip to the browser's process.
      this.window = this.read(start, Math.min(this.length, Math.max(end, start + RUNS_BYTES)));
      this.windowStart = start;
      return { bytes: this.window, start: 0, end: end - start };
    }
    this.window = this.read(start, Math.min(this.length, start + this.windowBytes));
    this.windowStart = start;
    return { bytes: this.window, start: 0, end: end - start };
  }

  /**
   * Keeps bytes `[start, start + bytes.length)`, read anyway, to answer asks within them
   * without a read: the elements the first reading left to read again (those cut by the
   * end of a slice) lie across slices' ends.
   */
  keep(start: number, bytes: Uint8Array): void {
    this.kept.push({ start, bytes });
  }

  text(start: number, end: number): string {
    return strFromU8(this.slice(start, end));
  }

  lineAndColumn(at: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let done = 0; done < at; done += LINE_SCAN_BYTES) {
      const part = this.read(done, Math.min(at, done + LINE_SCAN_BYTES));
      for (let k = part.indexOf(0x0a); k >= 0; k = part.indexOf(0x0a, k + 1)) {
        line++;
        lineStart = done + k + 1;
      }
    }
    return { line, column: at - lineStart + 1 };
  }
}
