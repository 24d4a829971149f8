/**
 * The later part of a big `annotations` list, read by a second worker while the first
 * reads the file from its start: the two cores split the scan. The second reader starts
 * at an arbitrary byte, so it cannot know where it is in the JSON; it looks for a comma
 * followed by an element the scanner reads whole, and reads on, element after element,
 * while each is one the scanner reads whole and a comma follows. The first reader takes
 * that work only if, when it reaches that comma, the comma really separates two elements
 * of the list (then the rest follows by JSON's grammar alone); otherwise it reads on alone.
 */
import { AnnotationColumns, type ColumnData } from './annotationColumns';
import { CLOSE_ARRAY, COMMA, OPEN_OBJECT } from './jsonBytes';
import { skipWhitespace } from './jsonSkip';
import { scanAnnotationFrom } from './scanAnnotation';

/** What the second reader read. */
export type TailScan = {
  /** The comma before its first element, where the first reader stops. */
  readonly comma: number;
  /**
   * The elements' spans, as the splitter records them: `[start, end)` from just past the
   * comma before to the comma (or the list's `]`) after, two numbers each.
   */
  readonly spans: Float64Array;
  /** The elements' rows, element k at row k, every one regular (plain data in a message). */
  readonly columns: ColumnData;
};

/** Reads bytes `[start, end)` of the file. */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

/**
 * Asks another reader to read the list from byte `from` on: `comma` resolves as soon as it
 * found where to start (null: nowhere), `result` when it is done (null: nothing read).
 */
export type TailScanner = (from: number) => {
  comma: Promise<number | null>;
  result: Promise<TailScan | null>;
};

/** Bytes read at once. */
const SLICE_BYTES = 16 << 20;
/** Bytes kept ahead of the element being read: an element longer ends the scan. */
const AHEAD_BYTES = 1 << 20;
/** How far past `from` a place to start is looked for. */
const SEARCH_BYTES = 64 << 20;

/** The file's bytes from some offset on, read a slice ahead. */
class Window {
  bytes: Uint8Array = new Uint8Array(0);
  /** Where `bytes` starts in the file. */
  start: number;
  private next: Promise<Uint8Array> | null = null;
  private nextEnd: number;

  constructor(
    private readonly read: ReadBytes,
    private readonly size: number,
    from: number,
  ) {
    this.start = from;
    this.nextEnd = from;
    this.prefetch();
  }

  /** Makes `bytes[i…]` hold at least AHEAD_BYTES (or the file's end); returns i's new index. */
  async ensure(i: number): Promise<number> {
    while (this.bytes.length - i < AHEAD_BYTES && this.next !== null) {
      const more = await this.next;
      this.prefetch();
      const kept = this.bytes.subarray(i);
      const joined = new Uint8Array(kept.length + more.length);
      joined.set(kept);
      joined.set(more, kept.length);
      this.start += i;
      this.bytes = joined;
      i = 0;
    }
    return i;
  }

  private prefetch(): void {
    const from = this.nextEnd;
    this.nextEnd = Math.min(this.size, from + SLICE_BYTES);
    this.next = from < this.size ? this.read(from, this.nextEnd) : null;
  }
}

/**
 * Reads `annotations` elements from byte `from` of a file of `size` bytes (see above);
 * `onComma` is told where it starts as soon as that is known. Null when it found no place.
 */
export async function scanTail(
  read: ReadBytes,
  size: number,
  from: number,
  onComma: (comma: number) => void = () => {},
): Promise<TailScan | null> {
  const window = new Window(read, size, from);
  const columns = new AnnotationColumns(1 << 16);
  // A comma, blanks, then an element the scanner reads whole and a comma or `]` follows.
  let i = 0;
  let follower = -1;
  let comma = -1;
  while (follower < 0) {
    i = await window.ensure(i);
    const bytes = window.bytes;
    if (window.start + i - from > SEARCH_BYTES) return null;
    const at = bytes.indexOf(COMMA, i);
    if (at < 0) {
      if (window.start + bytes.length >= size) return null;
      i = bytes.length;
      continue;
    }
    i = at + 1;
    follower = elementAfter(bytes, i, window.start, columns);
    comma = window.start + at;
  }
  onComma(comma);
  const spans: number[] = [comma + 1];
  for (;;) {
    // The element's end: `follower` holds a comma or `]`.
    const end = window.start + follower;
    spans.push(end);
    if (window.bytes[follower] === CLOSE_ARRAY) break;
    spans.push(end + 1);
    i = await window.ensure(follower + 1);
    follower = elementAfter(window.bytes, i, window.start, columns);
    if (follower < 0) {
      spans.pop();
      break;
    }
  }
  columns.trim();
  return { comma, spans: Float64Array.from(spans), columns };
}

/**
 * The element at `bytes[i…]` (after blanks) read into a row of `columns`: the index of the
 * comma or `]` after it, or -1 (no row kept) when it is not one the scanner reads whole.
 */
function elementAfter(
  bytes: Uint8Array,
  i: number,
  fileOffset: number,
  columns: AnnotationColumns,
): number {
  const j = skipWhitespace(bytes, i, bytes.length);
  if (j >= bytes.length || bytes[j] !== OPEN_OBJECT) return -1;
  const end = scanAnnotationFrom(bytes, j, bytes.length, fileOffset, columns);
  if (end < 0) return -1;
  const k = skipWhitespace(bytes, end, bytes.length);
  if (k < bytes.length && (bytes[k] === COMMA || bytes[k] === CLOSE_ARRAY)) return k;
  columns.count--;
  return -1;
}
