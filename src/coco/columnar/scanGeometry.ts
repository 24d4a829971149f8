/**
 * Readers for the geometry values of one annotation element, straight from its bytes:
 * `bbox`, polygon `segmentation`, an RLE object, `keypoints`. Each takes the index of the
 * value's first byte, returns the index just past the value, or -1 when the value is not
 * one that `parseBbox` / `parseSegmentation` / `parseAnnotations` would take without a
 * problem (or not valid JSON). What they read goes to `scannedGeometry`.
 */
import { rleStringSums } from '../rle';
import { asciiText, scanNumber, scannedValue } from './jsonNumber';
import { numberList, readFiniteNumbers } from './numberList';
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  MINUS,
  OPEN_ARRAY,
  QUOTE,
  skipString,
  skipValue,
  skipWhitespace,
} from './jsonSkip';

/** What the last reader found (one object, reused). */
export const scannedGeometry = {
  /** Polygon parts read by `readPolygons` (0 for `[]`). */
  parts: 0,
  /** `size` of the RLE read by `readRle`. */
  height: 0,
  width: 0,
};

/** Past the JSON number at `i`; -1 if there is none. Its value is `scannedValue[0]`. */
export function readNumber(bytes: Uint8Array, i: number, end: number): number {
  const c = bytes[i]!;
  if (c !== MINUS && (c < 0x30 || c > 0x39)) return -1;
  return scanNumber(bytes, i, end);
}

/**
 * Past a list of exactly `count` finite numbers ≥ 0 at `i` (a bbox, an RLE size), stored
 * into `out` from `at`.
 */
export function readNumbersInto(
  bytes: Uint8Array,
  i: number,
  end: number,
  out: Float64Array,
  at: number,
  count: number,
): number {
  if (bytes[i] !== OPEN_ARRAY) return -1;
  for (let k = 0; k < count; k++) {
    i = skipWhitespace(bytes, i + 1, end);
    if (i >= end) return -1;
    i = readNumber(bytes, i, end);
    if (i < 0) return -1;
    const v = scannedValue[0]!;
    if (!(v >= 0 && v < Infinity)) return -1;
    out[at + k] = v;
    if (i < end && bytes[i] !== COMMA) i = skipWhitespace(bytes, i, end);
    if (i >= end || bytes[i] !== (k === count - 1 ? CLOSE_ARRAY : COMMA)) return -1;
  }
  return i + 1;
}

/**
 * Past a `segmentation` list at `i`: `[]`, or polygon parts each of at least 6 numbers and
 * an even count (what `parsePolygons` takes without a problem).
 */
export function readPolygons(bytes: Uint8Array, i: number, end: number): number {
  i = skipWhitespace(bytes, i + 1, end);
  let parts = 0;
  if (i < end && bytes[i] === CLOSE_ARRAY) i++;
  else {
    for (;;) {
      i = readFiniteNumbers(bytes, i, end);
      if (i < 0) return -1;
      const n = numberList.count;
      if (n < 6 || n % 2 !== 0) return -1;
      parts++;
      i = skipWhitespace(bytes, i, end);
      if (i >= end) return -1;
      const c = bytes[i]!;
      if (c === COMMA) i = skipWhitespace(bytes, i + 1, end);
      else if (c === CLOSE_ARRAY) {
        i++;
        break;
      } else return -1;
    }
  }
  scannedGeometry.parts = parts;
  return i;
}

const SIZE = Uint8Array.from('size', (c) => c.charCodeAt(0));
const COUNTS = Uint8Array.from('counts', (c) => c.charCodeAt(0));

/**
 * Past an RLE object at `i` that `parseRle` takes without an error or warning: `size`
 * `[height, width]` of whole numbers ≥ 0, `counts` a compressed string or a list of whole
 * numbers ≥ 0 summing to height × width, at least one pixel set. (Whether the mask may be
 * on this record, `iscrowd`, and whether its size is the image's are the caller's to check.)
 */
export function readRle(bytes: Uint8Array, i: number, end: number): number {
  i = skipWhitespace(bytes, i + 1, end);
  if (i < end && bytes[i] === CLOSE_OBJECT) return -1;
  let sum = -1;
  let area = 0;
  let sized = false;
  for (;;) {
    if (i >= end || bytes[i] !== QUOTE) return -1;
    const keyFrom = i + 1;
    let k = keyFrom;
    while (k < end && bytes[k] !== QUOTE && bytes[k] !== BACKSLASH && bytes[k]! >= 0x20) k++;
    if (k >= end || bytes[k] !== QUOTE) return -1;
    i = skipWhitespace(bytes, k + 1, end);
    if (i >= end || bytes[i] !== COLON) return -1;
    i = skipWhitespace(bytes, i + 1, end);
    if (i >= end) return -1;
    if (same(bytes, keyFrom, k, SIZE)) {
      if (sized) return -1;
      sized = true;
      i = readSize(bytes, i, end);
    } else if (same(bytes, keyFrom, k, COUNTS)) {
      if (sum >= 0) return -1;
      i = bytes[i] === QUOTE ? readCountsString(bytes, i, end) : readCountsList(bytes, i, end);
      sum = countsSum;
      area = countsArea;
    } else i = skipValue(bytes, i, end);
    if (i < 0) return -1;
    i = skipWhitespace(bytes, i, end);
    if (i >= end) return -1;
    if (bytes[i] === COMMA) i = skipWhitespace(bytes, i + 1, end);
    else if (bytes[i] === CLOSE_OBJECT) break;
    else return -1;
  }
  const { height, width } = scannedGeometry;
  if (!sized || sum < 0 || sum !== height * width || area === 0) return -1;
  return i + 1;
}

