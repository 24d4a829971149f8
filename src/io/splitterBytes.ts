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
 * of a COCO file: the digits and commas of polygons) and returns where a byte needs a
 * closer look: a quote, a newline, or a comma or bracket at depth 2 or less.
 */
export function passOver(chunk: Uint8Array, i: number, n: number, depth: number): number {
  for (; i < n; i++) {
    const c = chunk[i]!;
    if (STRUCTURAL[c] === 0) continue;
    if (depth <= 2 || c === QUOTE || c === NEWLINE) break;
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
    else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  passed.depth = depth;
  return i;
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
