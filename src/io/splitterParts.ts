/** The splitter's buffers (jsonSplitter.ts): bytes it gathers, and where located elements lie. */

/** JSON that is not valid, with the line and column (1-based) in the file where it breaks. */
export class BigJsonError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A growing byte buffer. */
export class Bytes {
  private data = new Uint8Array(1 << 16);
  length = 0;
  append(bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.length + n > this.data.length) {
      const grown = new Uint8Array(Math.max(this.length + n, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(bytes.subarray(from, to), this.length);
    this.length += n;
  }
  /** The bytes held, and the buffer emptied. */
  take(): Uint8Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/**
 * Reads the elements of a located array as the splitter meets them: `scan` reads element
 * number `element`, which starts at `chunk[from]`, and returns the index after its end, or
 * -1 when it cannot read it whole before `limit` (nothing is kept then); `drop` forgets
 * the element it read last (the splitter could not see what follows it).
 */
export type ElementScanner = {
  scan(chunk: Uint8Array, from: number, limit: number, fileOffset: number, element: number): number;
  drop(): void;
  /** About how many elements there will be (the spans make room for them at once). */
  readonly expected?: number;
};

/** Byte ranges `[start, end)` of an array's elements, two numbers each. */
export class ElementSpans {
  private data: Float64Array;
  count = 0;
  /**
   * `expected`: elements to make room for at once (doubling from a small array, 860k
   * elements' spans were copied ~10 times, 27 MB of fresh memory).
   */
  constructor(expected = 512) {
    this.data = new Float64Array(2 * Math.max(512, Math.ceil(expected)));
  }
  /** Where the element being read started. */
  from = 0;
  push(start: number, end: number): void {
    if (2 * this.count + 2 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[2 * this.count] = start;
    this.data[2 * this.count + 1] = end;
    this.count++;
  }
  /** Appends `pairs` (`[start, end, …]`) at once. */
  pushAll(pairs: Float64Array): void {
    const need = 2 * this.count + pairs.length;
    if (need > this.data.length) {
      const grown = new Float64Array(Math.max(need, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(pairs, 2 * this.count);
    this.count += pairs.length / 2;
  }

  /** `[start0, end0, start1, end1, …]`: a view when most of the room is used, else a copy. */
  take(): Float64Array {
    const used = 2 * this.count;
    return used >= 0.75 * this.data.length ? this.data.subarray(0, used) : this.data.slice(0, used);
  }
}
