/**
 * Validating passes over JSON bytes: whitespace, strings and whole values, each checked
 * against the JSON grammar (RFC 8259) as `JSON.parse` applies it, so that a value passed
 * over here is one `JSON.parse` accepts. Each returns the index just past what it read,
 * or -1 at the first byte that breaks the grammar.
 *
 * Not checked: that the bytes are valid UTF-8. The text is decoded before `JSON.parse`
 * sees it (a broken sequence becomes U+FFFD), so such bytes break nothing there either.
 */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './jsonBytes';
import { scanNumber } from './jsonNumber';

export {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './jsonBytes';

/** Containers nested deeper than this are not followed (the element is left to `JSON.parse`). */
const MAX_DEPTH = 512;

/** 1 for the bytes JSON counts as whitespace: space, tab, line feed, carriage return. */
const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[c] = 1;

/** 1 for the bytes that may follow a backslash alone (`\u` is checked apart). */
const SHORT_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') SHORT_ESCAPE[c.charCodeAt(0)] = 1;

/** 1 for hexadecimal digits. */
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

const LITERALS = [
  [0x74, 0x72, 0x75, 0x65], // true
  [0x66, 0x61, 0x6c, 0x73, 0x65], // false
  [0x6e, 0x75, 0x6c, 0x6c], // null
].map((bytes) => Uint8Array.from(bytes));

/** Whether JSON counts byte `c` as whitespace. */
export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The index of the first non-whitespace byte at or after `i` (or `end`). */
export function skipWhitespace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && WHITESPACE[bytes[i]!] === 1) i++;
  return i;
}

/** Past the string whose opening quote is at `i`. */
export function skipString(bytes: Uint8Array, i: number, end: number): number {
  i++;
  while (i < end) {
    const c = bytes[i]!;
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      if (i + 1 >= end) return -1;
      const e = bytes[i + 1]!;
      if (SHORT_ESCAPE[e] === 1) i += 2;
      else if (
        e === 0x75 &&
        i + 5 < end &&
        HEX[bytes[i + 2]!] === 1 &&
        HEX[bytes[i + 3]!] === 1 &&
        HEX[bytes[i + 4]!] === 1 &&
        HEX[bytes[i + 5]!] === 1
      )
        i += 6;
      else return -1;
    } else i++;
  }
  return -1;
}

/** Past `true`, `false` or `null` at `i`. */
function skipLiteral(bytes: Uint8Array, i: number, end: number): number {
  const c = bytes[i];
  const literal = c === 0x74 ? LITERALS[0]! : c === 0x66 ? LITERALS[1]! : LITERALS[2]!;
  if (i + literal.length > end) return -1;
  for (let k = 0; k < literal.length; k++) if (bytes[i + k] !== literal[k]) return -1;
  return i + literal.length;
}

/** Open containers of the value being passed over: 1 object, 0 array. */
const openObjects = new Uint8Array(MAX_DEPTH);

/**
 * Past the JSON value (of any kind, nested to any depth up to 512) that starts at `i`
 * (no whitespace before it).
 */
export function skipValue(bytes: Uint8Array, i: number, end: number): number {
  let depth = 0;
  for (;;) {
    // A value starts at i.
    if (i >= end) return -1;
    const c = bytes[i]!;
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      i = skipWhitespace(bytes, i + 1, end);
      if (i < end && bytes[i] === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) i++;
      else {
        if (depth === MAX_DEPTH) return -1;
        openObjects[depth++] = c === OPEN_OBJECT ? 1 : 0;
        if (c === OPEN_OBJECT && (i = skipMemberKey(bytes, i, end)) < 0) return -1;
        continue;
      }
    } else if (c === QUOTE) i = skipString(bytes, i, end);
    else if (c === MINUS || (c >= 0x30 && c <= 0x39)) i = scanNumber(bytes, i, end);
    else if (c === 0x74 || c === 0x66 || c === 0x6e) i = skipLiteral(bytes, i, end);
    else return -1;
    if (i < 0) return -1;
    // After a value: close containers, or go on to the next element or member.
    for (;;) {
      if (depth === 0) return i;
      i = skipWhitespace(bytes, i, end);
      if (i >= end) return -1;
      const s = bytes[i]!;
      const inObject = openObjects[depth - 1] === 1;
      if (s === COMMA) {
        i = skipWhitespace(bytes, i + 1, end);
        if (inObject && (i = skipMemberKey(bytes, i, end)) < 0) return -1;
        break;
      }
      if (s !== (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) return -1;
      depth--;
      i++;
    }
  }
}

/** Past `"key" :` and the whitespace after it, from the key's opening quote at `i`. */
function skipMemberKey(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end || bytes[i] !== QUOTE) return -1;
  i = skipString(bytes, i, end);
  if (i < 0) return -1;
  i = skipWhitespace(bytes, i, end);
  if (i >= end || bytes[i] !== COLON) return -1;
  return skipWhitespace(bytes, i + 1, end);
}