/** `[height, width]`, whole numbers ≥ 0, into `scannedGeometry`. */
function readSize(bytes: Uint8Array, i: number, end: number): number {
  const size = sizeScratch;
  i = readNumbersInto(bytes, i, end, size, 0, 2);
  if (i < 0 || !Number.isInteger(size[0]) || !Number.isInteger(size[1])) return -1;
  scannedGeometry.height = size[0]!;
  scannedGeometry.width = size[1]!;
  return i;
}
const sizeScratch = new Float64Array(2);

let countsSum = 0;
let countsArea = 0;

/**
 * A compressed counts string, summed as `rleStringSums` does. Its characters run from `0` to
 * `o`, backslash included, so files hold `\\`: the escapes `\\`, `\/` and `\"` are
 * decoded here (into a scratch buffer); a string with any other escape is decoded by
 * `JSON.parse` (it was checked by `skipString`, so that cannot fail). A byte past ASCII is
 * refused.
 */
function readCountsString(bytes: Uint8Array, i: number, end: number): number {
  const close = skipString(bytes, i, end);
  if (close < 0) return -1;
  const from = i + 1;
  const to = close - 1;
  let escapes = 0;
  for (let k = from; k < to; k++) {
    const c = bytes[k]!;
    if (c >= 0x80) return -1;
    if (c === BACKSLASH) {
      const e = bytes[++k]!;
      if (e !== BACKSLASH && e !== 0x2f && e !== QUOTE) escapes = -Infinity;
      escapes++;
    }
  }
  if (escapes === 0) rleBytesSums(bytes, from, to);
  else if (escapes > 0) {
    if (unescaped.length < to - from) unescaped = new Uint8Array(2 * (to - from));
    let n = 0;
    for (let k = from; k < to; k++) {
      const c = bytes[k]!;
      unescaped[n++] = c === BACKSLASH ? bytes[++k]! : c;
    }
    rleBytesSums(unescaped, 0, n);
  } else {
    const sums = rleStringSums(JSON.parse(`"${asciiText(bytes, from, to)}"`) as string);
    countsSum = sums.sum;
    countsArea = sums.area;
  }
  return close;
}

/** A counts string with its escapes decoded (reused; grown when a string is longer). */
let unescaped = new Uint8Array(1 << 12);

const UINT32 = 2 ** 32;
/** 32^k = 2^(5k), k < 12: exact. */
const POW32 = Float64Array.from({ length: 12 }, (_, k) => 2 ** (5 * k));

/**
 * `rleStringSums` (see rle.ts) over the ASCII bytes `[p, n)`, to `countsSum` and
 * `countsArea`: the same steps, a byte for a character code.
 */
export function rleBytesSums(bytes: Uint8Array, p: number, n: number): void {
  let m = 0;
  let back2 = 0;
  let back1 = 0;
  let sum = 0;
  let area = 0;
  while (p < n) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      const c = p < n ? bytes[p]! - 48 : -48;
      x += (c & 0x1f) * (k < 12 ? POW32[k]! : 2 ** (5 * k));
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && (c & 0x10) !== 0) x -= k < 12 ? POW32[k]! : 2 ** (5 * k);
    }
    if (m > 2) x += back2;
    // toUint32 (rle.ts); a floating remainder is slow, and most runs need none.
    if (x < 0 || x >= UINT32) {
      x %= UINT32;
      if (x < 0) x += UINT32;
    }
    sum += x;
    if (m % 2 === 1) area += x;
    back2 = back1;
    back1 = x;
    m++;
  }
  countsSum = sum;
  countsArea = area;
}

/** What the last `rleBytesSums` (or counts reader) found. */
export function lastCountsSums(): { sum: number; area: number } {
  return { sum: countsSum, area: countsArea };
}

/** An uncompressed counts list of whole numbers ≥ 0, summed as `listSums` does. */
function readCountsList(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== OPEN_ARRAY) return -1;
  i = skipWhitespace(bytes, i + 1, end);
  let sum = 0;
  let area = 0;
  let index = 0;
  if (i < end && bytes[i] === CLOSE_ARRAY) i++;
  else {
    for (;;) {
      // Runs are written as plain whole numbers: summed here digit by digit (exact below
      // 2^53: at most 15 digits); any other spelling goes to readNumber.
      let v = 0;
      const from = i;
      let c = bytes[i]!;
      while ((c - 0x30) >>> 0 < 10) {
        v = v * 10 + (c - 0x30);
        c = ++i < end ? bytes[i]! : 0;
      }
      const digits = i - from;
      if (digits === 0 || digits > 15 || c === 0x2e || (c | 0x20) === 0x65) {
        i = readNumber(bytes, from, end);
        if (i < 0) return -1;
        v = scannedValue[0]!;
        if (!Number.isInteger(v) || v < 0) return -1;
        c = i < end ? bytes[i]! : 0;
      } else if (digits > 1 && bytes[from] === 0x30) return -1; // a leading zero
      sum += v;
      area += v * (index & 1); // the set runs: every second one
      index++;
      if (c === COMMA) {
        c = ++i < end ? bytes[i]! : 0;
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i = skipWhitespace(bytes, i, end);
        continue;
      }
      i = skipWhitespace(bytes, i, end);
      if (i >= end) return -1;
      if (bytes[i] === COMMA) i = skipWhitespace(bytes, i + 1, end);
      else if (bytes[i] === CLOSE_ARRAY) {
        i++;
        break;
      } else return -1;
    }
  }
  countsSum = sum;
  countsArea = area;
  return i;
}

/** Whether bytes `[from, to)` spell `word`. */
export function same(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[from + k] !== word[k]) return false;
  return true;
}
