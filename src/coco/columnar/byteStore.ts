/**
 * A file's bytes kept as the chunks they were read in: never one buffer, so a file past
 * 2 GB (more than one ArrayBuffer may hold in some engines) can be kept whole, and an
 * untouched record is re-read from its bytes (`json`) instead of being kept as an object.
 * Offsets are file positions in bytes (numbers: files may pass 4 GB).
 */
import { strFromU8 } from 'fflate';

export class ByteStore {
  private readonly chunks: Uint8Array[] = [];
  /** File position of each chunk's first byte, ascending. */
  private readonly offsets: number[] = [];
  /** Bytes held: the file position just past the last chunk. */
  length = 0;

  /** Keeps `chunk` as the next bytes of the file (not copied: the caller hands it over). */
  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.offsets.push(this.length);
    this.length += chunk.length;
  }

  /**
   * Bytes `[start, end)` of the file: a view of the chunk that holds them all, or a copy
   * when they cross chunk boundaries.
   */
  subarray(start: number, end: number): Uint8Array {
    if (!(start >= 0 && start <= end && end <= this.length))
      throw new RangeError(`ByteStore: [${start}, ${end}) is not within 0…${this.length}`);
    if (start === end) return new Uint8Array(0);
    let k = this.chunkAt(start);
    const first = this.chunks[k]!;
    const firstOffset = this.offsets[k]!;
    if (end - firstOffset <= first.length)
      return first.subarray(start - firstOffset, end - firstOffset);
    const out = new Uint8Array(end - start);
    for (let at = start; at < end; k++) {
      const chunk = this.chunks[k]!;
      const offset = this.offsets[k]!;
      const piece = chunk.subarray(at - offset, Math.min(chunk.length, end - offset));
      out.set(piece, at - start);
      at += piece.length;
    }
    return out;
  }

  /** `JSON.parse` of the UTF-8 text of bytes `[start, end)` (it throws as `JSON.parse` does). */
  json(start: number, end: number): unknown {
    return JSON.parse(strFromU8(this.subarray(start, end))) as unknown;
  }

  /** The index of the chunk holding file position `offset` (< length). */
  private chunkAt(offset: number): number {
    let low = 0;
    let high = this.offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.offsets[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
