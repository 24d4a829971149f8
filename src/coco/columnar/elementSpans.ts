/**
 * Where the elements of one top-level array lie in a JSON file's bytes: `annotations` of a
 * dataset object (its last occurrence, as `JSON.parse` keeps the last of duplicate keys),
 * or the elements of a bare top-level array (a results list). A depth scan that follows
 * strings but checks nothing else: each span is then read by `scanAnnotation`, which
 * validates it, or by `JSON.parse`.
 */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  skipWhitespace,
} from './jsonSkip';

/**
 * The spans `[start, end)` (as pairs, `[s0, e0, s1, e1, …]`, whitespace trimmed at the
 * start) of the elements of the array at top-level `key` (null: the top-level array),
 * or null when there is no such array. `key` is plain ASCII, compared with the file's key
 * as written (a key spelled with escapes is not found).
 */
export function elementSpans(bytes: Uint8Array, key: string | null): number[] | null {
  const want = key === null ? null : asciiBytes(key);
  let spans: number[] | null = null;
  let current: number[] | null = null;
  let depth = 0;
  let lastKeyMatches = false;
  let expectKey = false;
  let elementStart = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const from = i + 1;
      i = from;
      while (i < n && bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
      if (depth === 1 && expectKey && want !== null) {
        lastKeyMatches = equalBytes(bytes, from, i, want);
        expectKey = false;
      }
      i++;
      continue;
    }
    const elementDepth = want === null ? 1 : 2;
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === 0) expectKey = c === OPEN_OBJECT;
      depth++;
      if (depth === elementDepth && c === OPEN_ARRAY && (want === null || lastKeyMatches)) {
        current = [];
        spans = current;
        elementStart = skipWhitespace(bytes, i + 1, n);
        if (bytes[elementStart] === CLOSE_ARRAY) elementStart = -1;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth === elementDepth && current !== null) {
        if (elementStart >= 0) current.push(elementStart, i);
        current = null;
      }
      depth--;
    } else if (c === COMMA) {
      if (depth === elementDepth && current !== null) {
        current.push(elementStart, i);
        elementStart = skipWhitespace(bytes, i + 1, n);
      } else if (depth === 1) expectKey = true;
    }
    i++;
  }
  return spans;
}

function equalBytes(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[from + k] !== word[k]) return false;
  return true;
}

function asciiBytes(text: string): Uint8Array {
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  if (bytes.some((b, k) => b >= 0x80 || b !== text.charCodeAt(k)))
    throw new Error(`elementSpans: the key must be plain ASCII, not ${JSON.stringify(text)}`);
  return bytes;
}
