/**
 * What a stored table reads its records back from: the file's bytes by range. FileBytes
 * keeps them in memory (a zip's inflated entry, tests); DiskBytes reads them from the
 * file itself on each ask, so an opened file costs its columns, not its size.
 */
export interface StoredBytes {
  readonly length: number;
  /** Bytes `[start, end)`: a view when they lie in one buffer, else a copy. */
  slice(start: number, end: number): Uint8Array;
  /** Bytes `[start, end)` as `bytes[start, end)` of some buffer, copied only when needed. */
  view(start: number, end: number): { bytes: Uint8Array; start: number; end: number };
  /** The UTF-8 text of bytes `[start, end)`. */
  text(start: number, end: number): string;
  /** Line and column (1-based, in bytes) of byte `at`: for messages. */
  lineAndColumn(at: number): { line: number; column: number };
}
