/**
 * One element of an `annotations` array, read from the file's bytes into a row of
 * `AnnotationColumns` without `JSON.parse`.
 *
 * An element is **regular** when the row holds its values exactly (numbers bit for bit as
 * `JSON.parse` gives them) and its full parse (`JSON.parse`, then `parseAnnotations`)
 * reports no problem about the record itself. Problems that depend on the rest of the file
 * are the caller's to check from the columns: a duplicate `id`, an `image_id` or
 * `category_id` not in the file, `keypoints` whose count (`keypointCount`) is not the
 * category's, an RLE whose `size` (`rleSize`) is not the image's.
 *
 * Regular is, exactly, an object (whitespace anywhere JSON allows it) with
 * - `id`, `image_id`, `category_id`: integer tokens (no fraction, no exponent) that are
 *   safe integers;
 * - `iscrowd`: a number equal to 0 or 1;
 * - optionally `area`, `score`: finite numbers ≥ 0;
 * - optionally `bbox`: exactly 4 finite numbers, each ≥ 0 (a negative x or y is a warning);
 * - optionally `segmentation`: `null`, `[]`, polygon parts each of ≥ 6 numbers and an even
 *   count on a non-crowd record, or on a crowd record an RLE object that `parseRle` takes
 *   without a problem (see `readRle`);
 * - optionally `keypoints`: finite numbers, a multiple of 3 of them;
 * - optionally `attributes`: an object (passed over, validated);
 * - any other key with a valid JSON value (passed over, validated), except `caption` and
 *   `segments_info` (captions and panoptic records are parsed the old way).
 * Keys are compared as raw bytes: a key holding an escape, or a known key given twice,
 * makes the element irregular. So does any JSON syntax error in the element.
 */
import { AnnotationColumns, SegKind } from './annotationColumns';
import { scannedNumber, scannedValue } from './jsonNumber';
import { numberList, readFiniteNumbers } from './numberList';
import {
  BACKSLASH,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  isWhitespace,
  skipValue,
  skipWhitespace,
} from './jsonSkip';
import {
  readNumber,
  readNumbersInto,
  readPolygons,
  readRle,
  scannedGeometry,
} from './scanGeometry';

/** The keys read into columns (or refused), by bit. */
const Key = {
  id: 1 << 0,
  image_id: 1 << 1,
  category_id: 1 << 2,
  iscrowd: 1 << 3,
  area: 1 << 4,
  score: 1 << 5,
  bbox: 1 << 6,
  segmentation: 1 << 7,
  keypoints: 1 << 8,
  attributes: 1 << 9,
  caption: 1 << 10,
  segments_info: 1 << 11,
} as const;
const REQUIRED = Key.id | Key.image_id | Key.category_id | Key.iscrowd;
const REFUSED = Key.caption | Key.segments_info;
const OTHER = 0;

/**
 * Known keys by byte length and first byte (no two share both): slot `length << 8 | first`
 * holds the spelling and the bit.
 */
const KEY_SPELLINGS: (Uint8Array | undefined)[] = new Array<undefined>(16 << 8).fill(undefined);
const KEY_BITS = new Uint16Array(16 << 8);
for (const [name, bit] of Object.entries(Key)) {
  const slot = (name.length << 8) | name.charCodeAt(0);
  if (KEY_SPELLINGS[slot] !== undefined) throw new Error(`key slot taken twice: ${name}`);
  KEY_SPELLINGS[slot] = Uint8Array.from(name, (c) => c.charCodeAt(0));
  KEY_BITS[slot] = bit;
}

/** The bit of the key spelled by bytes `[from, to)`, or OTHER. */
function keyOf(bytes: Uint8Array, from: number, to: number): number {
  const length = to - from;
  if (length >= 16 || length === 0) return OTHER;
  const slot = (length << 8) | bytes[from]!;
  const spelling = KEY_SPELLINGS[slot];
  if (spelling === undefined) return OTHER;
  for (let k = 1; k < length; k++) if (bytes[from + k] !== spelling[k]) return OTHER;
  return KEY_BITS[slot]!;
}

/**
 * Scans the element in `bytes[start, end)` (whitespace around it allowed) and appends its
 * row to `out`; `fileOffset` is the file position of `bytes[0]`, so the row's span is in
 * file bytes. Returns whether the element is regular (see the module's header); when it is
 * not, the row holds only the span and the caller parses the element the old way.
 */
export function scanAnnotation(
  bytes: Uint8Array,
  start: number,
  end: number,
  fileOffset: number,
  out: AnnotationColumns,
): boolean {
  if (!(start >= 0 && start <= end && end <= bytes.length))
    throw new RangeError(`scanAnnotation: [${start}, ${end}) is not within 0…${bytes.length}`);
  const from = skipWhitespace(bytes, start, end);
  let to = end;
  while (to > from && isWhitespace(bytes[to - 1]!)) to--;
  const row = out.addRow(fileOffset + from, fileOffset + to);
  if (readObject(bytes, from, to, out, row) === to) {
    out.regular[row] = 1;
    return true;
  }
  out.clearRow(row);
  return false;
}

