/**
 * A JSON list of finite numbers (a polygon part, keypoints), validated and counted without
 * computing the values: most bytes of a COCO file are such lists, so this is the scanner's
 * hottest loop. The fast loop follows the common shapes (`-12`, `0.5`, `300.23`) byte by
 * byte; a token it does not follow to the end (an exponent, which may overflow to
 * Infinity, or an integer part of more than 308 digits) hands the list to an exact reader
 * that computes those values. (A table-driven automaton was measured at half this speed:
 * its state chain is one dependent load per byte.)
 */
import { LOWER_E, POINT, ZERO } from './jsonBytes';
import { skipFiniteNumber } from './jsonNumber';
import { CLOSE_ARRAY, COMMA, MINUS, OPEN_ARRAY, skipWhitespace } from './jsonSkip';

/** 1 for the bytes JSON counts as whitespace. */
const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[c] = 1;

/** How many numbers the last `readFiniteNumbers` read. */
export const numberList = { count: 0 };

/**
 * Past the list of finite numbers whose `[` is at `i` (`[]` included), or -1 when it is not
 * one (a syntax error, another kind of item, a number that overflows). The count goes to
 * `numberList.count`.
 */
export function readFiniteNumbers(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== OPEN_ARRAY) return -1;
  const open = i++;
  if (i < end && WHITESPACE[bytes[i]!] === 1) i = skipWhitespace(bytes, i, end);
  if (i < end && bytes[i] === CLOSE_ARRAY) {
    numberList.count = 0;
    return i + 1;
  }
  let count = 0;
  for (;;) {
    // A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)?; c is the byte after each part (0 at end).
    if (i < end && bytes[i] === MINUS) i++;
    if (i >= end) return -1;
    let c = bytes[i]!;
    if (c === ZERO) c = ++i < end ? bytes[i]! : 0;
    else if ((c - 0x31) >>> 0 < 9) {
      const digitsFrom = i;
      do c = ++i < end ? bytes[i]! : 0;
      while ((c - ZERO) >>> 0 < 10);
      if (i - digitsFrom > 308) return readFiniteNumbersExactly(bytes, open, end);
    } else return -1;
    if (c === POINT) {
      const digitsFrom = ++i;
      c = i < end ? bytes[i]! : 0;
      while ((c - ZERO) >>> 0 < 10) c = ++i < end ? bytes[i]! : 0;
      if (i === digitsFrom) return -1;
    }
    if ((c | 0x20) === LOWER_E) return readFiniteNumbersExactly(bytes, open, end);
    count++;
    // Then `,` or `]`, whitespace allowed before either and after `,`.
    if (c === COMMA) {
      i++;
      if (i < end && WHITESPACE[bytes[i]!] === 1) i = skipWhitespace(bytes, i, end);
      continue;
    }
    if (c === CLOSE_ARRAY) break;
    i = skipWhitespace(bytes, i, end);
    if (i >= end) return -1;
    c = bytes[i]!;
    if (c === COMMA) i = skipWhitespace(bytes, i + 1, end);
    else if (c === CLOSE_ARRAY) break;
    else return -1;
  }
  numberList.count = count;
  return i + 1;
}

/** `readFiniteNumbers` one token at a time, each value computed where it may overflow. */
function readFiniteNumbersExactly(bytes: Uint8Array, i: number, end: number): number {
  i = skipWhitespace(bytes, i + 1, end);
  let count = 0;
  if (i < end && bytes[i] === CLOSE_ARRAY) i++;
  else {
    for (;;) {
      i = skipFiniteNumber(bytes, i, end);
      if (i < 0) return -1;
      count++;
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
  numberList.count = count;
  return i;
}
