/**
 * A file's bytes, kept as it was read: in pieces (a 2 GB file is never one buffer), read
 * back by byte range. The columnar store reads an annotation's record from here when it
 * is asked for, so the parsed objects of the file need not be kept.
 */
import { strFromU8 } from 'fflate';
import type { StoredBytes } from './storedBytes';

export class FileBytes implements StoredBytes {
  /** Where each piece starts in the file. */
  private readonly starts: Float64Array;
  readonly length: number;

  constructor(private readonly pieces: readonly Uint8Array[]) {
    this.starts = new Float64Array(pieces.length + 1);
    for (let k = 0; k < pieces.length; k++)
      this.starts[k + 1] = this.starts[k]! + pieces[k]!.length;
    this.length = this.starts[pieces.length]!;
  }

  /** The byte at `at` (0 ≤ at < length). */
  byteAt(at: number): number {
    const k = this.pieceOf(at);
    return this.pieces[k]![at - this.starts[k]!]!;
  }

  /** Bytes `[start, end)`: a view when they lie in one piece, else a copy. */
  slice(start: number, end: number): Uint8Array {
    if (!(start >= 0 && start <= end && end <= this.length))
      throw new RangeError(`bytes [${start}, ${end}) are not within 0…${this.length}`);
    const k = this.pieceOf(start);
    const from = start - this.starts[k]!;
    const piece = this.pieces[k]!;
    if (from + (end - start) <= piece.length) return piece.subarray(from, from + end - start);
    const out = new Uint8Array(end - start);
    let done = 0;
    for (let j = k; done < out.length; j++) {
      const part = this.pieces[j]!;
      const at = j === k ? from : 0;
      const take = Math.min(part.length - at, out.length - done);
      out.set(part.subarray(at, at + take), done);
      done += take;
    }
    return out;
  }

  /** Bytes `[start, end)` as `bytes[from, to)` of a piece (no copy), or of a copy when they cross pieces. */
  view(start: number, end: number): { bytes: Uint8Array; start: number; end: number } {
    const k = this.pieceOf(start);
    const from = start - this.starts[k]!;
    const piece = this.pieces[k]!;
    if (from + (end - start) <= piece.length)
      return { bytes: piece, start: from, end: from + end - start };
    return { bytes: this.slice(start, end), start: 0, end: end - start };
  }

  /** The UTF-8 text of bytes `[start, end)`. */
  text(start: number, end: number): string {
    return strFromU8(this.slice(start, end));
  }

  /** Line and column (1-based, in bytes) of byte `at`: for messages, so a scan from the start. */
  lineAndColumn(at: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    let done = 0;
    for (const piece of this.pieces) {
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

  private pieceOf(at: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