/**
 * Scans a regular element that starts at `bytes[from]` and ends (its closing brace) before
 * `limit`, without knowing its end beforehand: appends its row and returns the index after
 * its closing brace; or returns -1 (irregular, or not complete before `limit`), appending nothing.
 */
export function scanAnnotationFrom(
  bytes: Uint8Array,
  from: number,
  limit: number,
  fileOffset: number,
  out: AnnotationColumns,
): number {
  const row = out.addRow(0, 0);
  const end = readObject(bytes, from, limit, out, row);
  if (end < 0) {
    out.count--;
    return -1;
  }
  out.start[row] = fileOffset + from;
  out.end[row] = fileOffset + end;
  out.regular[row] = 1;
  return end;
}

/**
 * Reads a regular annotation object from `bytes[i]`, within `end`; its values go to `row`.
 * Returns the index after its closing brace, or -1 when it is not one.
 */
function readObject(
  bytes: Uint8Array,
  i: number,
  end: number,
  out: AnnotationColumns,
  row: number,
): number {
  const NOT = -1;
  if (i >= end || bytes[i] !== OPEN_OBJECT) return NOT;
  i = skipWhitespace(bytes, i + 1, end);
  let seen = 0;
  let iscrowd = 0;
  let segKind: number = SegKind.none;
  for (;;) {
    if (i >= end || bytes[i] !== QUOTE) return NOT;
    const keyFrom = i + 1;
    let k = keyFrom;
    let c: number;
    while (k < end && (c = bytes[k]!) !== QUOTE) {
      if (c === BACKSLASH || c < 0x20) return NOT;
      k++;
    }
    if (k >= end) return NOT;
    const key = keyOf(bytes, keyFrom, k);
    if ((seen & key) !== 0 || (key & REFUSED) !== 0) return NOT;
    seen |= key;
    i = skipWhitespace(bytes, k + 1, end);
    if (i >= end || bytes[i] !== COLON) return NOT;
    i = skipWhitespace(bytes, i + 1, end);
    if (i >= end) return NOT;
    switch (key) {
      case Key.id:
      case Key.image_id:
      case Key.category_id: {
        i = readNumber(bytes, i, end);
        const v = scannedValue[0]!;
        if (i < 0 || !scannedNumber.plainInteger || !Number.isSafeInteger(v)) return NOT;
        (key === Key.id ? out.id : key === Key.image_id ? out.imageId : out.categoryId)[row] = v;
        break;
      }
      case Key.iscrowd:
        i = readNumber(bytes, i, end);
        if (i < 0 || !(scannedValue[0]! === 0 || scannedValue[0]! === 1)) return NOT;
        iscrowd = scannedValue[0]!;
        break;
      case Key.area:
      case Key.score: {
        i = readNumber(bytes, i, end);
        const v = scannedValue[0]!;
        if (i < 0 || !(v >= 0 && v < Infinity)) return NOT;
        (key === Key.area ? out.area : out.score)[row] = v;
        break;
      }
      case Key.bbox:
        i = readNumbersInto(bytes, i, end, out.bbox, 4 * row, 4);
        break;
      case Key.segmentation:
        if (bytes[i] === OPEN_ARRAY) {
          i = readPolygons(bytes, i, end);
          if (i >= 0 && scannedGeometry.parts > 0) {
            segKind = SegKind.polygons;
            out.parts[row] = scannedGeometry.parts;
          }
        } else if (bytes[i] === OPEN_OBJECT) {
          i = readRle(bytes, i, end);
          segKind = SegKind.rle;
          out.rleSize[2 * row] = scannedGeometry.height;
          out.rleSize[2 * row + 1] = scannedGeometry.width;
        } else if (bytes[i] === 0x6e)
          i = skipValue(bytes, i, end); // null, or an error
        else return NOT;
        break;
      case Key.keypoints:
        i = readFiniteNumbers(bytes, i, end);
        if (i >= 0 && numberList.count % 3 !== 0) return NOT;
        out.keypointCount[row] = numberList.count;
        break;
      case Key.attributes:
        if (bytes[i] !== OPEN_OBJECT) return NOT;
        i = skipValue(bytes, i, end);
        break;
      default:
        i = skipValue(bytes, i, end);
    }
    if (i < 0) return NOT;
    if (i < end && bytes[i] !== COMMA) i = skipWhitespace(bytes, i, end);
    if (i >= end) return NOT;
    if (bytes[i] === COMMA) i = skipWhitespace(bytes, i + 1, end);
    else if (bytes[i] === CLOSE_OBJECT) break;
    else return NOT;
  }
  if ((seen & REQUIRED) !== REQUIRED) return NOT;
  // A crowd record's polygons, or a non-crowd record's RLE, get an info problem.
  if ((segKind === SegKind.polygons && iscrowd === 1) || (segKind === SegKind.rle && iscrowd === 0))
    return NOT;
  out.iscrowd[row] = iscrowd;
  out.segKind[row] = segKind;
  return i + 1;
}
