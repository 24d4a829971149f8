/** The splitter's byte-level passes (jsonSplitter.ts): what it skips, and where it looks. */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  NEWLINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from '../coco/columnar/jsonBytes';

/** The bytes the scanner looks at; every other byte (digits, mostly) is passed over. */
export const STRUCTURAL = new Uint8Array(256);
for (const c of [QUOTE, COMMA, NEWLINE, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT])
  STRUCTURAL[c] = 1;
export const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The nesting depth where the last `passOver` stopped. */
export const passed = { depth: 0 };

/**
 * From `i`, passes over what changes nothing but the nesting inside elements (most bytes
 * of a COCO file: the digits and commas of polygons, the strings of `images`) and returns
 * where a byte needs a closer look: a newline, a string at depth 2 or less (or one that
 * goes on in the next chunk), or a comma or bracket at depth 2 or less.
 */
export function passOver(chunk: Uint8Array, i: number, n: number, depth: number): number {
  for (; i < n; i++) {
    const c = chunk[i]!;
    if (STRUCTURAL[c] === 0) continue;
    if (depth <= 2 || c === NEWLINE) break;
    if (c === QUOTE) {
      // A string inside an element matters only where it ends (the splitter's own loop
      // took ~0.1 µs a string: train2017-scale's `images` hold 1.9 M of them).
      const close = closingQuote(chunk, i + 1, n);
      if (close < 0) break;
      i = close;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
    else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  passed.depth = depth;
  return i;
}

/**
 * The quote that closes a string whose content starts at `from` (a quote after an even
 * number of backslashes), or -1 when it does not close before `n`.
 */
export function closingQuote(bytes: Uint8Array, from: number, n: number): number {
  for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < n; q = bytes.indexOf(QUOTE, q + 1)) {
    let k = q - 1;
    while (k >= from && bytes[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
  }
  return -1;
}

/** The first backslash in `bytes[from, to)`, or `to` when there is none. */
export function backslashBefore(bytes: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) if (bytes[k] === BACKSLASH) return k;
  return to === bytes.length ? to : to + 1;
}

/** The first byte at or after `i` that is not whitespace, or `n`. */
export function skipBlanks(bytes: Uint8Array, i: number, n: number): number {
  while (i < n && WHITESPACE.has(bytes[i]!)) i++;
  return i;
}

/** Where `byte` next occurs in `bytes` from `from`, or `n` (the length) if nowhere. */
export function indexOr(bytes: Uint8Array, byte: number, from: number, n: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? n : at;
}
