/**
 * JSON number tokens read straight from UTF-8 bytes, to exactly the double `JSON.parse`
 * gives (bit for bit, `-0` included).
 *
 * Fast path (Clinger's): when the decimal mantissa, digits without point or exponent, is an
 * integer below 2^53 and the decimal exponent is within ±22, both the mantissa and 10^|e|
 * are exact doubles, so one multiplication or division rounds correctly, as `JSON.parse`
 * does. Anything else (17-digit coordinates, `1e400`, `1e-30`) goes to `Number()` of the
 * token's text, which for a valid JSON number is the same correctly rounded value.
 */

/** 10^0 … 10^22: every power of ten a double holds exactly. */
import { LOWER_E, MINUS, NINE, PLUS, POINT, UPPER_E, ZERO } from './jsonBytes';

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/** An exponent past this many decimal places is only summed to decide the slow path. */
const EXPONENT_CAP = 100_000;

/**
 * The last value `scanNumber` read, at index 0: a typed array, since a double stored in an
 * object's field, or returned by a getter, took a new heap number per token (train2017-scale's
 * boxes: ~40 MB of garbage per open). The scanner's loops read it here.
 */
export const scannedValue = new Float64Array(1);

/** What else the last `scanNumber` read (its value is `scannedValue[0]`). */
export const scannedNumber = {
  /** The token has neither a fraction nor an exponent (`12`, `-3`, not `12.0`, `1e2`). */
  plainInteger: true,
};

/**
 * Reads the JSON number token that starts at `i` (`-` or a digit) and ends before `end`.
 * Returns the index just past it, or -1 when the bytes there are not a JSON number (`01`
 * is read as `0`: the caller sees `1` where a separator belongs). Sets `scannedNumber`.
 */
export function scanNumber(bytes: Uint8Array, i: number, end: number): number {
  const from = i;
  let negative = false;
  if (bytes[i] === MINUS) {
    negative = true;
    i++;
  }
  if (i >= end) return -1;
  let c = bytes[i]!;
  let mantissa = 0;
  if (c === ZERO) i++;
  else if (c > ZERO && c <= NINE) {
    do {
      mantissa = mantissa * 10 + (c - ZERO);
      i++;
    } while (i < end && ((c = bytes[i]!) - ZERO) >>> 0 < 10);
  } else return -1;
  let scale = 0;
  let plainInteger = true;
  if (i < end && bytes[i] === POINT) {
    plainInteger = false;
    i++;
    const digitsFrom = i;
    while (i < end && ((c = bytes[i]!) - ZERO) >>> 0 < 10) {
      mantissa = mantissa * 10 + (c - ZERO);
      i++;
    }
    if (i === digitsFrom) return -1;
    scale = i - digitsFrom;
  }
  let exponent = 0;
  if (i < end && ((c = bytes[i]!) === LOWER_E || c === UPPER_E)) {
    plainInteger = false;
    i++;
    let exponentNegative = false;
    if (i < end && ((c = bytes[i]!) === PLUS || c === MINUS)) {
      exponentNegative = c === MINUS;
      i++;
    }
    const digitsFrom = i;
    while (i < end && (c = bytes[i]!) >= ZERO && c <= NINE) {
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + (c - ZERO);
      i++;
    }
    if (i === digitsFrom) return -1;
    if (exponentNegative) exponent = -exponent;
  }
  scannedNumber.plainInteger = plainInteger;
  const e10 = exponent - scale;
  let value: number;
  // A mantissa summed past 2^53 may have rounded; rounding is monotonic, so it still
  // compares ≥ 2^53 and the slow path takes it.
  if (mantissa <= Number.MAX_SAFE_INTEGER && e10 >= -22 && e10 <= 22) {
    value = e10 >= 0 ? mantissa * POW10[e10]! : mantissa / POW10[-e10]!;
    if (negative) value = -value;
  } else value = Number(asciiText(bytes, from, i));
  scannedValue[0] = value;
  return i;
}

/**
 * Past the JSON number token at `i` if its value is finite, else -1 (not a number token, or
 * one that overflows, such as `1e400`). The value itself is not computed unless the token
 * has an exponent or more than 308 integer digits (the only ways to overflow): polygon
 * coordinates need only to be valid and finite, and this is the scanner's hottest loop.
 */
export function skipFiniteNumber(bytes: Uint8Array, i: number, end: number): number {
  const from = i;
  if (bytes[i] === MINUS) i++;
  if (i >= end) return -1;
  const first = bytes[i]!;
  if (first === ZERO) i++;
  else if (first > ZERO && first <= NINE) {
    const digitsFrom = i;
    do i++;
    while (i < end && (bytes[i]! - ZERO) >>> 0 < 10);
    if (i - digitsFrom > 308) return finiteByValue(bytes, from, end);
  } else return -1;
  if (i < end && bytes[i] === POINT) {
    const digitsFrom = ++i;
    while (i < end && (bytes[i]! - ZERO) >>> 0 < 10) i++;
    if (i === digitsFrom) return -1;
  }
  if (i < end && (bytes[i]! | 0x20) === LOWER_E) return finiteByValue(bytes, from, end);
  return i;
}

function finiteByValue(bytes: Uint8Array, from: number, end: number): number {
  const to = scanNumber(bytes, from, end);
  return to >= 0 && Number.isFinite(scannedValue[0]!) ? to : -1;
}

/** The ASCII bytes `[from, to)` as a string. */
export function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k += 4096)
    text += String.fromCharCode(...bytes.subarray(k, Math.min(to, k + 4096)));
  return text;
}
