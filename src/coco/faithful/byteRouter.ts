/**
 * Where the splicer sends the bytes it has read: copied to the output, skipped, or held
 * until it decides (a gap before an element, an element to rewrite). A region is a run of
 * bytes routed one way; it may span chunks (each chunk's part is routed at its end).
 * Offsets are absolute byte positions in the file.
 */

export type Mode = 'copy' | 'skip' | 'hold' | 'copyHold';
export type Emit = (part: Uint8Array | string) => void;

export class ByteRouter {
  mode: Mode = 'copy';
  private regionFrom = 0;
  private held: Uint8Array[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(private readonly emit: Emit) {}

  /** The chunk now being read, which starts at byte `offset` of the file. */
  startChunk(chunk: Uint8Array, offset: number): void {
    this.chunk = chunk;
    this.offset = offset;
  }

  /** Routes the bytes up to `at` as the current mode says; from `at` on, as `mode` says. */
  switchTo(mode: Mode, at: number): void {
    const from = this.regionFrom - this.offset;
    const to = at - this.offset;
    if (to > from) {
      if (this.mode === 'copy' || this.mode === 'copyHold')
        this.emit(this.chunk.subarray(from, to));
      if (this.mode === 'hold' || this.mode === 'copyHold')
        this.held.push(this.chunk.slice(from, to));
    }
    this.mode = mode;
    this.regionFrom = at;
  }

  /**
   * Bytes from the end of the last chunk up to `at` were never given (they are copied by
   * whoever passed them over): routing goes on from `at`.
   */
  skipUnread(at: number): void {
    if (this.mode !== 'copy' || this.regionFrom !== this.offset + this.chunk.length)
      throw new Error('only copied bytes after the last chunk can go unread');
    this.offset = at;
    this.chunk = new Uint8Array(0);
    this.regionFrom = at;
  }

  /** Emits what was held and copies from `at` on; returns the held text. */
  release(at: number): string {
    this.switchTo('copy', at);
    const text = gapText(this.takeHeld());
    this.emit(text);
    return text;
  }

  takeHeld(): Uint8Array[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  /** The end of the current chunk: its part of the region is routed now. */
  endOfChunk(): void {
    this.switchTo(this.mode, this.offset + this.chunk.length);
  }
}

/** Whitespace and commas (ASCII) as a string. */
export function gapText(parts: Uint8Array[]): string {
  let out = '';
  for (const p of parts) for (let i = 0; i < p.length; i++) out += String.fromCharCode(p[i]!);
  return out;
}

/** The parts as one buffer (the part itself when there is one). */
export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
